/**
 * Regression tests of two findings of the security review of the till.
 *
 * Finding 5: a cashier could record a sale for a member who was not there,
 * naming the card by its id (listed to cashiers with the co-op's
 * redemptions). A sale now needs the card as presented — its signed QR text,
 * or the code printed under it read at the till — and no API shows a cashier
 * a card id or code.
 *
 * Finding 6: synced sales could predate their offer and rewrite a settled
 * month. A sale dated before its offer is refused; one older than the till's
 * offline window is held for the co-op's admin; a settled month stays closed
 * (a late sale counts in the next open month); a flagged sale counts in the
 * accounts and settlements only once the admin accepts it.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { readEnv } from '../../config.ts';
import { actorClient, tableCounts } from '../../../test/factories.ts';
import { type Client, describeOnDatabases } from '../../../test/harness.ts';
import { makeHolder, redeem as insertRedemption } from '../../../test/reciprocity-factories.ts';
import { giftInto, post } from '../../../test/fund-factories.ts';
import { forge, holderWithCard, issuedEarlier, offer, redeem, redemptionCount, tamper, tillWorld } from '../../../test/till-factories.ts';

const DAY = 86_400_000;

describeOnDatabases('till: the card presented is the proof of a sale', (t) => {
  let w: Awaited<ReturnType<typeof tillWorld>>;
  let ana: Awaited<ReturnType<typeof holderWithCard>>;
  let open: { id: string };

  beforeAll(async () => {
    w = await tillWorld(t);
    ana = await holderWithCard(t, w.other.id, 'Ana Souza');
    open = await offer(t, w.giver.id);
  });

  const sync = (items: unknown[]) => w.cashier.client.post(`/api/v1/till/${w.giver.id}/redemptions/sync`, { items });
  const item = (card: string, o: object = {}) => ({ key: randomUUID(), offerId: open.id, card, saleCents: 1000, redeemedAt: new Date(Date.now() - 60_000).toISOString(), ...o });

  it('finding 5: a bare card id is refused with till.card_proof_required, online and at sync, and nothing is recorded', async () => {
    const before = await tableCounts(t.deps);
    const bare = await redeem(w.cashier.client, w.giver.id, { offerId: open.id, cardId: ana.card.cardId, saleCents: 100_000 });
    expect(bare.statusCode).toBe(400);
    expect(bare.json().error.code).toBe('till.card_proof_required');
    // The id sent as the card proves nothing either: it is neither a signed card nor a printed code.
    const asCard = await redeem(w.cashier.client, w.giver.id, { offerId: open.id, card: ana.card.cardId, saleCents: 100_000 });
    expect(asCard.statusCode).toBe(422);
    expect(asCard.json().error).toMatchObject({ code: 'till.card_refused', details: { reason: 'malformed' } });
    const batch = await sync([{ key: randomUUID(), offerId: open.id, cardId: ana.card.cardId, saleCents: 100_000, redeemedAt: new Date().toISOString() }]);
    expect(batch.statusCode).toBe(400);
    expect(batch.json().error.code).toBe('till.card_proof_required');
    expect(await tableCounts(t.deps)).toEqual(before);
  });

  it('finding 5: a forged or altered card is refused online and rejected at sync, recording nothing', async () => {
    const before = await tableCounts(t.deps);
    for (const card of [forge(ana.card.token), tamper(ana.card.token)]) {
      const res = await redeem(w.cashier.client, w.giver.id, { offerId: open.id, card, saleCents: 1000 });
      expect(res.statusCode).toBe(422);
      expect(res.json().error).toMatchObject({ code: 'till.card_refused', details: { reason: 'bad_signature' } });
    }
    const result = (await sync([item(forge(ana.card.token)), item(tamper(ana.card.token))])).json().items;
    expect(result.map((i: { status: string; reason: string }) => [i.status, i.reason])).toEqual([
      ['rejected', 'bad_signature'],
      ['rejected', 'bad_signature'],
    ]);
    expect(await tableCounts(t.deps)).toEqual(before);
  });

  it('finding 5: the signed card, or its code read at the till, records the sale', async () => {
    const scanned = await redeem(w.cashier.client, w.giver.id, { offerId: open.id, card: ana.card.token, saleCents: 4500 });
    expect(scanned.statusCode, scanned.body).toBe(201);
    expect(scanned.json()).toMatchObject({ holderName: 'Ana Souza', discountCents: 900 });
    const typed = await redeem(w.cashier.client, w.giver.id, { offerId: open.id, card: ana.card.shortCode.toLowerCase(), saleCents: 1000 });
    expect(typed.statusCode, typed.body).toBe(201);
    const synced = (await sync([item(ana.card.token)])).json().items[0];
    expect(synced).toMatchObject({ status: 'recorded', redemption: { offline: true, holderName: 'Ana Souza' } });
  });

  it('finding 5: a typed code is no proof for a sale made offline; a sale first recorded online with it is still a duplicate', async () => {
    const before = await tableCounts(t.deps);
    const [offline] = (await sync([item(ana.card.shortCode)])).json().items;
    expect(offline).toMatchObject({ status: 'rejected', reason: 'token_required' });
    expect(await tableCounts(t.deps)).toEqual(before);
    // The till recorded it online, lost the answer and queued it: the key finds it.
    const key = randomUUID();
    expect((await redeem(w.cashier.client, w.giver.id, { offerId: open.id, card: ana.card.shortCode, saleCents: 1200 }, key)).statusCode).toBe(201);
    const [again] = (await sync([item(ana.card.shortCode, { key, saleCents: 1200 })])).json().items;
    expect(again).toMatchObject({ status: 'duplicate' });
  });

  it('finding 5: no API shows a cashier what would serve as a card: neither the redemptions list nor the card check', async () => {
    const list = await w.cashier.client.get(`/api/v1/coops/${w.giver.id}/redemptions?limit=200`);
    expect(list.statusCode).toBe(200);
    expect(list.json().items.length).toBeGreaterThan(0);
    for (const r of list.json().items) expect(Object.keys(r)).not.toContain('cardId');
    for (const secret of [ana.card.cardId, ana.card.shortCode]) {
      expect(list.body).not.toContain(secret);
      // The code is derived from the id: neither may be shown. The check answers with the holder, not the card.
      const checked = await w.cashier.client.post(`/api/v1/till/${w.giver.id}/verify`, { card: ana.card.token });
      expect(checked.statusCode).toBe(200);
      expect(checked.body).not.toContain(secret);
    }
  });

  it('finding 5: a retried sale is recorded once, whichever proof of the same card it carries; the same key for another sale is 409', async () => {
    const key = randomUUID();
    const body = { offerId: open.id, card: ana.card.token, saleCents: 3300 };
    const first = await redeem(w.cashier.client, w.giver.id, body, key);
    expect(first.statusCode).toBe(201);
    const before = await redemptionCount(t, open.id);
    const again = await redeem(w.cashier.client, w.giver.id, body, key);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual(first.json());
    expect((await redeem(w.cashier.client, w.giver.id, { ...body, card: ana.card.shortCode }, key)).statusCode).toBe(200);
    const other = await redeem(w.cashier.client, w.giver.id, { ...body, saleCents: 3400 }, key);
    expect(other.statusCode).toBe(409);
    expect(other.json().error).toMatchObject({ code: 'till.idempotency_conflict', details: { redemptionId: first.json().id } });
    const bea = await holderWithCard(t, w.other.id);
    expect((await redeem(w.cashier.client, w.giver.id, { ...body, card: bea.card.token }, key)).statusCode).toBe(409);
    expect(await redemptionCount(t, open.id)).toBe(before);
  });
});

/** The 2nd of last month, noon UTC (the test network's zone): two days back is the month before, which a coordinator can settle. */
function secondOfLastMonth(): Date {
  const real = new Date();
  return new Date(Date.UTC(real.getUTCFullYear(), real.getUTCMonth() - 1, 2, 12));
}

