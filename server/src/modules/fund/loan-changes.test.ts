import { randomUUID } from 'node:crypto';
import { beforeAll, expect, it } from 'vitest';
import { actorClient, makeCoop, tableCounts } from '../../../test/factories.ts';
import {
  application,
  giftInto,
  ledgerInvariants,
  ledgerState,
  onFundCommittee,
  post,
} from '../../../test/fund-factories.ts';
import { makeProposal } from '../../../test/governance-factories.ts';
import { makeApiToken } from '../../../test/people-factories.ts';
import { alertArrears } from './arrears-alerts.ts';
import { Client, describeOnDatabases } from '../../../test/harness.ts';
import { coordinatorOf, makeWorkers } from '../../../test/proposals-factories.ts';

const DAY_MS = 86_400_000;
const daysBefore = (day: string, n: number) =>
  new Date(Date.parse(`${day}T12:00:00Z`) - n * DAY_MS).toISOString().slice(0, 10);
const monthBefore = (day: string, n: number) => {
  const [y, m] = day.split('-').map(Number) as [number, number];
  const d = new Date(Date.UTC(y, m - 1 - n, 1));
  return d.toISOString().slice(0, 7);
};

describeOnDatabases('changes to a loan that move no money', (t) => {
  let coop: { id: string };
  let admin: Client;
  let worker: Client;
  let otherAdmin: Client;
  let treasurer: Client;
  let payer: Client;
  let coopAdminToken: Client;
  let treasurerToken: Client;
  let passed: string;
  let open: string;
  let today: string;

  /** A loan applied for, approved by the committee and paid out, its days moved back so that `ago` days have passed. */
  async function loan(terms: Record<string, unknown>, cents: number, ago: number): Promise<string> {
    const made = await admin.post('/api/v1/fund/applications', {
      ...application(coop.id, cents, 'loan'),
      purpose: 'A delivery van for the bakery',
      loan: terms,
      repayment: 'From the van’s deliveries.',
    });
    expect(made.statusCode).toBe(201);
    const id = made.json().id as string;
    for (const m of committee)
      expect((await m.post(`/api/v1/fund/applications/${id}/answers`, { decision: 'approve' })).statusCode).toBe(200);
    const paid = await payer.request(
      'POST',
      `/api/v1/fund/applications/${id}/payment`,
      {},
      { 'idempotency-key': randomUUID() },
    );
    expect(paid.statusCode).toBe(201);
    const loanId = paid.json().loanId as string;
    const then = daysBefore(today, ago);
    await t.deps.db
      .updateTable('fund_loans')
      .set({ disbursed_on: then, interest_through: then })
      .where('id', '=', loanId)
      .execute();
    return loanId;
  }
  let committee: Client[];
  const statement = async (id: string, client: Client = worker) =>
    (await client.get(`/api/v1/fund/loans/${id}`)).json();
  const change = (id: string, body: unknown, client: Client = treasurer) =>
    client.post(`/api/v1/fund/loans/${id}/changes`, body);

  beforeAll(async () => {
    coop = await makeCoop(t.deps, { name: 'Forn del Mercat' });
    admin = (await actorClient(t.deps, t.app, { coopId: coop.id, roles: [{ role: 'coop_admin', coopId: coop.id }] }))
      .client;
    worker = (await actorClient(t.deps, t.app, { coopId: coop.id })).client;
    const other = await makeCoop(t.deps);
    otherAdmin = (
      await actorClient(t.deps, t.app, { coopId: other.id, roles: [{ role: 'coop_admin', coopId: other.id }] })
    ).client;
    const tr = await actorClient(t.deps, t.app, { roles: [{ role: 'treasurer' }] });
    treasurer = tr.client;
    payer = (await actorClient(t.deps, t.app, { roles: [{ role: 'treasurer' }] })).client;
    // One person with both roles: only the token's scope limits it.
    const both = await actorClient(t.deps, t.app, {
      coopId: coop.id,
      roles: [{ role: 'treasurer' }, { role: 'coop_admin', coopId: coop.id }],
    });
    coopAdminToken = new Client(t.app);
    coopAdminToken.bearer = (await makeApiToken(t.deps, both.id, [`coop_admin:${coop.id}`])).token;
    treasurerToken = new Client(t.app);
    treasurerToken.bearer = (await makeApiToken(t.deps, both.id, ['treasurer'])).token;
    const elsewhere = (await makeCoop(t.deps)).id;
    const members = await makeWorkers(t, 3, elsewhere);
    await onFundCommittee(
      t.deps,
      members.map((m) => ({ id: m.id, coopId: elsewhere })),
    );
    committee = members.map((m) => m.client);
    today = await t.deps.network.today();
    expect((await post(treasurer, giftInto('development', 10_000_000, today))).statusCode).toBe(201);
    const { id: coordinatorId } = await coordinatorOf(t);
    passed = (await makeProposal(t.deps, { authorId: coordinatorId, status: 'passed' })).id;
    open = (await makeProposal(t.deps, { authorId: coordinatorId, status: 'voting' })).id;
  });

  it('a revenue-share loan owes its share of each month declared; a month not declared shows as such, not as money late', async () => {
    const id = await loan(
      { termMonths: 12, rateBasisPoints: 0, schedule: 'revenue_share', shareBasisPoints: 500 },
      200_000,
      130,
    );
    const s = await statement(id);
    expect(s.shareBasisPoints).toBe(500);
    const ended = s.revenueMonths.filter((m: { status: string }) => m.status === 'not_declared');
    expect(ended.length).toBeGreaterThan(1);
    expect(s.instalments).toEqual([]);
    expect(s.arrears).toMatchObject({ bucket: 'current', lateCents: 0 });

    const month = ended[0].month as string;
    const declared = await admin.post(`/api/v1/fund/loans/${id}/revenues`, { month, revenueCents: 1_234_567 });
    expect(declared.statusCode).toBe(201);
    // 5 % of 12,345.67 is 617.28 (rounded down), due on the 15th of the month after.
    expect(declared.json().revenueMonths[0]).toMatchObject({
      month,
      revenueCents: 1_234_567,
      dueCents: 61_728,
      status: 'declared',
    });
    expect(declared.json().instalments).toEqual([
      { due: `${monthBefore(`${month}-01`, -1)}-15`, principalCents: 61_728, coveredCents: 0, month, frozen: false },
    ]);
    expect(declared.json().arrears).toMatchObject({ lateCents: 61_728 });
    // A correction replaces it in the reading; both stay in the history.
    const corrected = (
      await treasurer.post(`/api/v1/fund/loans/${id}/revenues`, { month, revenueCents: 1_000_000 })
    ).json();
    expect(corrected.revenueMonths[0]).toMatchObject({ revenueCents: 1_000_000, dueCents: 50_000 });
    expect(
      corrected.declarations.map((d: { revenueCents: number; standing: boolean }) => [d.revenueCents, d.standing]),
    ).toEqual([
      [1_000_000, true],
      [1_234_567, false],
    ]);
    // Never more than what is left.
    const big = (
      await admin.post(`/api/v1/fund/loans/${id}/revenues`, { month: ended[1].month, revenueCents: 100_000_000 })
    ).json();
    expect(big.revenueMonths[1].dueCents).toBe(150_000);
    expect(big.instalments.reduce((n: number, i: { principalCents: number }) => n + i.principalCents, 0)).toBe(200_000);

    // Refused: a month to come, another co-op's admin, a worker, a coop_admin token (tokens do not declare).
    const counts = await tableCounts(t.deps);
    expect(
      (await admin.post(`/api/v1/fund/loans/${id}/revenues`, { month: monthBefore(today, -1), revenueCents: 1 })).json()
        .error.code,
    ).toBe('fund.month_to_come');
    expect((await otherAdmin.post(`/api/v1/fund/loans/${id}/revenues`, { month, revenueCents: 1 })).statusCode).toBe(
      404,
    );
    expect((await worker.post(`/api/v1/fund/loans/${id}/revenues`, { month, revenueCents: 1 })).statusCode).toBe(403);
    expect(
      (await coopAdminToken.post(`/api/v1/fund/loans/${id}/revenues`, { month, revenueCents: 1 })).statusCode,
    ).toBe(403);
    expect((await admin.post(`/api/v1/fund/loans/${id}/revenues`, { month, revenueCents: -1 })).statusCode).toBe(400);
    expect(await tableCounts(t.deps)).toEqual(counts);
  });

  it('a when_viable loan owes nothing until its co-op declares from which month it covers its costs', async () => {
    const id = await loan({ termMonths: 12, rateBasisPoints: 0, schedule: 'when_viable' }, 120_000, 100);
    expect((await statement(id)).instalments).toEqual([]);
    const from = monthBefore(today, 1);
    const res = await admin.post(`/api/v1/fund/loans/${id}/viability`, { fromMonth: from });
    expect(res.statusCode).toBe(201);
    const s = res.json();
    expect(s.viableFrom).toBe(from);
    expect(s.instalments.length).toBeGreaterThan(1);
    expect(s.instalments.reduce((n: number, i: { principalCents: number }) => n + i.principalCents, 0)).toBe(120_000);
    expect(s.instalments[0].due).toBe(`${today.slice(0, 7)}-15`);
    expect(s.changes).toMatchObject([{ kind: 'viable', on: `${from}-01`, decision: null }]);
    expect((await worker.post(`/api/v1/fund/loans/${id}/viability`, { fromMonth: from })).statusCode).toBe(403);
    // A loan of another schedule takes no revenue.
    expect(
      (await admin.post(`/api/v1/fund/loans/${id}/revenues`, { month: from, revenueCents: 100 })).json().error.code,
    ).toBe('fund.not_revenue_share');
    expect((await admin.post(`/api/v1/fund/loans/${id}/viability`, { fromMonth: from })).json().error.code).toBe(
      'fund.already_viable',
    );
    expect((await otherAdmin.post(`/api/v1/fund/loans/${id}/viability`, { fromMonth: from })).statusCode).toBe(404);
  });

  it('a freeze, on a passed proposal, stops dues and interest; its end moves the rest later', async () => {
    // 3 % a year on 3,650.00: 0.30 a day. Paid out 70 days ago; the first instalment fell due about 40 days ago.
    const id = await loan({ termMonths: 6, rateBasisPoints: 300, schedule: 'fixed' }, 365_000, 70);
    const before = await statement(id);
    expect(before.interestDueCents).toBe(70 * 30);
    expect(before.arrears.lateCents).toBeGreaterThan(0);
    const from = daysBefore(today, 50);
    const reason = '<img src=x onerror=alert(1)> The flood closed the bakery';

    // Refused, nothing changed: no decision, a proposal not passed, an unknown one, a co-op admin, a worker,
    // another co-op's admin, a coop_admin token, an end with no freeze, a day before the last repayment.
    const counts = await tableCounts(t.deps);
    const state = await ledgerState(t.deps);
    const freeze = { kind: 'freeze', on: from, reason, decision: { kind: 'proposal', id: passed } };
    expect((await change(id, { ...freeze, decision: undefined })).statusCode).toBe(400);
    expect((await change(id, { ...freeze, decision: { kind: 'proposal', id: open } })).json().error.code).toBe(
      'fund.unknown_decision',
    );
    expect((await change(id, { ...freeze, decision: { kind: 'proposal', id: randomUUID() } })).json().error.code).toBe(
      'fund.unknown_decision',
    );
    for (const c of [admin, worker, otherAdmin, coopAdminToken])
      expect((await change(id, freeze, c)).statusCode).toBe(403);
    expect((await change(id, { ...freeze, kind: 'unfreeze' })).json().error.code).toBe('fund.not_frozen');
    expect((await change(id, { ...freeze, on: daysBefore(today, 80) })).json().error.code).toBe(
      'fund.change_before_last',
    );
    expect(await tableCounts(t.deps)).toEqual(counts);
    expect(await ledgerState(t.deps)).toEqual(state);

    const frozen = await change(id, freeze, treasurerToken);
    expect(frozen.statusCode).toBe(201);
    // Interest ran for the 20 days before the freeze only; nothing that fell due since is late.
    expect(frozen.json()).toMatchObject({
      interestDueCents: 20 * 30,
      frozen: [{ from, until: null }],
      arrears: { bucket: 'current', lateCents: 0 },
    });
    expect(frozen.json().instalments.every((i: { frozen: boolean }) => i.frozen)).toBe(true);
    expect(frozen.json().changes).toEqual([
      {
        kind: 'freeze',
        on: from,
        termMonths: null,
        graceMonths: null,
        reason,
        decision: { kind: 'proposal', id: passed },
        recordedBy: expect.any(String),
        recordedAt: expect.any(String),
      },
    ]);
    // It moves no money.
    const { counts: after } = await ledgerState(t.deps);
    expect([after.ledger_movements, after.ledger_entries]).toEqual([
      state.counts.ledger_movements,
      state.counts.ledger_entries,
    ]);
    expect((await change(id, freeze)).json().error.code).toBe('fund.already_frozen');
    // The committee is not called to help with a frozen loan's dues.
    expect((await alertArrears(t.deps)).filter((a) => a.startsWith(id))).toEqual([]);

    const end = daysBefore(today, 10);
    const ended = (
      await change(id, {
        kind: 'unfreeze',
        on: end,
        reason: 'The bakery reopened',
        decision: { kind: 'proposal', id: passed },
      })
    ).json();
    expect(ended.frozen).toEqual([{ from, until: end }]);
    // 20 days before the freeze and 10 since its end.
    expect(ended.interestDueCents).toBe(30 * 30);
    expect(ended.instalments.every((i: { frozen: boolean }) => !i.frozen)).toBe(true);
    // The first instalment moved later by the freeze's 40 days, as two months.
    expect(ended.instalments[0].due).toBe(addMonthsUtc(before.instalments[0].due, 2));
    expect(ended.changes.map((c: { kind: string }) => c.kind)).toEqual(['freeze', 'unfreeze']);
  });

  it('a reschedule, on a passed proposal, spreads what is left over the new term and keeps the old schedule in the history', async () => {
    const id = await loan({ termMonths: 3, rateBasisPoints: 0, schedule: 'fixed' }, 300_000, 100);
    const before = await statement(id);
    expect(before.arrears.bucket).not.toBe('current');
    const body = {
      kind: 'reschedule',
      on: today,
      termMonths: 6,
      graceMonths: 1,
      reason: 'Sales fell by half',
      decision: { kind: 'proposal', id: passed },
    };
    const counts = await tableCounts(t.deps);
    expect((await change(id, { ...body, decision: { kind: 'proposal', id: open } })).statusCode).toBe(400);
    expect((await change(id, body, admin)).statusCode).toBe(403);
    expect(await tableCounts(t.deps)).toEqual(counts);
    const res = await change(id, body);
    expect(res.statusCode).toBe(201);
    const s = res.json();
    expect(s.instalments.map((i: { principalCents: number }) => i.principalCents)).toEqual([
      50_000, 50_000, 50_000, 50_000, 50_000, 50_000,
    ]);
    expect(s.instalments[0].due).toBe(addMonthsUtc(today, 2));
    expect(s.arrears).toMatchObject({ bucket: 'current', lateCents: 0 });
    expect(s.changes).toMatchObject([
      { kind: 'reschedule', on: today, termMonths: 6, graceMonths: 1, reason: 'Sales fell by half' },
    ]);
    // The terms it was made with stay as they were.
    expect(s).toMatchObject({ termMonths: 3, graceMonths: 0 });
    expect(await ledgerInvariants(t.deps)).toEqual([]);
  });
});

function addMonthsUtc(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const last = new Date(Date.UTC(y, m - 1 + months + 1, 0)).getUTCDate();
  return new Date(Date.UTC(y, m - 1 + months, Math.min(d, last))).toISOString().slice(0, 10);
}
