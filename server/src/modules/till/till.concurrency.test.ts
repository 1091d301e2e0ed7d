/**
 * Limits that hold under concurrent tills: many requests at once through the
 * HTTP API, on SQLite and on PostgreSQL, never record more than the offer
 * allows, and a retried request is recorded once however the retries race.
 */
import { randomUUID } from 'node:crypto';
import { beforeAll, expect, it } from 'vitest';
import { describeOnDatabases } from '../../../test/harness.ts';
import { holderWithCard, offer, redeem, redemptionCount, tillWorld } from '../../../test/till-factories.ts';

describeOnDatabases('till: limits under concurrent requests', (t) => {
  let w: Awaited<ReturnType<typeof tillWorld>>;
  let holders: Awaited<ReturnType<typeof holderWithCard>>[];

  beforeAll(async () => {
    w = await tillWorld(t);
    holders = [];
    for (let i = 0; i < 5; i++) holders.push(await holderWithCard(t, w.other.id));
  });

  const statuses = (codes: number[]) => codes.reduce<Record<number, number>>((acc, c) => ({ ...acc, [c]: (acc[c] ?? 0) + 1 }), {});

  it('50 concurrent redemptions of an offer with 10 uses left in its monthly cap record exactly 10', async () => {
    const capped = await offer(t, w.giver.id, { cap_count: 10 });
    const responses = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        redeem(w.cashier.client, w.giver.id, { offerId: capped.id, card: holders[i % holders.length]!.card.token, saleCents: 1000 }),
      ),
    );
    expect(statuses(responses.map((r) => r.statusCode))).toEqual({ 201: 10, 422: 40 });
    for (const r of responses.filter((x) => x.statusCode === 422)) {
      expect(r.json().error).toMatchObject({ code: 'till.offer_refused', details: { reason: 'cap_reached' } });
    }
    expect(await redemptionCount(t, capped.id)).toBe(10);
  });

  it('a monthly budget in cents holds too: 50 concurrent 2.00 discounts against 10.00 record exactly 5', async () => {
    const budget = await offer(t, w.giver.id, { cap_cents: 1000 });
    const responses = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        redeem(w.cashier.client, w.giver.id, { offerId: budget.id, card: holders[i % holders.length]!.card.token, saleCents: 1000 }),
      ),
    );
    expect(statuses(responses.map((r) => r.statusCode))).toEqual({ 201: 5, 422: 45 });
    expect(await redemptionCount(t, budget.id)).toBe(5);
  });

  it('20 concurrent redemptions by one holder of an offer limited to 3 a day record exactly 3', async () => {
    const daily = await offer(t, w.giver.id, { limit_period: 'day', limit_count: 3 });
    const responses = await Promise.all(
      Array.from({ length: 20 }, () => redeem(w.cashier.client, w.giver.id, { offerId: daily.id, card: holders[0]!.card.token, saleCents: 1000 })),
    );
    expect(statuses(responses.map((r) => r.statusCode))).toEqual({ 201: 3, 422: 17 });
    for (const r of responses.filter((x) => x.statusCode === 422)) expect(r.json().error.details).toEqual({ reason: 'limit_reached' });
    expect(await redemptionCount(t, daily.id)).toBe(3);
    // The limit is the person's: another holder still may.
    const other = await redeem(w.cashier.client, w.giver.id, { offerId: daily.id, card: holders[1]!.card.token, saleCents: 1000 });
    expect(other.statusCode).toBe(201);
  });

  it('the same 20 redemptions sent twice with the same keys, all at once, are recorded 20 times, not 40', async () => {
    const open = await offer(t, w.giver.id);
    const sales = Array.from({ length: 20 }, (_, i) => ({
      key: randomUUID(),
      body: { offerId: open.id, card: holders[i % holders.length]!.card.token, saleCents: 1000 + i },
    }));
    const responses = await Promise.all([...sales, ...sales].map((s) => redeem(w.cashier.client, w.giver.id, s.body, s.key)));
    expect(statuses(responses.map((r) => r.statusCode))).toEqual({ 201: 20, 200: 20 });
    for (let i = 0; i < 20; i++) {
      const [a, b] = [responses[i]!.json(), responses[i + 20]!.json()];
      expect(a.id).toBe(b.id);
      expect(a.saleCents).toBe(1000 + i);
    }
    expect(await redemptionCount(t, open.id)).toBe(20);

    // And once more, sequentially: still 20.
    for (const s of sales) expect((await redeem(w.cashier.client, w.giver.id, s.body, s.key)).statusCode).toBe(200);
    expect(await redemptionCount(t, open.id)).toBe(20);
  });

  it('one key raced across two offers records one redemption and answers the other 409, never 500', async () => {
    const [first, second] = [await offer(t, w.giver.id), await offer(t, w.giver.id)];
    const key = randomUUID();
    const card = holders[2]!.card.token;
    const responses = await Promise.all(
      Array.from({ length: 10 }, (_, i) => redeem(w.cashier.client, w.giver.id, { offerId: i % 2 ? first.id : second.id, card, saleCents: 1000 }, key)),
    );
    const codes = responses.map((r) => r.statusCode);
    expect(codes.filter((c) => c === 201)).toHaveLength(1);
    expect(codes.every((c) => [200, 201, 409].includes(c))).toBe(true);
    expect((await redemptionCount(t, first.id)) + (await redemptionCount(t, second.id))).toBe(1);
  });
});
