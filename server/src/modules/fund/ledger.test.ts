import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { actorClient, makeCoop } from '../../../test/factories.ts';
import {
  giftInto,
  grantFrom,
  ledgerInvariants,
  ledgerState,
  line,
  movement,
  post,
} from '../../../test/fund-factories.ts';
import { makeProposal } from '../../../test/governance-factories.ts';
import { Client, describeOnDatabases } from '../../../test/harness.ts';
import { fund } from '@coopnet/domain';
import { adoptBylaws, currentBylaws } from '../governance/index.ts';

describeOnDatabases('the fund’s ledger', (t) => {
  let treasurer: Client;
  let coordinator: Client;
  let worker: Client;
  let coopAdmin: Client;
  let visitor: Client;
  let coop: { id: string };
  let passed: string;
  let failed: string;
  let today: string;

  const bearer = async (scopes: string[], owner: Client) => {
    const { token } = (
      await owner.post('/api/v1/auth/tokens', { name: `token ${randomUUID().slice(0, 6)}`, scopes })
    ).json();
    const c = new Client(t.app);
    c.bearer = token;
    return c;
  };
  const fundView = async () => (await visitor.get('/api/v1/fund')).json();
  const subFund = async (code: string) =>
    (await fundView()).subFunds.find((f: { code: string }) => f.code === code).balanceCents;

  beforeAll(async () => {
    coop = await makeCoop(t.deps, { name: 'Forn de la Plaça' });
    const tr = await actorClient(t.deps, t.app, { roles: [{ role: 'treasurer' }] });
    treasurer = tr.client;
    coordinator = (await actorClient(t.deps, t.app, { roles: [{ role: 'coordinator' }] })).client;
    worker = (await actorClient(t.deps, t.app, { coopId: coop.id })).client;
    coopAdmin = (
      await actorClient(t.deps, t.app, {
        coopId: coop.id,
        roles: [
          { role: 'coop_admin', coopId: coop.id },
          { role: 'cashier', coopId: coop.id },
        ],
      })
    ).client;
    visitor = new Client(t.app);
    passed = (await makeProposal(t.deps, { authorId: tr.id, status: 'passed' })).id;
    failed = (await makeProposal(t.deps, { authorId: tr.id, status: 'failed' })).id;
    today = await t.deps.network.today();
  });

  it('shows anyone the starting sub-funds and accounts, empty, and what the reader may do', async () => {
    const view = await fundView();
    // In the order people read them in.
    expect(view.subFunds.map((f: { code: string }) => f.code)).toEqual([
      'emergency',
      'development',
      'programmes',
      'reserve',
      'loans',
    ]);
    expect(view.totalCents).toBe(0);
    expect(view.abilities).toEqual({ movements: false, post: false, closeBooks: false, export: false });
    expect((await worker.get('/api/v1/fund')).json().abilities).toEqual({
      movements: true,
      post: false,
      closeBooks: false,
      export: false,
    });
    expect((await treasurer.get('/api/v1/fund')).json().abilities).toEqual({
      movements: true,
      post: true,
      closeBooks: true,
      export: true,
    });
  });

  it('posts a gift once, however often it is retried, and a reused key with another movement is a conflict', async () => {
    const key = randomUUID();
    const first = await post(treasurer, giftInto('emergency', 500_000, today), key);
    expect(first.statusCode).toBe(201);
    const posted = first.json();
    expect(posted.lines).toEqual([
      { account: 'assets:bank', subFund: null, coopId: null, coopName: null, cents: 500_000 },
      { account: 'income:gifts', subFund: 'emergency', coopId: null, coopName: null, cents: -500_000 },
    ]);
    const again = await post(treasurer, giftInto('emergency', 500_000, today), key);
    expect(again.statusCode).toBe(200);
    expect(again.json().id).toBe(posted.id);
    const other = await post(treasurer, giftInto('emergency', 400_000, today), key);
    expect(other.statusCode).toBe(409);
    expect(other.json().error.code).toBe('fund.idempotency_conflict');
    expect(await subFund('emergency')).toBe(500_000);
    const view = await fundView();
    expect(view.accounts.find((a: { code: string }) => a.code === 'assets:bank').balanceCents).toBe(500_000);
    expect(view.months).toHaveLength(12);
    expect(view.months.at(-1)).toEqual({ month: today.slice(0, 7), inCents: 500_000, outCents: 0 });
    expect(await ledgerInvariants(t.deps)).toEqual([]);
  });

  it('posts with the network’s settings not yet read (on SQLite they are read through the posting’s own transaction)', async () => {
    t.deps.network.invalidate();
    const res = await post(treasurer, giftInto('programmes', 1, today));
    expect(res.statusCode).toBe(201);
    t.deps.network.invalidate();
    const reversal = await treasurer.request(
      'POST',
      `/api/v1/fund/movements/${res.json().id}/reversal`,
      { reason: 'A test' },
      { 'idempotency-key': randomUUID() },
    );
    expect(reversal.statusCode).toBe(201);
  }, 10_000);

  it('refuses, with a clear 4xx and nothing changed, what the books do not allow', async () => {
    const grant = grantFrom('emergency', 100, passed);
    const cases: [string, unknown, number, string, Record<string, string>?][] = [
      [
        'unbalanced',
        movement({ date: today, lines: [line('assets:bank', 100), line('income:gifts', -99, 'emergency')] }),
        400,
        'fund.unbalanced',
      ],
      [
        'fractional cents',
        movement({ date: today, lines: [line('assets:bank', 100.5), line('income:gifts', -100.5, 'emergency')] }),
        400,
        'validation_failed',
      ],
      ['one line', movement({ date: today, lines: [line('assets:bank', 100)] }), 400, 'validation_failed'],
      ['a grant without its decision', { ...grant, decision: null }, 400, 'fund.decision_required'],
      ['a grant on a failed proposal', grantFrom('emergency', 100, failed), 400, 'fund.unknown_decision'],
      [
        'a grant naming an approval (only its payment does)',
        { ...grant, decision: { kind: 'approval', id: randomUUID() } },
        400,
        'validation_failed',
      ],
      ['a grant beyond what the sub-fund holds', grantFrom('emergency', 500_001, passed), 409, 'fund.rule_broken'],
      ['a grant from an empty sub-fund', grantFrom('development', 1, passed), 409, 'fund.rule_broken'],
      [
        'income without a sub-fund',
        movement({ date: today, lines: [line('assets:bank', 100), line('income:gifts', -100)] }),
        400,
        'fund.sub_fund_required',
      ],
      [
        'an unknown account',
        movement({ date: today, lines: [line('assets:cash-box', 100), line('income:gifts', -100, 'emergency')] }),
        400,
        'fund.unknown_account',
      ],
      ['a day to come', giftInto('emergency', 100, '2999-01-01'), 400, 'fund.future_date'],
      [
        'a reason of control characters only',
        { ...giftInto('emergency', 100, today), reason: '\u0007' },
        400,
        'validation_failed',
      ],
      [
        'an amount past the safe integers',
        movement({ date: today, lines: [line('assets:bank', 2 ** 60), line('income:gifts', -(2 ** 60), 'emergency')] }),
        400,
        'validation_failed',
      ],
      [
        'a line past 10^13 cents',
        movement({
          date: today,
          lines: [line('assets:bank', 1e13 + 1), line('income:gifts', -(1e13 + 1), 'emergency')],
        }),
        400,
        'fund.too_large',
      ],
      ['a kind of its own', { ...giftInto('emergency', 100, today), kind: 'reversal' }, 400, 'validation_failed'],
      ['no Idempotency-Key', giftInto('emergency', 100, today), 400, 'fund.idempotency_key_required', {}],
    ];
    for (const [what, body, status, code, headers] of cases) {
      const before = await ledgerState(t.deps);
      const res = headers
        ? await treasurer.request('POST', '/api/v1/fund/movements', body, headers)
        : await post(treasurer, body);
      expect([what, res.statusCode, res.json().error?.code]).toEqual([what, status, code]);
      expect(await ledgerState(t.deps)).toEqual(before);
    }
    const breach = (await post(treasurer, grantFrom('emergency', 500_001, passed))).json().error.details.breaches;
    expect(breach).toEqual([
      { rule: 'sub_fund_minimum', subFund: 'emergency', minimumCents: 0, balanceCents: -1 },
      { rule: 'no_overdraft', account: 'assets:bank', balanceCents: -1 },
    ]);
  });

  it('lets only treasurers (and treasurer tokens) post; members read the movements; visitors read the figures', async () => {
    for (const client of [coordinator, worker, coopAdmin])
      expect((await post(client, giftInto('emergency', 100, today))).statusCode).toBe(403);
    expect((await post(visitor, giftInto('emergency', 100, today))).statusCode).toBe(401);
    for (const scopes of [['read'], ['coordinator'], [`cashier:${coop.id}`], [`coop_admin:${coop.id}`]]) {
      const owner = scopes[0] === 'coordinator' ? coordinator : scopes[0] === 'read' ? treasurer : coopAdmin;
      const token = await bearer(scopes, owner);
      const res = await post(token, giftInto('emergency', 100, today));
      expect([scopes, res.statusCode]).toEqual([scopes, 403]);
    }
    const tokenOfTreasurer = await bearer(['treasurer'], treasurer);
    expect((await post(tokenOfTreasurer, giftInto('reserve', 100, today))).statusCode).toBe(201);
    expect((await visitor.get('/api/v1/fund/movements')).statusCode).toBe(401);
    const list = await worker.get('/api/v1/fund/movements');
    expect(list.statusCode).toBe(200);
    expect(list.json().items[0]).toMatchObject({
      kind: 'gift',
      reason: 'A gift from a neighbour',
      lines: [{ cents: 100 }, { cents: -100 }],
    });
    expect((await worker.get('/api/v1/fund/journal')).statusCode).toBe(403);
    expect((await visitor.get('/api/v1/fund/journal')).statusCode).toBe(401);
  });

  it('pays a grant on a passed proposal, naming the co-op; a reversal undoes it once and names what it reverses', async () => {
    const grant = await post(treasurer, grantFrom('emergency', 120_000, passed, coop.id));
    expect(grant.statusCode).toBe(201);
    expect(grant.json()).toMatchObject({
      kind: 'grant',
      decision: { kind: 'proposal', id: passed },
      lines: [{ coopId: coop.id, coopName: 'Forn de la Plaça' }, {}],
    });
    expect(await subFund('emergency')).toBe(380_000);

    const key = randomUUID();
    const reverse = (k: string) =>
      treasurer.request(
        'POST',
        `/api/v1/fund/movements/${grant.json().id}/reversal`,
        { reason: 'Paid to the wrong account' },
        { 'idempotency-key': k },
      );
    const reversal = await reverse(key);
    expect(reversal.statusCode).toBe(201);
    expect(reversal.json()).toMatchObject({
      kind: 'reversal',
      reverses: grant.json().id,
      date: today,
      lines: [{ cents: -120_000 }, { cents: 120_000 }],
    });
    expect((await reverse(key)).statusCode).toBe(200);
    const twice = await reverse(randomUUID());
    expect([twice.statusCode, twice.json().error.code]).toEqual([409, 'fund.already_reversed']);
    expect(await subFund('emergency')).toBe(500_000);
    expect((await worker.get(`/api/v1/fund/movements/${grant.json().id}`)).json().reversedBy).toBe(reversal.json().id);
    expect(await ledgerInvariants(t.deps)).toEqual([]);
  });

  it('gives members every line as CSV, a formula kept as text', async () => {
    const hostile = { ...giftInto('programmes', 700, today), reason: '=HYPERLINK("https://evil.example","prize")' };
    expect((await post(treasurer, hostile)).statusCode).toBe(201);
    expect((await visitor.get('/api/v1/fund/movements.csv')).statusCode).toBe(401);
    const res = await worker.get('/api/v1/fund/movements.csv');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    const rows = res.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(rows[0]).toBe('date,movement_id,kind,reason,account,sub_fund,coop,amount,amount_cents');
    const hostileRows = rows.filter((r) => r.includes('HYPERLINK'));
    expect(hostileRows).toHaveLength(2);
    for (const r of hostileRows) expect(r).toContain(`"'=HYPERLINK(""https://evil.example"",""prize"")"`);
    expect(hostileRows[0]).toContain(',assets:bank,,,7.00,700');
    const lines = await t.deps.db
      .selectFrom('ledger_entries')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(rows).toHaveLength(Number(lines.n) + 1);
  });

  it('closes the books through a day that has ended, never reopens them, and refuses postings dated in them', async () => {
    const yesterday = new Date(Date.parse(`${today}T12:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    expect((await coordinator.request('PUT', '/api/v1/fund/books', { closedThrough: yesterday })).statusCode).toBe(403);
    expect((await treasurer.request('PUT', '/api/v1/fund/books', { closedThrough: today })).json().error.code).toBe(
      'fund.close_future',
    );
    const closed = await treasurer.request('PUT', '/api/v1/fund/books', { closedThrough: yesterday });
    expect(closed.statusCode).toBe(200);
    expect(closed.json().closedThrough).toBe(yesterday);
    const reopen = await treasurer.request('PUT', '/api/v1/fund/books', { closedThrough: '2020-01-01' });
    expect([reopen.statusCode, reopen.json().error.code]).toEqual([409, 'fund.books_reopen']);
    const before = await ledgerState(t.deps);
    const late = await post(treasurer, giftInto('emergency', 100, yesterday));
    expect([late.statusCode, late.json().error.code]).toEqual([409, 'fund.books_closed']);
    expect(await ledgerState(t.deps)).toEqual(before);
    expect((await post(treasurer, giftInto('emergency', 100, today))).statusCode).toBe(201);
  });

  describe('under load', () => {
    it('100 grants at once against a sub-fund that can pay 10 pay exactly 10', async () => {
      await post(treasurer, giftInto('development', 10 * 7_000, today));
      expect(await subFund('development')).toBe(70_000);
      const answers = await Promise.all(
        Array.from({ length: 100 }, () => post(treasurer, grantFrom('development', 7_000, passed, coop.id))),
      );
      const codes = answers.map((a) => a.statusCode);
      expect(codes.filter((c) => c === 201)).toHaveLength(10);
      expect(codes.filter((c) => c === 409)).toHaveLength(90);
      expect(await subFund('development')).toBe(0);
      expect(await ledgerInvariants(t.deps)).toEqual([]);
    });
  });

  it('keeps the reserve above the bylaws’ minimum reserve, and shows that minimum', async () => {
    const { bylaws } = await currentBylaws(t.deps.db);
    const held = await subFund('reserve');
    const minimum = held + 50_000;
    await adoptBylaws(
      t.deps.db,
      { ...bylaws, fund: { ...fund.DEFAULT_FUND_RULES, policy: { ...fund.DEFAULT_FUND_RULES.policy, minimumReserveCents: minimum } } },
      null,
    );
    try {
      expect((await fundView()).subFunds.find((f: { code: string }) => f.code === 'reserve').minimumCents).toBe(minimum);
      expect((await post(treasurer, giftInto('reserve', 80_000, today))).statusCode).toBe(201);
      const move = (cents: number) =>
        movement({
          kind: 'transfer',
          date: today,
          reason: 'From the reserve to emergencies',
          decision: { kind: 'proposal', id: passed },
          lines: [line('equity:funds', cents, 'reserve'), line('equity:funds', -cents, 'emergency')],
        });
      const before = await ledgerState(t.deps);
      const refused = await post(treasurer, move(30_001));
      expect(refused.statusCode).toBe(409);
      expect(refused.json().error.details.breaches).toEqual([
        { rule: 'sub_fund_minimum', subFund: 'reserve', minimumCents: minimum, balanceCents: minimum - 1 },
      ]);
      expect(await ledgerState(t.deps)).toEqual(before);
      // Down to the minimum is allowed; money into the reserve never needs the bylaws.
      expect((await post(treasurer, move(30_000))).statusCode).toBe(201);
      expect(await subFund('reserve')).toBe(minimum);
    } finally {
      await adoptBylaws(t.deps.db, bylaws, null);
    }
  });
});
