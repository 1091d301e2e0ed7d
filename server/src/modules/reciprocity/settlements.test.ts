import { afterEach, beforeAll, expect, it, vi } from 'vitest';
import { actorClient, makeCoop, tableCounts } from '../../../test/factories.ts';
import { Client, describeOnDatabases } from '../../../test/harness.ts';
import { newId } from '../../platform/clock.ts';
import { makeHolder, redeem } from '../../../test/reciprocity-factories.ts';
import { giftInto, ledgerInvariants, ledgerState, post } from '../../../test/fund-factories.ts';

const put = (client: Client, body: unknown) => client.request('PUT', '/api/v1/reciprocity/settlement-policy', body);
const policyRows = (t: { deps: Parameters<typeof tableCounts>[0] }) =>
  t.deps.db.selectFrom('settlement_policy_changes').selectAll().execute();
const settledEvents = (t: { deps: Parameters<typeof tableCounts>[0] }, month: string) =>
  t.deps.db.selectFrom('audit_events').selectAll().where('action', '=', 'reciprocity.month_settled').where('subject_id', '=', month).execute();

describeOnDatabases('settlement policy and settlements', (t) => {
  let coordinator: Client;
  let coordinatorId: string;
  let treasurer: Client;
  let worker: Client;
  let supporter: Client;
  let visitor: Client;
  let big: { id: string };
  let edge: { id: string };
  let small: { id: string };
  let taker: { id: string };

  beforeAll(async () => {
    ({ client: coordinator, id: coordinatorId } = await actorClient(t.deps, t.app, { roles: [{ role: 'coordinator' }] }));
    ({ client: treasurer } = await actorClient(t.deps, t.app, { roles: [{ role: 'treasurer' }] }));
    visitor = new Client(t.app);
    big = await makeCoop(t.deps, { name: 'Big Giver' });
    edge = await makeCoop(t.deps, { name: 'Edge Giver' });
    small = await makeCoop(t.deps, { name: 'Small Giver' });
    taker = await makeCoop(t.deps, { name: 'Taker' });
    worker = (await actorClient(t.deps, t.app, { coopId: taker.id })).client;
    supporter = (await actorClient(t.deps, t.app, { supporter: true })).client;
    const ofTaker = await makeHolder(t.deps, taker.id);
    const ofBig = await makeHolder(t.deps, big.id);
    // 2025-01: big nets 80.00 − 5.00 = 75.00; edge nets exactly 50.00; small 20.00; taker −125.00.
    await redeem(t.deps, big.id, ofTaker, '2025-01', 6000);
    await redeem(t.deps, big.id, ofTaker, '2025-01', 2000, 'cap_exceeded', 'accepted');
    await redeem(t.deps, big.id, ofTaker, '2025-01', 9000, 'cap_exceeded'); // not decided yet: counts nowhere
    await redeem(t.deps, taker.id, ofBig, '2025-01', 500);
    await redeem(t.deps, edge.id, ofTaker, '2025-01', 5000);
    await redeem(t.deps, small.id, ofTaker, '2025-01', 2000);
    // 2025-02 and 2025-05: big nets 90.00.
    for (const month of ['2025-02', '2025-05']) await redeem(t.deps, big.id, ofTaker, month, 9000);
    // 2025-03: nobody above a 50.00 threshold.
    await redeem(t.deps, small.id, ofTaker, '2025-03', 1000);
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  it('has no policy until one is chosen, and shows each reader what they may do', async () => {
    const res = await worker.get('/api/v1/reciprocity/settlement-policy');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ policy: 'none', thresholdCents: null, source: 'default', setAt: null, abilities: { configure: false, settle: false, pay: false } });
    expect((await coordinator.get('/api/v1/reciprocity/settlement-policy')).json().abilities).toEqual({ configure: true, settle: true, pay: false });
    expect((await treasurer.get('/api/v1/reciprocity/settlement-policy')).json().abilities).toEqual({ configure: false, settle: false, pay: true });
    expect((await visitor.get('/api/v1/reciprocity/settlement-policy')).statusCode).toBe(401);
  });

  it('refuses a settlement without a policy under which the fund reimburses givers', async () => {
    const before = await tableCounts(t.deps);
    const res = await coordinator.post('/api/v1/reciprocity/settlements', { month: '2025-01' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('reciprocity.no_settlement_policy');
    expect(await tableCounts(t.deps)).toEqual(before);
  });

  it('lets only coordinators set the policy, refuses bad input, and changes nothing when it refuses', async () => {
    const { client: admin } = await actorClient(t.deps, t.app, { coopId: big.id, roles: [{ role: 'coop_admin', coopId: big.id }] });
    const before = await tableCounts(t.deps);
    const good = { policy: 'fund_reimburses_givers', thresholdCents: 5000 };
    expect((await put(visitor, good)).statusCode).toBe(401);
    expect((await put(worker, good)).statusCode).toBe(403);
    expect((await put(supporter, good)).json().error.code).toBe('reciprocity.members_only');
    expect((await put(admin, good)).statusCode).toBe(403);
    for (const bad of [
      { policy: 'mutual_credit' },
      { policy: 'fund_reimburses_givers', thresholdCents: -1 },
      { policy: 'fund_reimburses_givers', thresholdCents: 10.5 },
      { policy: 'fund_reimburses_givers', thresholdCents: '5000' },
      { ...good, extra: 1 },
      {},
    ]) {
      const res = await put(coordinator, bad);
      expect(res.statusCode, JSON.stringify(bad)).toBe(400);
      expect(res.json().error.code).toBe('validation_failed');
    }
    const noThreshold = await put(coordinator, { policy: 'fund_reimburses_givers' });
    expect(noThreshold.statusCode).toBe(400);
    expect(noThreshold.json().error).toMatchObject({ code: 'reciprocity.threshold_required', details: { field: 'thresholdCents' } });
    expect(await tableCounts(t.deps)).toEqual(before);
    expect(await policyRows(t)).toHaveLength(0);
  });

  it('records a coordinator’s choice, audited, and every member reads it', async () => {
    const res = await put(coordinator, { policy: 'fund_reimburses_givers', thresholdCents: 5000 });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      policy: 'fund_reimburses_givers',
      thresholdCents: 5000,
      source: 'coordinator',
      setAt: expect.any(String),
      abilities: { configure: true, settle: true, pay: false },
    });
    expect((await worker.get('/api/v1/reciprocity/settlement-policy')).json()).toMatchObject({ policy: 'fund_reimburses_givers', thresholdCents: 5000, source: 'coordinator' });
    const audit = await t.deps.db.selectFrom('audit_events').selectAll().where('action', '=', 'settlement_policy.set').execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]!.actor_id).toBe(coordinatorId);
    expect(JSON.parse(audit[0]!.before_json!)).toMatchObject({ policy: 'none', source: 'default' });
    expect(JSON.parse(audit[0]!.after_json!)).toEqual({ policy: 'fund_reimburses_givers', thresholdCents: 5000 });
  });

  it('refuses to settle an open month, permissions first, changing nothing', async () => {
    const before = await tableCounts(t.deps);
    const thisMonth = (await worker.get('/api/v1/reciprocity')).json().month as string;
    for (const month of [thisMonth, '2999-01']) {
      const res = await coordinator.post('/api/v1/reciprocity/settlements', { month });
      expect(res.statusCode, month).toBe(409);
      expect(res.json().error.code).toBe('reciprocity.month_open');
    }
    expect((await visitor.post('/api/v1/reciprocity/settlements', { month: '2025-01' })).statusCode).toBe(401);
    expect((await worker.post('/api/v1/reciprocity/settlements', { month: '2025-01' })).statusCode).toBe(403);
    expect((await supporter.post('/api/v1/reciprocity/settlements', { month: '2025-01' })).statusCode).toBe(403);
    for (const body of [{ month: '2025-13' }, { month: 'abc' }, {}, { month: '2025-01', extra: true }]) {
      const res = await coordinator.post('/api/v1/reciprocity/settlements', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().error.code).toBe('validation_failed');
    }
    expect(await tableCounts(t.deps)).toEqual(before);
  });

  it('leaves a month unsettled when the community programmes sub-fund cannot bear what the fund would owe', async () => {
    const before = await ledgerState(t.deps);
    const counts = await tableCounts(t.deps);
    const res = await coordinator.post('/api/v1/reciprocity/settlements', { month: '2025-01' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ code: 'fund.rule_broken', details: { breaches: [expect.objectContaining({ subFund: 'programmes' })] } });
    expect(await ledgerState(t.deps)).toEqual(before);
    expect(await tableCounts(t.deps)).toEqual(counts);
    expect(await settledEvents(t, '2025-01')).toHaveLength(0);
    // A gift gives the sub-fund something to reimburse with.
    expect((await post(treasurer, giftInto('programmes', 20_000, '2025-01-02'))).statusCode).toBe(201);
  });

  it('settles a closed month: what each co-op gave net above the threshold is owed to it; once only', async () => {
    const before = await tableCounts(t.deps);
    const res = await coordinator.post('/api/v1/reciprocity/settlements', { month: '2025-01' });
    expect(res.statusCode, res.body).toBe(201);
    const items = res.json().items;
    // Big gave 80.00 (a flagged redemption its admin accepted counts; the undecided one does not) and received 5.00;
    // edge is exactly at the threshold.
    expect(items).toEqual([
      {
        id: expect.any(String),
        month: '2025-01',
        coopId: big.id,
        coopName: 'Big Giver',
        netGivenCents: 7500,
        thresholdCents: 5000,
        amountCents: 2500,
        status: 'owed',
        createdAt: expect.any(String),
        movementId: expect.any(String),
        paidAt: null,
        paidMovementId: null,
      },
    ]);
    // In the fund's books: the programmes sub-fund bore 25.00, owed to Big Giver.
    const movement = (await treasurer.get(`/api/v1/fund/movements/${items[0].movementId}`)).json();
    expect(movement).toMatchObject({ kind: 'settlement', decision: null });
    expect(movement.lines.map((l: { account: string; subFund: string | null; coopId: string | null; cents: number }) => [l.account, l.subFund, l.coopId, l.cents])).toEqual([
      ['expenses:reimbursements', 'programmes', null, 2500],
      ['liabilities:owed-to-coops', null, big.id, -2500],
    ]);
    const fund = (await visitor.get('/api/v1/fund')).json();
    expect(fund.subFunds.find((f: { code: string }) => f.code === 'programmes').balanceCents).toBe(20_000 - 2500);
    expect(await ledgerInvariants(t.deps)).toEqual([]);
    const after = await tableCounts(t.deps);
    expect(after.settlement_obligations).toBe(before.settlement_obligations! + 1);
    // One event per obligation, and one that the month is settled.
    expect(after.audit_events).toBe(before.audit_events! + 2);

    const again = await coordinator.post('/api/v1/reciprocity/settlements', { month: '2025-01' });
    expect(again.statusCode).toBe(200);
    expect(again.json().items).toEqual(items);
    expect(await tableCounts(t.deps)).toEqual(after);
    expect((await worker.get('/api/v1/reciprocity/settlements?month=2025-01')).json().items).toEqual(items);
    expect((await worker.get('/api/v1/reciprocity/settlements')).json().items).toEqual(items);
  });

  it('settles once when two coordinators settle the same month at the same moment', async () => {
    const { client: second } = await actorClient(t.deps, t.app, { roles: [{ role: 'coordinator' }] });
    const before = await tableCounts(t.deps);
    const [r1, r2] = await Promise.all([
      coordinator.post('/api/v1/reciprocity/settlements', { month: '2025-02' }),
      second.post('/api/v1/reciprocity/settlements', { month: '2025-02' }),
    ]);
    expect([r1.statusCode, r2.statusCode].sort()).toEqual([200, 201]);
    expect(r1.json().items).toEqual(r2.json().items);
    expect(r1.json().items).toMatchObject([{ coopId: big.id, netGivenCents: 9000, amountCents: 4000 }]);
    expect((await tableCounts(t.deps)).settlement_obligations).toBe(before.settlement_obligations! + 1);
    expect(await settledEvents(t, '2025-02')).toHaveLength(1);
  });

  it('keeps a month settled in which nobody was above the threshold, even after the threshold falls', async () => {
    const first = await coordinator.post('/api/v1/reciprocity/settlements', { month: '2025-03' });
    expect(first.statusCode).toBe(201);
    expect(first.json().items).toEqual([]);
    expect((await put(coordinator, { policy: 'fund_reimburses_givers', thresholdCents: 0 })).statusCode).toBe(200);
    const before = await tableCounts(t.deps);
    const again = await coordinator.post('/api/v1/reciprocity/settlements', { month: '2025-03' });
    expect(again.statusCode).toBe(200);
    expect(again.json().items).toEqual([]);
    expect(await tableCounts(t.deps)).toEqual(before);
    expect(await settledEvents(t, '2025-03')).toHaveLength(1);
  });

  it('follows the latest choice: a proposal passed after the coordinator’s setting, then a coordinator’s after it', async () => {
    // A settlement_policy proposal that passed a minute ago, as the governance clock leaves it.
    const decidedAt = new Date(Date.now() + 60_000).toISOString();
    await t.deps.db
      .insertInto('proposals')
      .values({
        id: newId(),
        matter: 'settlement_policy',
        title: 'No settlement',
        body_text: '',
        subject_json: JSON.stringify({ policy: 'mutual_credit' }),
        author_id: coordinatorId,
        body_id: null,
        status: 'passed',
        rule_json: null,
        options_json: '[]',
        seats: 1,
        lot_commitment: null,
        lot_seed: null,
        voting_opens_at: decidedAt,
        voting_closes_at: decidedAt,
        electorate_size: 1,
        result_json: null,
        decided_at: decidedAt,
        effect_applied_at: decidedAt,
        reminded_at: null,
        discussion_opened_at: null,
        created_at: decidedAt,
        updated_at: decidedAt,
      })
      .execute();
    expect((await worker.get('/api/v1/reciprocity/settlement-policy')).json()).toMatchObject({
      policy: 'mutual_credit',
      thresholdCents: null,
      source: 'proposal',
      setAt: decidedAt,
    });
    // Mutual credit is settled elsewhere: the fund owes nothing for a month under it.
    const refused = await coordinator.post('/api/v1/reciprocity/settlements', { month: '2025-05' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('reciprocity.no_settlement_policy');

    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.parse(decidedAt) + 60_000);
    const res = await put(coordinator, { policy: 'fund_reimburses_givers', thresholdCents: 1000 });
    vi.useRealTimers();
    expect(res.json()).toMatchObject({ policy: 'fund_reimburses_givers', thresholdCents: 1000, source: 'coordinator' });
    const settled = await coordinator.post('/api/v1/reciprocity/settlements', { month: '2025-05' });
    expect(settled.statusCode).toBe(201);
    expect(settled.json().items).toMatchObject([{ coopId: big.id, netGivenCents: 9000, thresholdCents: 1000, amountCents: 8000 }]);
  });
  it('lets a treasurer pay what the fund owes, once, from the fund’s bank, and nobody else', async () => {
    const [owed] = (await worker.get('/api/v1/reciprocity/settlements?month=2025-01')).json().items;
    const url = `/api/v1/reciprocity/settlements/${owed.id}/payment`;
    const pay = (client: Client, body: unknown, key: string | null = 'pay-2025-01-big') =>
      client.request('POST', url, body, key ? { 'idempotency-key': key } : {});
    const { client: admin } = await actorClient(t.deps, t.app, { coopId: big.id, roles: [{ role: 'coop_admin', coopId: big.id }] });
    const today = new Date().toISOString().slice(0, 10);
    const before = await ledgerState(t.deps);
    expect((await pay(visitor, { date: today })).statusCode).toBe(401);
    for (const who of [worker, admin, coordinator]) expect((await pay(who, { date: today })).statusCode).toBe(403);
    expect((await pay(treasurer, { date: today }, null)).json().error.code).toBe('reciprocity.idempotency_key_required');
    for (const bad of [{}, { date: '2025-13-45x' }, { date: today, cents: 1 }, { date: '<b>' }]) {
      expect((await pay(treasurer, bad)).statusCode, JSON.stringify(bad)).toBe(400);
    }
    expect((await treasurer.request('POST', '/api/v1/reciprocity/settlements/00000000-0000-4000-8000-000000000000/payment', { date: today }, { 'idempotency-key': 'pay-nobody-1' })).statusCode).toBe(404);
    expect(await ledgerState(t.deps)).toEqual(before);

    // Two treasurers' clicks at the same moment, each with its own key: one pays.
    const [a, b] = await Promise.all([pay(treasurer, { date: today }), pay(treasurer, { date: today }, 'pay-2025-01-big-twice')]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([201, 409]);
    expect((a.statusCode === 409 ? a : b).json().error.code).toBe('reciprocity.already_paid');
    const paid = (a.statusCode === 201 ? a : b).json();
    expect(paid).toMatchObject({ id: owed.id, status: 'paid', paidMovementId: expect.any(String), paidAt: expect.any(String) });
    // A retry of the paying request answers the same, and pays nothing more.
    const retry = await pay(treasurer, { date: today });
    expect([200, 409]).toContain(retry.statusCode);
    const payment = (await treasurer.get(`/api/v1/fund/movements/${paid.paidMovementId}`)).json();
    expect(payment.lines.map((l: { account: string; coopId: string | null; cents: number }) => [l.account, l.coopId, l.cents])).toEqual([
      ['liabilities:owed-to-coops', big.id, 2500],
      ['assets:bank', null, -2500],
    ]);
    const fund = (await visitor.get('/api/v1/fund')).json();
    const account = (code: string) => fund.accounts.find((x: { code: string }) => x.code === code)?.balanceCents;
    expect(account('assets:bank')).toBe(20_000 - 2500);
    expect((await worker.get('/api/v1/reciprocity/settlements?month=2025-01')).json().items[0].status).toBe('paid');
    expect(await ledgerInvariants(t.deps)).toEqual([]);
  });
});
