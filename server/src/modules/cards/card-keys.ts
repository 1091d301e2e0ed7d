/**
 * The network's card keys over time. One key signs (the configured one); every
 * key ever used stays in `card_keys`, so cards it signed keep verifying until
 * an operator retires it. Rotating and retiring are operator commands
 * (`coopnet rotate-card-key`, `coopnet retire-card-key <kid>`); see
 * docs/decisions/0008-card-keys-and-revocation.md.
 */
import { generateKeyPairSync } from 'node:crypto';
import type { Db, Executor } from '../../db/database.ts';
import { recordAudit } from '../../platform/audit/audit.repository.ts';
import { nowIso } from '../../platform/clock.ts';
import { AppError, conflict } from '../../platform/errors.ts';
import * as repo from './cards.repository.ts';
import { type CardSigningKey, loadSigningKey } from './signing-key.ts';

/** base64url of the raw 32-byte public key, as `card_keys.public_key` and the JWK `x` hold it. */
export const publicKeyText = (key: CardSigningKey) => Buffer.from(key.publicKey).toString('base64url');

export const keyRetired = (kid: string) =>
  new AppError(
    503,
    'cards.key_retired',
    `The card signing key ${kid} has been retired; the operator must configure a new one (coopnet rotate-card-key).`,
  );

/** Publishes the key unless it already is; refuses a key whose kid is already published for another key. */
export async function publishKey(ex: Executor, key: CardSigningKey): Promise<{ retiredAt: string | null }> {
  const x = publicKeyText(key);
  await repo.insertKey(ex, { kid: key.kidHex, public_key: x, created_at: nowIso(), retired_at: null });
  const row = await repo.findKey(ex, key.kidHex);
  if (row?.public_key !== x) throw new Error(`card key id ${key.kidHex} is already published for another key`);
  return { retiredAt: row.retired_at };
}

/** A fresh Ed25519 key for signing member cards, as PKCS8 PEM. */
function newKeyPem(): string {
  return generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
}

export interface Rotation {
  previousKid: string;
  /** the new active key, PKCS8 PEM: the caller stores it where the server reads its key */
  pem: string;
  kid: string;
}

/**
 * Publishes a new key beside the current one and hands it back to become the
 * signing key. The current key is published too (if a server never did it), so
 * the cards it signed keep verifying. Nothing is retired.
 */
export async function rotateCardKey(db: Db, currentPem: string): Promise<Rotation> {
  const current = loadSigningKey(currentPem);
  return db.transaction().execute(async (trx) => {
    if ((await publishKey(trx, current)).retiredAt) throw keyRetired(current.kidHex);
    // A 4-byte kid can collide with a published one; draw again rather than publish two keys under one id.
    for (let i = 0; i < 8; i++) {
      const pem = newKeyPem();
      const next = loadSigningKey(pem);
      if (await repo.findKey(trx, next.kidHex)) continue;
      await publishKey(trx, next);
      await recordAudit(trx, {
        actorId: null,
        action: 'card_key.rotated',
        subjectType: 'card_key',
        subjectId: next.kidHex,
        before: { activeKid: current.kidHex },
        after: { activeKid: next.kidHex },
      });
      return { previousKid: current.kidHex, pem, kid: next.kidHex };
    }
    throw new Error('could not draw a card key with a free key id');
  });
}

/**
 * Retires a published key: from now on the key set shows its `retiredAt`, the
 * server's own checks drop it, and tills refuse its cards as `unknown_key`.
 * The signing key cannot be retired: rotate first.
 */
export async function retireCardKey(
  db: Db,
  kid: string,
  activePem: string,
): Promise<{ kid: string; retiredAt: string; already: boolean }> {
  const active = loadSigningKey(activePem);
  if (kid === active.kidHex)
    throw conflict(
      'cards.key_active',
      `Key ${kid} is the one signing cards now; run coopnet rotate-card-key and restart first.`,
    );
  return db.transaction().execute(async (trx) => {
    const row = await repo.findKey(trx, kid);
    if (!row) throw new AppError(404, 'cards.unknown_key', `No card key ${kid} is published.`);
    if (row.retired_at) return { kid, retiredAt: row.retired_at, already: true };
    const at = nowIso();
    await repo.retireKey(trx, kid, at);
    await recordAudit(trx, {
      actorId: null,
      action: 'card_key.retired',
      subjectType: 'card_key',
      subjectId: kid,
      after: { retiredAt: at },
    });
    return { kid, retiredAt: at, already: false };
  });
}
