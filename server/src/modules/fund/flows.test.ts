import { beforeAll, expect, it } from 'vitest';
import { actorClient, makeCoop } from '../../../test/factories.ts';
import { giftInto, line, movement, post } from '../../../test/fund-factories.ts';
import { makeProposal } from '../../../test/governance-factories.ts';
import { Client, type TestContext, describeOnDatabases } from '../../../test/harness.ts';
import { makeApiToken } from '../../../test/people-factories.ts';

interface Flows {
  year: number;
  years: number[];
  subFunds: { code: string; broughtForwardCents: number; carriedForwardCents: number }[];
  sources: { source: string; subFund: string; cents: number; names: { en: string } | null }[];
  uses: { use: string; subFund: string; cents: number; names: { en: string } | null }[];
  lending: { lentCents: number; repaidCents: number; writtenOffCents: number };
}

const bearer = (t: TestContext, token: string) => {
  const c = new Client(t.app);
  c.bearer = token;
  return c;
};

/** What the budget's tables and the audit log hold: equal before and after a refused request. */
async function budgetState(t: TestContext) {
  const count = async (table: 'fund_budgets' | 'audit_events') =>
    Number(
      (
        await t.deps.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return { budgets: await count('fund_budgets'), audit: await count('audit_events') };
}

describeOnDatabases('where the fund’s money came from and went, and budgets against actual', (t) => {
  let treasurer: Client;
  let treasurerName: string;
  let treasurerToken: string;
  let coordinator: Client;
  let worker: Client;
  let visitor: Client;
  let coopId: string;
  let year: number;

  const flows = async (query = '') => {
    const res = await visitor.get(`/api/v1/fund/flows${query}`);
    expect(res.statusCode).toBe(200);
    return res.json() as Flows;
  };
  const setBudget = (client: Client, y: number, subFund: string, body: unknown) =>
    client.request('PUT', `/api/v1/fund/budgets/${y}/${subFund}`, body);

  beforeAll(async () => {
    coopId = (await makeCoop(t.deps, { name: 'Forn de la Plaça' })).id;
    treasurerName = 'Montse the treasurer';
    const tr = await actorClient(t.deps, t.app, { roles: [{ role: 'treasurer' }], displayName: treasurerName });
    treasurer = tr.client;
    treasurerToken = (await makeApiToken(t.deps, tr.id, ['treasurer'])).token;
    coordinator = (await actorClient(t.deps, t.app, { roles: [{ role: 'coordinator' }] })).client;
    worker = (await actorClient(t.deps, t.app, { coopId })).client;
    visitor = new Client(t.app);
    const passed = (await makeProposal(t.deps, { authorId: tr.id, status: 'passed' })).id;
    const decision = { kind: 'proposal' as const, id: passed };
    const today = await t.deps.network.today();
    year = Number(today.slice(0, 4));

    // Last year: a gift of 1,000.00 into emergency. This year: the books' opening balance of 2,000.00 for
    // development, a gift of 500.00 into emergency, a grant of 300.00 from it, a loan of 800.00 from development
    // and a repayment of 200.00 with 50.00 of interest.
    const moves = [
      giftInto('emergency', 100_000, `${year - 1}-06-15`),
      movement({
        kind: 'opening',
        date: today,
        reason: 'The books open',
        lines: [line('assets:bank', 200_000), line('equity:funds', -200_000, 'development')],
      }),
      giftInto('emergency', 50_000, today),
      movement({
        kind: 'grant',
        date: today,
        reason: 'A flooded workshop',
        decision,
        lines: [line('expenses:grants', 30_000, 'emergency', coopId), line('assets:bank', -30_000)],
      }),
      movement({
        kind: 'loan',
        date: today,
        reason: 'A second oven',
        decision,
        lines: [
          line('assets:loans-receivable', 80_000, null, coopId),
          line('assets:bank', -80_000),
          line('equity:funds', 80_000, 'development'),
          line('equity:funds', -80_000, 'loans'),
        ],
      }),
      movement({
        kind: 'repayment',
        date: today,
        reason: 'The oven’s first instalment',
        lines: [
          line('assets:bank', 25_000),
          line('income:interest', -5_000, 'development'),
          line('assets:loans-receivable', -20_000, null, coopId),
          line('equity:funds', 20_000, 'loans'),
          line('equity:funds', -20_000, 'development'),
        ],
      }),
    ];
    for (const m of moves) {
      const res = await post(treasurer, m);
      expect(res.statusCode, res.body).toBe(201);
    }
  });

  it('shows anyone where this year’s money came from and went: lent apart from spent, every cent accounted for', async () => {
    const f = await flows();
    expect(f.year).toBe(year);
    expect(f.years).toEqual([year - 1, year]);
    const sources = Object.fromEntries(f.sources.map((s) => [`${s.source} → ${s.subFund}`, s.cents]));
    expect(sources).toEqual({
      'brought-forward → emergency': 100_000,
      'income:gifts → emergency': 50_000,
      'opening → development': 200_000,
      'repaid → development': 20_000,
      'income:interest → development': 5_000,
    });
    const uses = Object.fromEntries(f.uses.map((u) => [`${u.subFund} → ${u.use}`, u.cents]));
    expect(uses).toEqual({
      'emergency → expenses:grants': 30_000,
      'development → lent': 80_000,
      'emergency → carried-forward': 120_000,
      'development → carried-forward': 145_000,
    });
    expect(f.sources.find((s) => s.source === 'income:gifts')?.names?.en).toBe('Gifts');
    expect(f.uses.find((u) => u.use === 'lent')?.names).toBeNull();
    expect(f.lending).toEqual({ lentCents: 80_000, repaidCents: 20_000, writtenOffCents: 0 });
    // What stayed is what the fund's page says each sub-fund holds; loans outstanding is not a pot of the picture.
    const fund = (await visitor.get('/api/v1/fund')).json() as { subFunds: { code: string; balanceCents: number }[] };
    for (const s of f.subFunds)
      expect(s.carriedForwardCents).toBe(fund.subFunds.find((x) => x.code === s.code)!.balanceCents);
    expect(f.subFunds.map((s) => s.code)).not.toContain('loans');
  });

  it('shows last year on its own, and a year without movements as nothing', async () => {
    const last = await flows(`?year=${year - 1}`);
    expect(last.sources.map((s) => [s.source, s.subFund, s.cents])).toEqual([['income:gifts', 'emergency', 100_000]]);
    expect(last.uses.map((u) => [u.subFund, u.use, u.cents])).toEqual([['emergency', 'carried-forward', 100_000]]);
    const quiet = await flows(`?year=${year - 5}`);
    expect(quiet.sources).toEqual([]);
    expect(quiet.uses).toEqual([]);
    expect(quiet.subFunds.every((s) => s.broughtForwardCents === 0 && s.carriedForwardCents === 0)).toBe(true);
    expect(quiet.lending).toEqual({ lentCents: 0, repaidCents: 0, writtenOffCents: 0 });
    for (const bad of ['abc', '1999', '2026.5'])
      expect((await visitor.get(`/api/v1/fund/flows?year=${bad}`)).statusCode).toBe(400);
  });

  it('keeps every version of a budget a treasurer sets, and shows anyone the budget against what was spent', async () => {
    const first = await setBudget(treasurer, year, 'emergency', {
      spendCents: 50_000,
      receiveCents: 60_000,
      note: 'As the assembly agreed in March',
    });
    expect(first.statusCode, first.body).toBe(200);
    const second = await setBudget(treasurer, year, 'emergency', { spendCents: 40_000 });
    expect(second.statusCode).toBe(200);
    // The same figures again (a retry) add no version.
    expect((await setBudget(treasurer, year, 'emergency', { spendCents: 40_000 })).statusCode).toBe(200);
    // A treasurer's API token may set it too.
    expect((await setBudget(bearer(t, treasurerToken), year, 'programmes', { spendCents: 0 })).statusCode).toBe(200);

    const seen = (await visitor.get(`/api/v1/fund/budgets?year=${year}`)).json();
    const emergency = seen.subFunds.find((s: { code: string }) => s.code === 'emergency');
    expect(emergency).toMatchObject({
      spendCents: 40_000,
      receiveCents: null,
      spentCents: 30_000,
      receivedCents: 50_000,
      leftCents: 10_000,
      spentPercent: 75,
    });
    expect(emergency.history.map((h: { spendCents: number }) => h.spendCents)).toEqual([40_000, 50_000]);
    expect(emergency.history[1]).toMatchObject({ receiveCents: 60_000, note: 'As the assembly agreed in March' });
    // Who set it is the members' business.
    expect(emergency.history[0].setBy).toBeNull();
    expect(seen.abilities).toEqual({ setBudget: false });
    const development = seen.subFunds.find((s: { code: string }) => s.code === 'development');
    // Lending is not spending; interest is income.
    expect(development).toMatchObject({ spendCents: null, spentCents: 0, receivedCents: 5_000, leftCents: null });
    expect(seen.subFunds.map((s: { code: string }) => s.code)).not.toContain('loans');

    const asWorker = (await worker.get(`/api/v1/fund/budgets?year=${year}`)).json();
    expect(asWorker.subFunds.find((s: { code: string }) => s.code === 'emergency').history[0].setBy).toBe(
      treasurerName,
    );
    const asTreasurer = (await treasurer.get('/api/v1/fund/budgets')).json();
    expect(asTreasurer.abilities).toEqual({ setBudget: true });
    expect(asTreasurer.years).toContain(year + 1);
    // Another year's budget is its own.
    const lastYear = (await visitor.get(`/api/v1/fund/budgets?year=${year - 1}`)).json();
    expect(lastYear.subFunds.find((s: { code: string }) => s.code === 'emergency')).toMatchObject({
      spendCents: null,
      spentCents: 0,
      receivedCents: 100_000,
      history: [],
    });
  });

  it('refuses to set a budget to workers, coordinators, visitors and tokens without the treasurer’s scope, changing nothing', async () => {
    const before = await budgetState(t);
    const body = { spendCents: 1 };
    expect((await setBudget(worker, year, 'reserve', body)).statusCode).toBe(403);
    expect((await setBudget(coordinator, year, 'reserve', body)).statusCode).toBe(403);
    expect((await setBudget(visitor, year, 'reserve', body)).statusCode).toBe(401);
    const tr = await actorClient(t.deps, t.app, { roles: [{ role: 'treasurer' }, { role: 'coordinator' }] });
    for (const scopes of [['read'], ['coordinator']]) {
      const token = (await makeApiToken(t.deps, tr.id, scopes)).token;
      const res = await setBudget(bearer(t, token), year, 'reserve', body);
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe('auth.token_scope');
    }
    expect(await budgetState(t)).toEqual(before);
  });

  it('answers bad input with a 400 and changes nothing', async () => {
    const before = await budgetState(t);
    for (const [y, subFund, body] of [
      [year, 'reserve', { spendCents: -1 }],
      [year, 'reserve', { spendCents: 10.5 }],
      [year, 'reserve', { spendCents: '100' }],
      [year, 'reserve', { spendCents: 100, receiveCents: -5 }],
      [year, 'reserve', { spendCents: 100, colour: 'red' }],
      [1999, 'reserve', { spendCents: 100 }],
      [year, 'Reserve!', { spendCents: 100 }],
    ] as const) {
      const res = await setBudget(treasurer, y, subFund, body);
      expect(res.statusCode, `${y} ${subFund} ${JSON.stringify(body)}`).toBe(400);
    }
    for (const subFund of ['nowhere', 'loans']) {
      const res = await setBudget(treasurer, year, subFund, { spendCents: 100 });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('fund.budget_sub_fund');
    }
    expect(await budgetState(t)).toEqual(before);
  });
});
