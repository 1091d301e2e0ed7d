import { randomUUID } from 'node:crypto';
import { beforeAll, expect, it } from 'vitest';
import { describeOnDatabases } from '../../../test/harness.ts';
import { actorClient, tableCounts } from '../../../test/factories.ts';
import { credentials } from '@coopnet/domain';
import { claimsOf, holderWithCard, offer, redeem, redemptionCount, serverKey, tillWorld } from '../../../test/till-factories.ts';

const ago = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();

describeOnDatabases('till: syncing an offline batch', (t) => {
  let w: Awaited<ReturnType<typeof tillWorld>>;
  let ana: Awaited<ReturnType<typeof holderWithCard>>;

  beforeAll(async () => {
    w = await tillWorld(t);
    ana = await holderWithCard(t, w.other.id, 'Ana Souza');
  });

  const sync = (items: unknown[]) => w.cashier.client.post(`/api/v1/till/${w.giver.id}/redemptions/sync`, { items });
  const flagged = async () => (await w.admin.client.get(`/api/v1/coops/${w.giver.id}/redemptions?flagged=1`)).json();

  it('records a limit breaker with a flag instead of dropping it; the same batch again is all duplicates; resolving clears the flag', async () => {
    const twice = await offer(t, w.giver.id, { title: 'Twice a day', limit_period: 'day', limit_count: 2 });
    // Listed out of order: the sales are judged in the order they were made, so the latest breaks the limit.
    const items = [3, 1, 2].map((n) => ({ key: randomUUID(), offerId: twice.id, card: ana.card.token, saleCents: 1000 * n, redeemedAt: ago(10 - n) }));
    const res = await sync(items);
    expect(res.statusCode, res.body).toBe(200);
    const result = res.json().items;
    expect(result.map((i: { key: string; status: string }) => [i.key, i.status])).toEqual(items.map((i) => [i.key, 'recorded']));
    expect(result.map((i: { redemption: { flag: string | null } }) => i.redemption.flag)).toEqual(['limit_exceeded', null, null]);
    expect(result[0].redemption).toMatchObject({ offline: true, redeemedAt: items[0]!.redeemedAt, discountCents: 600, saleCents: 3000 });
    expect(await redemptionCount(t, twice.id)).toBe(3);

    const list = await flagged();
    expect(list.total).toBe(1);
    expect(list.items).toEqual([result[0].redemption]);

    const before = await tableCounts(t.deps);
    const again = (await sync(items)).json().items;
    expect(again.map((i: { status: string }) => i.status)).toEqual(['duplicate', 'duplicate', 'duplicate']);
    expect(again.map((i: { redemption: { id: string } }) => i.redemption.id)).toEqual(result.map((i: { redemption: { id: string } }) => i.redemption.id));
    expect(await tableCounts(t.deps)).toEqual(before);

    // A cashier may see the flag but not decide it; the admin accepts it, once, audited.
    const id = result[0].redemption.id;
    const resolve = (client: typeof w.admin.client, rid: string, body?: unknown) => client.post(`/api/v1/coops/${w.giver.id}/redemptions/${rid}/resolve`, body);
    expect((await resolve(w.cashier.client, id, { decision: 'accept' })).statusCode).toBe(403);
    expect((await resolve(w.admin.client, id)).statusCode).toBe(400); // accept or reject: it must say which
    const resolved = await resolve(w.admin.client, id, { decision: 'accept', note: 'Spoke with Ana' });
    expect(resolved.statusCode, resolved.body).toBe(200);
    expect(resolved.json()).toMatchObject({ id, flag: 'limit_exceeded', flagDecision: 'accepted', flagResolvedAt: expect.any(String) });
    expect((await flagged()).items).toEqual([]);
    const audit = await t.deps.db.selectFrom('audit_events').select(['action', 'actor_id', 'after_json']).where('subject_id', '=', id).execute();
    expect(audit).toEqual([{ action: 'redemption.flag_accepted', actor_id: w.admin.id, after_json: expect.stringContaining('Spoke with Ana') }]);
    const twiceMore = await resolve(w.admin.client, id, { decision: 'accept' });
    expect(twiceMore.statusCode, twiceMore.body).toBe(200);
    expect(twiceMore.json().flagResolvedAt).toBe(resolved.json().flagResolvedAt);
    const changed = await resolve(w.admin.client, id, { decision: 'reject' });
    expect(changed.statusCode).toBe(409);
    expect(changed.json().error).toMatchObject({ code: 'till.flag_decided', details: { flagDecision: 'accepted' } });
    const unflagged = result[1].redemption.id;
    expect((await resolve(w.admin.client, unflagged, { decision: 'accept' })).json().error.code).toBe('till.not_flagged');
    expect(await t.deps.db.selectFrom('audit_events').select('id').where('subject_id', '=', id).execute()).toHaveLength(1);
  });

  it('flags a broken monthly cap, a closed offer, an ineligible holder and a card revoked before the sale', async () => {
    const capped = await offer(t, w.giver.id, { cap_count: 1 });
    const ended = await offer(t, w.giver.id, { status: 'ended', ended_at: ago(60) });
    const endedLater = await offer(t, w.giver.id, { status: 'ended', ended_at: new Date().toISOString() });
    const open = await offer(t, w.giver.id);
    const own = await holderWithCard(t, w.giver.id);
    const leaving = await holderWithCard(t, w.other.id);
    const admin = await actorClient(t.deps, t.app, { coopId: w.other.id, roles: [{ role: 'coop_admin', coopId: w.other.id }] });
    expect((await admin.client.delete(`/api/v1/coops/${w.other.id}/workers/${leaving.id}`)).statusCode).toBe(200);
    const card = await t.deps.db.selectFrom('cards').select('revoked_at').where('id', '=', leaving.card.cardId).executeTakeFirstOrThrow();
    const revokedAt = Date.parse(card.revoked_at!);
    const item = (offerId: string, card: string, redeemedAt: string) => ({ key: randomUUID(), offerId, card, saleCents: 2000, redeemedAt });
    const items = [
      item(capped.id, ana.card.token, ago(5)),
      item(capped.id, ana.card.token, ago(4)),
      item(ended.id, ana.card.token, ago(3)),
      item(endedLater.id, ana.card.token, ago(3)),
      item(open.id, own.card.token, ago(3)),
      item(open.id, leaving.card.token, new Date(revokedAt - 60_000).toISOString()),
      item(open.id, leaving.card.token, new Date(revokedAt + 1).toISOString()),
    ];
    const result = (await sync(items)).json().items;
    expect(result.map((i: { status: string; redemption: { flag: string | null } }) => [i.status, i.redemption.flag])).toEqual([
      ['recorded', null],
      ['recorded', 'cap_exceeded'],
      ['recorded', 'offer_closed'],
      ['recorded', null], // it ended after the sale
      ['recorded', 'not_eligible'],
      ['recorded', null], // sold before the card was revoked
      ['recorded', 'card_revoked'],
    ]);
    expect((await flagged()).total).toBe(4);
  });

  it('rejects only what it cannot record: an unknown card, an offer of another co-op, a sale in the future or too old', async () => {
    const open = await offer(t, w.giver.id);
    const theirs = await offer(t, w.other.id);
    const unknownCard = credentials.issueCard({ ...claimsOf(ana.card.token), cardId: 'zzzzzzzzzz' }, serverKey(t));
    const item = (o: Partial<{ offerId: string; card: string; redeemedAt: string }>) => ({
      key: randomUUID(),
      offerId: open.id,
      card: ana.card.token,
      saleCents: 1000,
      redeemedAt: ago(1),
      ...o,
    });
    const items = [
      item({ card: unknownCard }),
      item({ offerId: theirs.id }),
      item({ offerId: randomUUID() }),
      item({ redeemedAt: new Date(Date.now() + 6 * 60_000).toISOString() }),
      item({ redeemedAt: ago(31 * 24 * 60) }),
      item({ redeemedAt: new Date(Date.now() + 2 * 60_000).toISOString() }), // a till clock a little fast is fine
    ];
    const before = await tableCounts(t.deps);
    const result = (await sync(items)).json().items;
    expect(result.map((i: { status: string; reason: string | null }) => [i.status, i.reason])).toEqual([
      ['rejected', 'unknown_card'],
      ['rejected', 'unknown_offer'],
      ['rejected', 'unknown_offer'],
      ['rejected', 'redeemed_in_future'],
      ['rejected', 'too_old'],
      ['recorded', null],
    ]);
    expect((await tableCounts(t.deps)).redemptions).toBe(before.redemptions! + 1);
  });

  it('answers duplicate for a sale first sent online with the same key, and for a key twice in one batch', async () => {
    const open = await offer(t, w.giver.id);
    const key = randomUUID();
    const online = await redeem(w.cashier.client, w.giver.id, { offerId: open.id, card: ana.card.token, saleCents: 1500 }, key);
    expect(online.statusCode).toBe(201);
    const other = randomUUID();
    const items = [
      { key, offerId: open.id, card: ana.card.token, saleCents: 1500, redeemedAt: ago(1) },
      { key: other, offerId: open.id, card: ana.card.token, saleCents: 700, redeemedAt: ago(1) },
      { key: other, offerId: open.id, card: ana.card.token, saleCents: 700, redeemedAt: ago(1) },
      { key, offerId: open.id, card: ana.card.token, saleCents: 9999, redeemedAt: ago(1) },
    ];
    const result = (await sync(items)).json().items;
    expect(result.map((i: { status: string; reason: string | null }) => [i.status, i.reason])).toEqual([
      ['duplicate', null],
      ['recorded', null],
      ['duplicate', null],
      ['rejected', 'idempotency_conflict'],
    ]);
    expect(result[0].redemption.id).toBe(online.json().id);
    expect(await redemptionCount(t, open.id)).toBe(2);
  });

  it('refuses a malformed batch whole, recording nothing', async () => {
    const open = await offer(t, w.giver.id);
    const good = { key: randomUUID(), offerId: open.id, card: ana.card.token, saleCents: 1000, redeemedAt: ago(1) };
    const before = await tableCounts(t.deps);
    for (const items of [[], [good, { ...good, key: randomUUID(), saleCents: -5 }], [{ ...good, redeemedAt: 'yesterday' }], [{ ...good, key: 'short' }]]) {
      const res = await sync(items);
      expect(res.statusCode).toBe(400);
    }
    expect(await tableCounts(t.deps)).toEqual(before);
  });
});