const monthOf = (d: Date) => d.toISOString().slice(0, 7);

describeOnDatabases('till: late sales and settled months', (t) => {
  const now = secondOfLastMonth();
  const ago = (days: number) => new Date(now.getTime() - days * DAY).toISOString();
  /** the month before "now", settled in beforeAll; "now"'s month is open */
  const settled = monthOf(new Date(now.getTime() - 2 * DAY));
  const current = monthOf(now);
  let w: Awaited<ReturnType<typeof tillWorld>>;
  let coordinator: Client;
  let ana: Awaited<ReturnType<typeof holderWithCard>>;
  let firstObligations: unknown;
  /** a sale of the settled month flagged cap_exceeded before the month was settled */
  let flaggedBeforeSettling: string;

  const sync = (items: unknown[]) => w.cashier.client.post(`/api/v1/till/${w.giver.id}/redemptions/sync`, { items });
  const decide = (id: string, decision: 'accept' | 'reject') => w.admin.client.post(`/api/v1/coops/${w.giver.id}/redemptions/${id}/resolve`, { decision });
  const givenIn = async (month: string): Promise<number> => {
    const m = (await coordinator.get(`/api/v1/reciprocity?month=${month}`)).json() as { positions: { coopId: string; givenCents: number }[] };
    return m.positions.find((p) => p.coopId === w.giver.id)!.givenCents;
  };

  beforeAll(async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(now);
    w = await tillWorld(t);
    ({ client: coordinator } = await actorClient(t.deps, t.app, { roles: [{ role: 'coordinator' }] }));
    const person = await holderWithCard(t, w.other.id, 'Ana Souza');
    // Her card as issued 30 days before "now", so sales weeks back are not before it.
    ana = { ...person, card: { ...person.card, token: issuedEarlier(t, person.card.token, 29 * 86_400) } };
    expect((await coordinator.request('PUT', '/api/v1/reciprocity/settlement-policy', { policy: 'fund_reimburses_givers', thresholdCents: 0 })).statusCode).toBe(200);
    // The community programmes sub-fund bears what settling owes givers (decision 0019): it holds money first.
    const { client: treasurer } = await actorClient(t.deps, t.app, { roles: [{ role: 'treasurer' }] });
    expect((await post(treasurer, giftInto('programmes', 100_000, await t.deps.network.today()))).statusCode).toBe(201);

    // The month before: 61.71 given at the till, then, from an offline till within its window, a capped offer used twice.
    await insertRedemption(t.deps, w.giver.id, await makeHolder(t.deps, w.other.id), settled, 6171);
    const capped = await offer(t, w.giver.id, { cap_count: 1 });
    const two = [2.1, 2].map((d) => ({ key: randomUUID(), offerId: capped.id, card: ana.card.token, saleCents: 1000, redeemedAt: ago(d) }));
    const recorded = (await sync(two)).json().items;
    expect(recorded.map((i: { redemption: { flag: string | null } }) => i.redemption.flag)).toEqual([null, 'cap_exceeded']);
    flaggedBeforeSettling = recorded[1].redemption.id;
    // 61.71 + 2.00: the flag waits for the admin and does not count.
    expect(await givenIn(settled)).toBe(6371);
    const res = await coordinator.post('/api/v1/reciprocity/settlements', { month: settled });
    expect(res.statusCode, res.body).toBe(201);
    firstObligations = res.json().items;
    expect(res.json().items).toMatchObject([{ coopId: w.giver.id, netGivenCents: 6371, amountCents: 6371 }]);
  });

  afterAll(() => {
    vi.useRealTimers();
  });

  it('finding 6: five sales dated twenty days back, on an offer created today with a cap of one, into a settled month, are refused and the month’s given is unchanged', async () => {
    const today = await offer(t, w.giver.id, { cap_count: 1, created_at: now.toISOString(), updated_at: now.toISOString() });
    const before = await tableCounts(t.deps);
    const items = Array.from({ length: 5 }, (_, i) => ({ key: randomUUID(), offerId: today.id, card: ana.card.token, saleCents: 100_000, redeemedAt: ago(20 - i / 24) }));
    const res = await sync(items);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().items.map((i: { status: string; reason: string }) => [i.status, i.reason])).toEqual(Array(5).fill(['rejected', 'before_offer']));
    expect(await tableCounts(t.deps)).toEqual(before);
    expect(await givenIn(settled)).toBe(6371);
  });

  it('finding 6: a sale older than the till’s offline window is held — recorded with the flag synced_late, counted nowhere until the admin accepts it', async () => {
    const old = await offer(t, w.giver.id, { cap_count: 1 }); // created 40 days back
    const items = Array.from({ length: 5 }, (_, i) => ({ key: randomUUID(), offerId: old.id, card: ana.card.token, saleCents: 100_000, redeemedAt: ago(20 - i / 24) }));
    const result = (await sync(items)).json().items as { status: string; redemption: { id: string; flag: string; flagDecision: string | null; accountingMonth: string; redeemedAt: string } }[];
    expect(result.map((i) => [i.status, i.redemption.flag, i.redemption.flagDecision])).toEqual(Array(5).fill(['recorded', 'synced_late', null]));
    // Their month is settled: they would count in the next open one, once accepted. They keep their sale time.
    expect(result.map((i) => i.redemption.accountingMonth)).toEqual(Array(5).fill(current));
    expect(result[0]!.redemption.redeemedAt).toBe(items[0]!.redeemedAt);
    expect(await givenIn(settled)).toBe(6371);
    const currentBefore = await givenIn(current);

    const accepted = await decide(result[0]!.redemption.id, 'accept');
    expect(accepted.json()).toMatchObject({ flagDecision: 'accepted', accountingMonth: current });
    expect((await decide(result[1]!.redemption.id, 'reject')).json()).toMatchObject({ flagDecision: 'rejected' });
    expect(await givenIn(settled)).toBe(6371);
    expect(await givenIn(current)).toBe(currentBefore + 20_000);

    // Accepted and rejected at the same moment (two admins, or a double click): one decision stands.
    const both = await Promise.all([decide(result[2]!.redemption.id, 'accept'), decide(result[2]!.redemption.id, 'reject')]);
    expect(both.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const stood = both.find((r) => r.statusCode === 200)!.json().flagDecision as string;
    expect(both.find((r) => r.statusCode === 409)!.json().error.code).toBe('till.flag_decided');
    expect(await givenIn(current)).toBe(currentBefore + 20_000 + (stood === 'accepted' ? 20_000 : 0));
  });

  it('finding 6: a late sale dated in a settled month counts in the next open month, keeping its real sale time', async () => {
    const open = await offer(t, w.giver.id);
    const currentBefore = await givenIn(current);
    const redeemedAt = ago(1.75); // the last day of the settled month, within the window
    const [r] = (await sync([{ key: randomUUID(), offerId: open.id, card: ana.card.token, saleCents: 5000, redeemedAt }])).json().items;
    expect(r).toMatchObject({ status: 'recorded', redemption: { flag: null, redeemedAt, accountingMonth: current } });
    expect(redeemedAt.slice(0, 7)).toBe(settled);
    expect(await givenIn(settled)).toBe(6371);
    expect(await givenIn(current)).toBe(currentBefore + 1000);
    const listed = (await w.admin.client.get(`/api/v1/coops/${w.giver.id}/redemptions?limit=200`)).json().items.find((x: { id: string }) => x.id === r.redemption.id);
    expect(listed).toMatchObject({ redeemedAt, accountingMonth: current });
    // The settlement of the closed month is what it was.
    expect((await coordinator.get(`/api/v1/reciprocity/settlements?month=${settled}`)).json().items).toEqual(firstObligations);
  });

  it('finding 6: a flagged sale counts neither in the accounts nor in a settlement until accepted, then in the next open month', async () => {
    const currentBefore = await givenIn(current);
    const res = await decide(flaggedBeforeSettling, 'accept');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ flag: 'cap_exceeded', flagDecision: 'accepted', accountingMonth: current });
    expect(await givenIn(settled)).toBe(6371);
    expect(await givenIn(current)).toBe(currentBefore + 200);
    expect((await coordinator.get(`/api/v1/reciprocity/settlements?month=${settled}`)).json().items).toEqual(firstObligations);
  });

  it('finding 6: a sale dated in the future beyond a few minutes of clock skew is refused', async () => {
    const open = await offer(t, w.giver.id);
    const at = (minutes: number) => new Date(now.getTime() + minutes * 60_000).toISOString();
    const items = [6, 60 * 24, 2].map((m) => ({ key: randomUUID(), offerId: open.id, card: ana.card.token, saleCents: 1000, redeemedAt: at(m) }));
    expect((await sync(items)).json().items.map((i: { status: string; reason: string | null }) => [i.status, i.reason])).toEqual([
      ['rejected', 'redeemed_in_future'],
      ['rejected', 'redeemed_in_future'],
      ['recorded', null],
    ]);
  });
});

