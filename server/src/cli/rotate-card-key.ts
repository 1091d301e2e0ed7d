/**
 * `coopnet rotate-card-key` and `coopnet retire-card-key <kid>`: the operator's
 * side of card key rotation (docs/cards.md, decision 0008).
 *
 * Rotating publishes a new key and stores it in DATA_DIR/secrets.json as the
 * signing key; a running server keeps signing with the old one until it
 * restarts, which gives tills time to fetch the new key first. Retiring a key
 * makes tills refuse every card it signed: a running server's till API from
 * its next request (it reads the key's state with each card), offline tills
 * from their next key set update.
 */
import { renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Config, ConfigError, readEnv } from '../config.ts';
import { openDatabase } from '../db/database.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { retireCardKey, rotateCardKey } from '../modules/cards/index.ts';
import { readSecretsFile, resolveConfig } from '../secrets.ts';

type Out = (line: string) => void;

/** Replaces the signing key in secrets.json, keeping the other secrets; written whole, then renamed into place. */
export function storeCardSigningKey(dataDir: string, pem: string): void {
  const file = join(dataDir, 'secrets.json');
  const stored = readSecretsFile(file);
  const next = `${file}.new`;
  writeFileSync(next, JSON.stringify({ ...stored, cardSigningKey: pem }, null, 2), { mode: 0o600 });
  renameSync(next, file);
}

async function withDb<T>(cfg: Config, work: (db: ReturnType<typeof openDatabase>['db']) => Promise<T>): Promise<T> {
  const handle = openDatabase(cfg.databaseUrl);
  try {
    await migrateToLatest(handle.db);
    return await work(handle.db);
  } finally {
    await handle.close();
  }
}

export async function rotateCardKeyCommand(out: Out): Promise<void> {
  const env = readEnv();
  // The environment wins over secrets.json: a key stored there would never be used.
  if (env.CARD_SIGNING_KEY)
    throw new ConfigError(
      'CARD_SIGNING_KEY is set in the environment, so secrets.json is not used. Rotate by setting CARD_SIGNING_KEY to a new Ed25519 key and restarting: the previous key stays published.',
    );
  const cfg = resolveConfig(env);
  const rotation = await withDb(cfg, (db) => rotateCardKey(db, cfg.cardSigningKey));
  storeCardSigningKey(cfg.dataDir, rotation.pem);
  out(`Published card key ${rotation.kid} and stored it in ${join(cfg.dataDir, 'secrets.json')} as the signing key.`);
  out(`Key ${rotation.previousKid} stays published: the cards it signed keep working.`);
  out(`Back up ${join(cfg.dataDir, 'secrets.json')} again now, apart from the database backups: restoring them needs this key (docs/operations.md, "Backups").`);
  out('Restart coopnet to sign with the new key, once tills have fetched the key set (they do at least daily).');
  out(
    `When the cards signed with ${rotation.previousKid} are no longer needed: coopnet retire-card-key ${rotation.previousKid}`,
  );
}

export async function retireCardKeyCommand(kidIn: string, out: Out): Promise<void> {
  const kid = kidIn.toLowerCase();
  if (!/^[0-9a-f]{8}$/.test(kid))
    throw new ConfigError(`${kidIn} is not a key id (8 hex characters, as /.well-known/coopnet-keys.json lists them).`);
  const cfg = resolveConfig(readEnv());
  const r = await withDb(cfg, (db) => retireCardKey(db, kid, cfg.cardSigningKey));
  if (r.already) {
    out(`Card key ${kid} was already retired at ${r.retiredAt}.`);
    return;
  }
  out(`Retired card key ${kid} at ${r.retiredAt}.`);
  out(
    'The till API refuses the cards it signed (unknown_key) from now on, offline tills from their next key set update; reprint any printed cards it signed.',
  );
}
