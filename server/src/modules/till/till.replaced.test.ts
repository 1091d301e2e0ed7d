/**
 * A card replaced by a newer one (printed cards, a renewal) is refused at the
 * till with when it was replaced, so the cashier asks for the new card; the
 * revocation list tills keep offline says 'replaced' and when. A card whose
 * holder has left says only that it is revoked.
 */
import { beforeAll, expect, it } from 'vitest';
import { Client, describeOnDatabases } from '../../../test/harness.ts';
import { actorClient, makeCoop } from '../../../test/factories.ts';
import { makeApiToken } from '../../../test/people-factories.ts';
import { cardOf } from '../../../test/benefits-factories.ts';
import { holderWithCard, offer, redeem, tillWorld, verify } from '../../../test/till-factories.ts';

describeOnDatabases('till: a replaced card', (t) => {
  let w: Awaited<ReturnType<typeof tillWorld>>;
  let coop: { id: string; name: string };
  let coopAdmin: Client;
  let offerId: string;

  beforeAll(async () => {
    w = await tillWorld(t);
    coop = await makeCoop(t.deps, { name: 'Impremta Replaced', sector: 'printing' });
    coopAdmin = (await actorClient(t.deps, t.app, { coopId: coop.id, roles: [{ role: 'coop_admin', coopId: coop.id }] })).client;
    offerId = (await offer(t, w.giver.id, { title: 'Ten percent off' })).id;
  });

  const revokedAtOf = async (cardId: string) =>
    (await t.deps.db.selectFrom('cards').select(['revoked_at', 'revocation_reason']).where('id', '=', cardId).executeTakeFirstOrThrow());

  it('refuses the old card with when it was replaced, online by QR code, by short code and at a sale; the new card is good', async () => {
    const rosa = await holderWithCard(t, coop.id, 'Rosa Peiró');
    expect((await verify(w.cashier.client, w.giver.id, rosa.card.token)).statusCode).toBe(200);

    expect((await coopAdmin.request('POST', `/api/v1/coops/${coop.id}/cards.pdf`)).statusCode).toBe(200);
    const row = await revokedAtOf(rosa.card.cardId);
    expect(row.revocation_reason).toBe('replaced');
    const replacedAt = row.revoked_at!;

    for (const card of [rosa.card.token, rosa.card.shortCode]) {
      const res = await verify(w.cashier.client, w.giver.id, card);
      expect(res.statusCode).toBe(422);
      const error = res.json().error;
      // Still 'revoked' for tills that know only that; replacedAt is added.
      expect(error).toMatchObject({ code: 'till.card_refused', details: { reason: 'revoked', replacedAt } });
      expect(error.message).toBe(`This card was replaced on ${replacedAt.slice(0, 10)}: ask for the new one.`);
    }
    const sale = await redeem(w.cashier.client, w.giver.id, { offerId, card: rosa.card.token, saleCents: 1000 });
    expect(sale.statusCode).toBe(422);
    expect(sale.json().error.details).toEqual({ reason: 'revoked', replacedAt });

    // The card the worker's app shows now is the printed one, and it is good.
    const fresh = await cardOf(t.app, rosa.email);
    expect(fresh.cardId).not.toBe(rosa.card.cardId);
    expect((await verify(w.cashier.client, w.giver.id, fresh.token)).statusCode).toBe(200);

    // The list a till keeps offline says why and when.
    const list = (await new Client(t.app).get('/api/v1/cards/revoked')).json().items;
    expect(list).toContainEqual({ cardId: rosa.card.cardId, revokedAt: replacedAt, reason: 'replaced' });
  });

  it('tells a till on an API token the same, and says only "revoked" once the holder has left', async () => {
    const joan = await holderWithCard(t, coop.id, 'Joan Ferrer');
    expect((await coopAdmin.request('POST', `/api/v1/coops/${coop.id}/cards.pdf`)).statusCode).toBe(200);
    const replacedAt = (await revokedAtOf(joan.card.cardId)).revoked_at!;

    const till = new Client(t.app);
    till.bearer = (await makeApiToken(t.deps, w.cashier.id, [`cashier:${w.giver.id}`])).token;
    const res = await verify(till, w.giver.id, joan.card.token);
    expect(res.json().error.details).toEqual({ reason: 'revoked', replacedAt });

    expect((await coopAdmin.delete(`/api/v1/coops/${coop.id}/workers/${joan.id}`)).statusCode).toBe(200);
    const gone = await verify(w.cashier.client, w.giver.id, joan.card.token);
    expect(gone.json().error).toMatchObject({ message: 'This card has been revoked.', details: { reason: 'revoked' } });
    expect(gone.json().error.details.replacedAt).toBeUndefined();
  });

  it('lets neither another co-op’s admin nor a read token replace the co-op’s cards', async () => {
    const mia = await holderWithCard(t, coop.id, 'Mia Soler');
    const reader = new Client(t.app);
    reader.bearer = (await makeApiToken(t.deps, w.admin.id, ['read'])).token;
    for (const client of [w.admin.client, reader]) {
      const res = await client.request('POST', `/api/v1/coops/${coop.id}/cards.pdf`);
      expect([403, 404]).toContain(res.statusCode);
    }
    expect((await revokedAtOf(mia.card.cardId)).revoked_at).toBeNull();
    expect((await verify(w.cashier.client, w.giver.id, mia.card.token)).statusCode).toBe(200);
  });
});
