/**
 * `coopnet retire-card-key` runs as its own process on the database the
 * server uses. The server's till must refuse the retired key's cards from the
 * next request on, whatever key set it holds in memory.
 */
import { randomUUID } from 'node:crypto';
import { credentials } from '@coopnet/domain';
import { expect, it } from 'vitest';
import { describeOnDatabases } from '../../../test/harness.ts';
import { retireCardKeyCommand } from '../../cli/rotate-card-key.ts';
import { newCardSigningKey } from '../../secrets.ts';
import { loadSigningKey, publishKey } from '../cards/index.ts';
import { claimsOf, holderWithCard, offer, redeem, redemptionCount, tillWorld, verify } from '../../../test/till-factories.ts';

/** Runs `work` with these environment variables, as a command started with them would see them. */
async function withEnv<T>(vars: Record<string, string>, work: () => Promise<T>): Promise<T> {
  const saved = Object.fromEntries(Object.keys(vars).map((k) => [k, process.env[k]]));
  Object.assign(process.env, vars);
  try {
    return await work();
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}

describeOnDatabases('till: a retired card key is refused at once', (t) => {
  it('refuses the very next check, sale and synced sale of a card signed by a key retired by the command', async () => {
    const w = await tillWorld(t);
    const deal = await offer(t, w.giver.id, { title: 'Twenty percent off' });
    const ana = await holderWithCard(t, w.other.id, 'Ana Souza');
    // An older key K, still published, signed this copy of Ana's card.
    const old = loadSigningKey(newCardSigningKey());
    await publishKey(t.deps.db, old);
    const signedByOld = credentials.issueCard(claimsOf(ana.card.token), old);
    const sale = (card: string) => ({ offerId: deal.id, card, saleCents: 1000 });
    const sync = (card: string) =>
      w.cashier.client.post(`/api/v1/till/${w.giver.id}/redemptions/sync`, {
        items: [{ key: randomUUID(), ...sale(card), redeemedAt: new Date(Date.now() - 60_000).toISOString() }],
      });

    expect((await verify(w.cashier.client, w.giver.id, signedByOld)).statusCode).toBe(200);
    const accepted = await redeem(w.cashier.client, w.giver.id, sale(signedByOld));
    expect(accepted.statusCode, accepted.body).toBe(201);
    expect((await sync(signedByOld)).json().items[0].status).toBe('recorded');
    expect(await redemptionCount(t, deal.id)).toBe(2);

    // The operator's command, with its own connection to the same database.
    const said: string[] = [];
    await withEnv(
      {
        DATABASE_URL: t.deps.config.databaseUrl,
        DATA_DIR: t.deps.config.dataDir,
        SESSION_SECRET: t.deps.config.sessionSecret,
        CARD_SIGNING_KEY: t.deps.config.cardSigningKey,
      },
      () => retireCardKeyCommand(old.kidHex, (line) => said.push(line)),
    );
    expect(said[0]).toMatch(new RegExp(`^Retired card key ${old.kidHex} at `));

    const checked = await verify(w.cashier.client, w.giver.id, signedByOld);
    expect(checked.statusCode).toBe(422);
    expect(checked.json().error).toMatchObject({ code: 'till.card_refused', details: { reason: 'unknown_key' } });
    const sold = await redeem(w.cashier.client, w.giver.id, sale(signedByOld));
    expect(sold.statusCode).toBe(422);
    expect(sold.json().error).toMatchObject({ code: 'till.card_refused', details: { reason: 'unknown_key' } });
    const synced = (await sync(signedByOld)).json().items[0];
    expect(synced).toMatchObject({ status: 'rejected', reason: 'unknown_key' });
    expect(await redemptionCount(t, deal.id)).toBe(2);

    // The card as the current key signs it still works: only K's signatures stopped.
    expect((await verify(w.cashier.client, w.giver.id, ana.card.token)).statusCode).toBe(200);
    expect((await redeem(w.cashier.client, w.giver.id, sale(ana.card.token))).statusCode).toBe(201);
  });

  it('refuses an expired or unrecorded card of a retired key as a card of an unknown key, as a till whose key set shows it retired does', async () => {
    const w = await tillWorld(t);
    const ana = await holderWithCard(t, w.other.id);
    const old = loadSigningKey(newCardSigningKey());
    await publishKey(t.deps.db, old);
    const claims = claimsOf(ana.card.token);
    const expired = credentials.issueCard({ ...claims, issuedAt: claims.issuedAt - 400 * 86_400, expiresAt: claims.issuedAt - 86_400 }, old);
    const unrecorded = credentials.issueCard({ ...claims, cardId: randomUUID() }, old);
    const reasons = async () =>
      Promise.all([expired, unrecorded].map(async (card) => (await verify(w.cashier.client, w.giver.id, card)).json().error.details.reason));
    expect(await reasons()).toEqual(['expired', 'unknown_card']);
    await t.deps.db.updateTable('card_keys').set({ retired_at: new Date().toISOString() }).where('kid', '=', old.kidHex).execute();
    expect(await reasons()).toEqual(['unknown_key', 'unknown_key']);
  });
});
