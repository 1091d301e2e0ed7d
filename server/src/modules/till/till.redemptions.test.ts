import { randomUUID } from 'node:crypto';
import { beforeAll, expect, it } from 'vitest';
import { describeOnDatabases } from '../../../test/harness.ts';
import { actorClient, signIn, tableCounts } from '../../../test/factories.ts';
import { holderWithCard, offer, redeem, redemptionCount, tillWorld } from '../../../test/till-factories.ts';

describeOnDatabases('till: recording a redemption', (t) => {
  let w: Awaited<ReturnType<typeof tillWorld>>;
  let ana: Awaited<ReturnType<typeof holderWithCard>>;
  let twenty: { id: string };

  beforeAll(async () => {
    w = await tillWorld(t);
    ana = await holderWithCard(t, w.other.id, 'Ana Souza');
    twenty = await offer(t, w.giver.id, { title: 'Twenty percent off' });
  });

  it('records 20 % off a 45.00 sale as a 9.00 discount, and the worker sees 9.00 saved this month', async () => {
    const res = await redeem(w.cashier.client, w.giver.id, { offerId: twenty.id, card: ana.card.token, saleCents: 4500 });
    expect(res.statusCode, res.body).toBe(201);
    const r = res.json();
    expect(r).toEqual({
      id: expect.any(String),
      offerId: twenty.id,
      offerTitle: 'Twenty percent off',
      coopId: w.giver.id,
      coopName: w.giver.name,
      holderName: 'Ana Souza',
      holderCoopId: w.other.id,
      holderKind: 'worker',
      saleCents: 4500,
      discountCents: 900,
      redeemedAt: expect.any(String),
      recordedAt: r.redeemedAt,
      accountingMonth: r.redeemedAt.slice(0, 7),
      offline: false,
      flag: null,
      flagDecision: null,
      flagResolvedAt: null,
    });
    const row = await t.deps.db.selectFrom('redemptions').selectAll().where('id', '=', r.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ cashier_id: w.cashier.id, offline: 0, month: r.redeemedAt.slice(0, 7), person_id: ana.id });

    const savings = await (await signIn(t.app, ana.email)).get('/api/v1/me/savings');
    expect(savings.statusCode).toBe(200);
    expect(savings.json()).toEqual({
      currency: 'EUR',
      monthCents: 900,
      yearCents: 900,
      monthCount: 1,
      yearCount: 1,
      recent: [r],
    });
  });

  it('records a retried request once: the same key answers 200 with the same redemption', async () => {
    const key = randomUUID();
    const body = { offerId: twenty.id, card: ana.card.token, saleCents: 1000 };
    const first = await redeem(w.cashier.client, w.giver.id, body, key);
    expect(first.statusCode).toBe(201);
    const before = await tableCounts(t.deps);
    const again = await redeem(w.cashier.client, w.giver.id, body, key);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual(first.json());
    // The same key with another sale is a till's mistake, not a retry.
    const other = await redeem(w.cashier.client, w.giver.id, { ...body, saleCents: 2000 }, key);
    expect(other.statusCode).toBe(409);
    expect(other.json().error).toMatchObject({ code: 'till.idempotency_conflict', details: { redemptionId: first.json().id } });
    expect(await tableCounts(t.deps)).toEqual(before);
  });

  it('needs an Idempotency-Key of 8 to 100 visible characters', async () => {
    const before = await tableCounts(t.deps);
    const body = { offerId: twenty.id, card: ana.card.token, saleCents: 1000 };
    for (const key of [null, 'short', 'x'.repeat(101), 'has spaces in it']) {
      const res = await redeem(w.cashier.client, w.giver.id, body, key);
      expect(res.statusCode, String(key)).toBe(400);
      expect(res.json().error.code).toBe('till.idempotency_key_required');
    }
    expect(await tableCounts(t.deps)).toEqual(before);
  });

  it('refuses bad amounts with 400 and records nothing', async () => {
    const before = await tableCounts(t.deps);
    const base = { offerId: twenty.id, card: ana.card.token };
    const bad: unknown[] = [
      { ...base, saleCents: -1 },
      { ...base, saleCents: 12.5 },
      { ...base, saleCents: 0.001 },
      { ...base, saleCents: 100_000_001 },
      { ...base, saleCents: 1e21 },
      { ...base, saleCents: '4500' },
      { ...base, saleCents: null },
      base,
      { ...base, saleCents: 4500, discountCents: 4500 },
      { ...base, offerId: 'not-an-id', saleCents: 4500 },
    ];
    for (const body of bad) {
      const res = await redeem(w.cashier.client, w.giver.id, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().error.code).toBe('validation_failed');
    }
    expect(await tableCounts(t.deps)).toEqual(before);
  });

  it('refuses an offer that is paused, ended, not started, or above the sale, saying why', async () => {
    const cases: [Parameters<typeof offer>[2], number, string][] = [
      [{ status: 'paused' }, 1000, 'offer_paused'],
      [{ status: 'ended' }, 1000, 'offer_ended'],
      [{ valid_from: '2999-01-01' }, 1000, 'not_started'],
      [{ valid_until: '2000-01-01' }, 1000, 'offer_ended'],
      [{ min_sale_cents: 2000 }, 1999, 'below_min_sale'],
      [{ sectors_json: '["food"]' }, 1000, 'sector_not_included'],
      [{ for_workers: 0, for_supporters: 1 }, 1000, 'not_for_workers'],
    ];
    const before = await tableCounts(t.deps);
    for (const [o, saleCents, reason] of cases) {
      const made = await offer(t, w.giver.id, o);
      const res = await redeem(w.cashier.client, w.giver.id, { offerId: made.id, card: ana.card.token, saleCents });
      expect(res.statusCode, reason).toBe(422);
      expect(res.json().error, reason).toMatchObject({ code: 'till.offer_refused', details: { reason } });
    }
    expect((await tableCounts(t.deps)).redemptions).toBe(before.redemptions);
  });

  it('refuses an unknown card and an offer of another co-op (404), recording nothing', async () => {
    const before = await tableCounts(t.deps);
    const unknown = await redeem(w.cashier.client, w.giver.id, { offerId: twenty.id, card: 'ZZZZ-ZZZZ', saleCents: 1000 });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().error).toMatchObject({ code: 'till.card_refused', details: { reason: 'unknown_card' } });
    const theirs = await offer(t, w.other.id);
    const elsewhere = await redeem(w.cashier.client, w.giver.id, { offerId: theirs.id, card: ana.card.token, saleCents: 1000 });
    expect(elsewhere.statusCode).toBe(404);
    const missing = await redeem(w.cashier.client, w.giver.id, { offerId: randomUUID(), card: ana.card.token, saleCents: 1000 });
    expect(missing.statusCode).toBe(404);
    expect((await tableCounts(t.deps)).redemptions).toBe(before.redemptions);
  });

  it('refuses the card of a worker removed through the people API', async () => {
    const leaving = await holderWithCard(t, w.other.id);
    const admin = await actorClient(t.deps, t.app, { coopId: w.other.id, roles: [{ role: 'coop_admin', coopId: w.other.id }] });
    expect((await admin.client.delete(`/api/v1/coops/${w.other.id}/workers/${leaving.id}`)).statusCode).toBe(200);
    const res = await redeem(w.cashier.client, w.giver.id, { offerId: twenty.id, card: leaving.card.token, saleCents: 1000 });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.details).toEqual({ reason: 'revoked' });
  });

  it('refuses an expired card', async () => {
    const old = await holderWithCard(t, w.other.id);
    await t.deps.db.updateTable('cards').set({ expires_at: new Date(Date.now() - 1000).toISOString() }).where('id', '=', old.card.cardId).execute();
    const res = await redeem(w.cashier.client, w.giver.id, { offerId: twenty.id, card: old.card.token, saleCents: 1000 });
    expect(res.json().error.details).toEqual({ reason: 'expired' });
  });

  it('holds a per-person limit in cents: what is left of it, not the count, decides', async () => {
    const bea = await holderWithCard(t, w.other.id);
    const budget = await offer(t, w.giver.id, { limit_period: 'month', limit_cents: 1500 });
    const sale = (saleCents: number) => redeem(w.cashier.client, w.giver.id, { offerId: budget.id, card: bea.card.token, saleCents });
    expect((await sale(4500)).statusCode).toBe(201); // 9.00 of 15.00
    const over = await sale(4500); // another 9.00 would make 18.00
    expect(over.statusCode).toBe(422);
    expect(over.json().error.details).toEqual({ reason: 'limit_reached' });
    expect((await sale(3000)).statusCode).toBe(201); // 6.00: exactly 15.00
    expect((await sale(5)).json().error.details).toEqual({ reason: 'limit_reached' });
    expect(await redemptionCount(t, budget.id)).toBe(2);
  });

  it('takes a fixed amount off but never more than the sale, and gives a free item at its value', async () => {
    const amount = await offer(t, w.giver.id, { kind: 'amount', percent: null, amount_cents: 500 });
    const small = await redeem(w.cashier.client, w.giver.id, { offerId: amount.id, card: ana.card.token, saleCents: 300 });
    expect(small.json().discountCents).toBe(300);
    const free = await offer(t, w.giver.id, { kind: 'free_item', percent: null, amount_cents: 250, item: 'Coffee' });
    const coffee = await redeem(w.cashier.client, w.giver.id, { offerId: free.id, card: ana.card.token, saleCents: 0 });
    expect(coffee.statusCode).toBe(201);
    expect(coffee.json().discountCents).toBe(250);
    expect(await redemptionCount(t, free.id)).toBe(1);
  });
});