describeOnDatabases(
  'till: the offline window is the operator’s setting',
  (t) => {
    it('finding 6: with TILL_OFFLINE_DAYS=14, a sale ten days back is recorded as usual; past 14 it is held', async () => {
      const w = await tillWorld(t);
      const ana = await holderWithCard(t, w.other.id);
      const card = issuedEarlier(t, ana.card.token, 20 * 86_400);
      const open = await offer(t, w.giver.id);
      const back = (days: number) => ({ key: randomUUID(), offerId: open.id, card, saleCents: 1000, redeemedAt: new Date(Date.now() - days * DAY).toISOString() });
      const res = await w.cashier.client.post(`/api/v1/till/${w.giver.id}/redemptions/sync`, { items: [back(10), back(15)] });
      expect(res.json().items.map((i: { redemption: { flag: string | null } }) => i.redemption.flag)).toEqual([null, 'synced_late']);
    });
  },
  { tillOfflineDays: 14 },
);

describe('the offline window setting', () => {
  it('finding 6: TILL_OFFLINE_DAYS is 3 by default and 1 to 14 days', () => {
    expect(readEnv({}).TILL_OFFLINE_DAYS).toBe(3);
    expect(readEnv({ TILL_OFFLINE_DAYS: '14' }).TILL_OFFLINE_DAYS).toBe(14);
    for (const bad of ['0', '15', 'week']) expect(() => readEnv({ TILL_OFFLINE_DAYS: bad })).toThrow(/TILL_OFFLINE_DAYS/);
  });
});
