import { randomUUID } from 'node:crypto';
import { beforeAll, expect, it } from 'vitest';
import { actorClient, makeCoop, makePerson } from '../../../test/factories.ts';
import { ledgerInvariants, ledgerState } from '../../../test/fund-factories.ts';
import { Client, type TestContext, describeOnDatabases } from '../../../test/harness.ts';
import { makeApiToken } from '../../../test/people-factories.ts';

const count = async (t: TestContext, table: 'fund_obligations' | 'fund_surplus_declarations') =>
  Number(
    (
      await t.deps.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

/** Everything a refused declaration must leave as it was. */
const state = async (t: TestContext) => ({
  ledger: await ledgerState(t.deps),
  obligations: await count(t, 'fund_obligations'),
  declarations: await count(t, 'fund_surplus_declarations'),
});

describeOnDatabases('the yearly share of surplus', (t) => {
  let bakery: string;
  let bikes: string;
  let admin: Client;
  let otherAdmin: Client;
  let worker: Client;
  let treasurer: Client;
  let year: number;
  let today: string;

  const declare = (client: Client, coopId: string, body: unknown, key: string = randomUUID()) =>
    client.request('POST', `/api/v1/fund/coops/${coopId}/surplus`, body, { 'idempotency-key': key });
  const correct = (client: Client, coopId: string, y: number, body: unknown, key: string = randomUUID()) =>
    client.request('POST', `/api/v1/fund/coops/${coopId}/surplus/${y}/correction`, body, { 'idempotency-key': key });
  const receivable = async () =>
    (await new Client(t.app).get('/api/v1/fund'))
      .json()
      .accounts.find((a: { code: string }) => a.code === 'assets:contributions-receivable')?.balanceCents ?? 0;

  beforeAll(async () => {
    bakery = (await makeCoop(t.deps, { name: 'Forn' })).id;
    bikes = (await makeCoop(t.deps, { name: 'Bicis' })).id;
    admin = (await actorClient(t.deps, t.app, { coopId: bakery, roles: [{ role: 'coop_admin', coopId: bakery }] }))
      .client;
    otherAdmin = (await actorClient(t.deps, t.app, { coopId: bikes, roles: [{ role: 'coop_admin', coopId: bikes }] }))
      .client;
    worker = (await actorClient(t.deps, t.app, { coopId: bakery })).client;
    treasurer = (await actorClient(t.deps, t.app, { roles: [{ role: 'treasurer' }] })).client;
    today = await t.deps.network.today();
    year = Number(today.slice(0, 4)) - 1;
  });

  it('a co-op’s admin declares the year: 3 % of the surplus owed, due 60 days after the accounts closed, under an S reference', async () => {
    const before = await receivable();
    const res = await declare(admin, bakery, { year, closedOn: `${year}-12-31`, surplusCents: 1_234_567 });
    expect(res.statusCode).toBe(201);
    const d = res.json();
    expect(d).toMatchObject({ coopId: bakery, year, surplusCents: 1_234_567, shareBasisPoints: 300 });
    // 3 % of 12,345.67 is 370.3701: 370.37 owed.
    expect(d.obligation).toMatchObject({
      kind: 'surplus_share',
      period: String(year),
      amountCents: 37_037,
      outstandingCents: 37_037,
      dueDate: `${year + 1}-03-01`,
    });
    expect(d.obligation.reference).toMatch(new RegExp(`^S${year}-[0-9A-Z]{6}$`));
    expect((await receivable()) - before).toBe(37_037);
    // The co-op's people see it among what their co-op owes, with the dues.
    const mine = (await worker.get('/api/v1/fund/obligations?kind=surplus_share')).json().items;
    expect(mine.map((o: { reference: string }) => o.reference)).toEqual([d.obligation.reference]);
    expect((await worker.get(`/api/v1/fund/coops/${bakery}/surplus`)).json().items).toHaveLength(1);
    expect((await otherAdmin.get(`/api/v1/fund/coops/${bakery}/surplus`)).statusCode).toBe(403);
    expect(await ledgerInvariants(t.deps)).toEqual([]);
  });

  it('the same declaration again is answered as it was; other figures for the year are a conflict, changing nothing', async () => {
    const same = await declare(admin, bakery, { year, closedOn: `${year}-12-31`, surplusCents: 1_234_567 });
    expect(same.statusCode).toBe(200);
    expect(same.json().obligation.amountCents).toBe(37_037);
    const before = await state(t);
    const other = await declare(admin, bakery, { year, closedOn: `${year}-12-31`, surplusCents: 2_000_000 });
    expect([other.statusCode, other.json().error.code]).toEqual([409, 'fund.surplus_declared']);
    expect(other.json().error.details).toEqual({ closedOn: `${year}-12-31`, surplusCents: 1_234_567 });
    expect(await state(t)).toEqual(before);
  });

  it('five declarations of one year arriving together make one', async () => {
    const coop = (await makeCoop(t.deps, { name: 'Neteges' })).id;
    const answers = await Promise.all(
      [1, 2, 3, 4, 5].map((n) =>
        declare(treasurer, coop, { year, closedOn: `${year}-12-31`, surplusCents: n * 100_000 }),
      ),
    );
    expect(answers.map((r) => r.statusCode).sort()).toEqual([201, 409, 409, 409, 409]);
    const rows = await t.deps.db.selectFrom('fund_obligations').selectAll().where('coop_id', '=', coop).execute();
    expect(rows).toHaveLength(1);
    expect(await ledgerInvariants(t.deps)).toEqual([]);
  });

  it('a loss or no surplus is declared and owes nothing', async () => {
    const before = await receivable();
    const loss = await declare(otherAdmin, bikes, { year, closedOn: `${year + 1}-01-15`, surplusCents: -500_000 });
    expect(loss.statusCode).toBe(201);
    expect(loss.json()).toMatchObject({ surplusCents: -500_000, obligation: null });
    const none = await declare(otherAdmin, bikes, { year: year - 1, closedOn: `${year - 1}-12-31`, surplusCents: 0 });
    expect(none.json().obligation).toBeNull();
    expect(await receivable()).toBe(before);
  });

  it('refuses another co-op’s admin, a worker, a visitor and tokens that are not the co-op’s admin or a treasurer', async () => {
    const body = { year: year - 1, closedOn: `${year - 1}-12-31`, surplusCents: 100_000 };
    const before = await state(t);
    expect((await declare(otherAdmin, bakery, body)).statusCode).toBe(403);
    expect((await declare(worker, bakery, body)).statusCode).toBe(403);
    expect((await declare(new Client(t.app), bakery, body)).statusCode).toBe(401);
    // One person holding every role: only the token's scope limits them.
    const all = await makePerson(t.deps, {
      coopId: bikes,
      roles: [{ role: 'coordinator' }, { role: 'coop_admin', coopId: bikes }, { role: 'treasurer' }],
    });
    for (const scopes of [['read'], ['coordinator'], [`coop_admin:${bikes}`], [`cashier:${bakery}`]]) {
      const c = new Client(t.app);
      c.bearer = (await makeApiToken(t.deps, all.id, scopes)).token;
      const res = await declare(c, bakery, body);
      expect([res.statusCode, res.json().error.code], scopes.join()).toEqual([403, 'auth.token_scope']);
    }
    // An admin's correction is a treasurer's to make.
    expect(
      (await correct(admin, bakery, year, { closedOn: `${year}-12-31`, surplusCents: 1, reason: 'x' })).statusCode,
    ).toBe(403);
    expect(await state(t)).toEqual(before);
    // The co-op's own admin token declares.
    const own = new Client(t.app);
    own.bearer = (await makeApiToken(t.deps, all.id, [`coop_admin:${bikes}`])).token;
    expect((await declare(own, bikes, { ...body, year: year - 2, closedOn: `${year - 2}-12-31` })).statusCode).toBe(
      201,
    );
  });

  it('refuses negative years, fractional, huge or hostile figures and a closing day outside the year or to come, changing nothing', async () => {
    const before = await state(t);
    const cases: [unknown, number, string, string?][] = [
      [{ year: year - 3, closedOn: `${year - 3}-12-31`, surplusCents: 10.5 }, 400, 'validation_failed'],
      [{ year: year - 3, closedOn: `${year - 3}-12-31`, surplusCents: 1e16 }, 400, 'validation_failed'],
      [{ year: year - 3, closedOn: `${year - 3}-12-31`, surplusCents: '100' }, 400, 'validation_failed'],
      [{ year: -2020, closedOn: '2020-12-31', surplusCents: 100 }, 400, 'validation_failed'],
      [{ year: year - 3, closedOn: "2024-12-31'; DROP TABLE coops;--", surplusCents: 100 }, 400, 'validation_failed'],
      [{ year: year - 3, closedOn: `${year - 3}-12-31`, surplusCents: 100, coopId: bikes }, 400, 'validation_failed'],
      [{ year: year - 3, closedOn: `${year - 3}-02-30`, surplusCents: 100 }, 400, 'fund.bad_closing_day'],
      [{ year: year - 3, closedOn: `${year - 6}-12-31`, surplusCents: 100 }, 400, 'fund.bad_closing_day'],
      [{ year: year + 1, closedOn: `${year + 2}-01-31`, surplusCents: 100 }, 400, 'fund.future_closing_day'],
    ];
    for (const [body, status, code] of cases) {
      const res = await declare(admin, bakery, body);
      expect([res.statusCode, res.json().error.code], JSON.stringify(body)).toEqual([status, code]);
    }
    const noKey = await admin.post(`/api/v1/fund/coops/${bakery}/surplus`, {
      year: year - 3,
      closedOn: `${year - 3}-12-31`,
      surplusCents: 100,
    });
    expect([noKey.statusCode, noKey.json().error.code]).toEqual([400, 'fund.idempotency_key_required']);
    expect(
      (await declare(treasurer, randomUUID(), { year, closedOn: `${year}-12-31`, surplusCents: 1 })).statusCode,
    ).toBe(404);
    expect(await state(t)).toEqual(before);
  });

  it('a treasurer corrects a year: the old share’s booking reversed, the new one booked under the same reference, never below what was paid', async () => {
    const [o] = (await treasurer.get(`/api/v1/fund/obligations?kind=surplus_share&coopId=${bakery}`)).json().items;
    const pay = await treasurer.request(
      'POST',
      `/api/v1/fund/obligations/${o.id}/payments`,
      { cents: 10_000, date: today },
      { 'idempotency-key': randomUUID() },
    );
    expect(pay.statusCode).toBe(201);
    const before = await state(t);
    const tooLow = await correct(treasurer, bakery, year, {
      closedOn: `${year}-12-31`,
      surplusCents: 100_000,
      reason: 'Audit',
    });
    expect([tooLow.statusCode, tooLow.json().error.code]).toEqual([409, 'fund.less_than_paid']);
    expect(await state(t)).toEqual(before);

    const receivableBefore = await receivable();
    const key = randomUUID();
    const fixed = await correct(
      treasurer,
      bakery,
      year,
      { closedOn: `${year + 1}-01-31`, surplusCents: 2_000_000, reason: 'The auditors’ figures' },
      key,
    );
    expect(fixed.statusCode).toBe(200);
    expect(fixed.json()).toMatchObject({ surplusCents: 2_000_000, closedOn: `${year + 1}-01-31` });
    expect(fixed.json().correctedAt).not.toBeNull();
    expect(fixed.json().obligation).toMatchObject({
      id: o.id,
      reference: o.reference,
      amountCents: 60_000,
      paidCents: 10_000,
      outstandingCents: 50_000,
      dueDate: `${year + 1}-04-01`,
    });
    expect((await receivable()) - receivableBefore).toBe(60_000 - 37_037);
    // The retry books nothing again.
    const after = await state(t);
    const again = await correct(
      treasurer,
      bakery,
      year,
      { closedOn: `${year + 1}-01-31`, surplusCents: 2_000_000, reason: 'The auditors’ figures' },
      key,
    );
    expect(again.statusCode).toBe(200);
    expect(await state(t)).toEqual(after);
    const kinds = (await treasurer.get('/api/v1/fund/movements')).json().items.map((m: { kind: string }) => m.kind);
    expect(kinds).toContain('reversal');
    expect(await ledgerInvariants(t.deps)).toEqual([]);
  });
});
