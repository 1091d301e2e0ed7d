import { randomUUID } from 'node:crypto';
import { beforeAll, expect, it } from 'vitest';
import { actorClient, makeCoop } from '../../../test/factories.ts';
import { application, giftInto, ledgerInvariants, ledgerState, post } from '../../../test/fund-factories.ts';
import { makeProposal } from '../../../test/governance-factories.ts';
import { Client, describeOnDatabases } from '../../../test/harness.ts';
import { closeAfter, coordinatorOf, makeWorkers, openedProposal } from '../../../test/proposals-factories.ts';

const DAY_MS = 86_400_000;

describeOnDatabases('loans without banks', (t) => {
  let coop: { id: string };
  let admin: Client;
  let worker: Client;
  let otherWorker: Client;
  let treasurer: Client;
  let visitor: Client;
  let today: string;
  let loanId: string;

  const loanApplication = (cents: number) => ({
    ...application(coop.id, cents, 'loan'),
    purpose: 'A second oven, to bake for the school canteens',
    loan: { termMonths: 6, rateBasisPoints: 300, graceMonths: 0, schedule: 'fixed' },
    repayment: 'From the canteen contract, monthly.',
  });
  const fund = async () => (await visitor.get('/api/v1/fund')).json();
  const subFund = async (code: string) =>
    (await fund()).subFunds.find((f: { code: string }) => f.code === code).balanceCents as number;
  const repay = (body: unknown, key: string = randomUUID()) =>
    treasurer.request('POST', `/api/v1/fund/loans/${loanId}/repayments`, body, { 'idempotency-key': key });

  beforeAll(async () => {
    coop = await makeCoop(t.deps, { name: 'Forn de la Plaça' });
    admin = (await actorClient(t.deps, t.app, { coopId: coop.id, roles: [{ role: 'coop_admin', coopId: coop.id }] }))
      .client;
    worker = (await actorClient(t.deps, t.app, { coopId: coop.id })).client;
    otherWorker = (await actorClient(t.deps, t.app, { coopId: (await makeCoop(t.deps)).id })).client;
    treasurer = (await actorClient(t.deps, t.app, { roles: [{ role: 'treasurer' }] })).client;
    visitor = new Client(t.app);
    today = await t.deps.network.today();
    // The fund holds 80,000.00: 40,000.00 for development.
    for (const [code, cents] of [
      ['development', 4_000_000],
      ['reserve', 4_000_000],
    ] as const)
      expect((await post(treasurer, giftInto(code, cents, today))).statusCode).toBe(201);
  });

  it('refuses, before anyone decides, a loan beyond the share of the fund one co-op may owe', async () => {
    const before = await ledgerState(t.deps);
    const res = await admin.post('/api/v1/fund/applications', loanApplication(2_000_001));
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({
      code: 'fund.policy_broken',
      details: { breaches: [{ rule: 'max_lent_to_one_coop', limitCents: 2_000_000, lentCents: 0 }] },
    });
    expect(await ledgerState(t.deps)).toEqual(before);
    const noTerms = await admin.post('/api/v1/fund/applications', { ...loanApplication(100_000), loan: undefined });
    expect(noTerms.statusCode).toBe(400);
  });

  it('goes above the committee’s limit to the assembly, passes, and is paid out from development into loans outstanding', async () => {
    const made = (await admin.post('/api/v1/fund/applications', loanApplication(1_500_000))).json();
    expect(made).toMatchObject({
      kind: 'loan',
      subFund: 'development',
      track: { by: 'assembly' },
      loan: { termMonths: 6, rateBasisPoints: 300 },
      repayment: 'From the canteen contract, monthly.',
    });
    const { client: coordinator } = await coordinatorOf(t);
    const voters = await makeWorkers(t, 8);
    const proposalId = await openedProposal(t, coordinator, {
      matter: 'fund_application',
      title: 'A loan for the bakery',
      subject: { applicationId: made.id },
    });
    for (const v of voters)
      expect(
        (await v.client.post(`/api/v1/proposals/${proposalId}/ballots`, { ballot: { choice: 'yes' } })).statusCode,
      ).toBe(201);
    expect(await closeAfter(t, 3)).toContain(proposalId);

    const worthBefore = (await fund()).totalCents;
    const paid = await treasurer.request(
      'POST',
      `/api/v1/fund/applications/${made.id}/payment`,
      {},
      { 'idempotency-key': randomUUID() },
    );
    expect(paid.statusCode).toBe(201);
    loanId = paid.json().loanId;
    expect(loanId).toBeTruthy();
    expect(await subFund('development')).toBe(4_000_000 - 1_500_000);
    expect(await subFund('loans')).toBe(1_500_000);
    expect((await fund()).totalCents).toBe(worthBefore);

    const statement = (await worker.get(`/api/v1/fund/loans/${loanId}`)).json();
    expect(statement).toMatchObject({
      principalCents: 1_500_000,
      principalOutstandingCents: 1_500_000,
      interestDueCents: 0,
      reference: expect.stringMatching(/^L\d{6}-/),
      arrears: { bucket: 'current' },
    });
    expect(statement.instalments.map((i: { principalCents: number }) => i.principalCents)).toEqual([
      250_000, 250_000, 250_000, 250_000, 250_000, 250_000,
    ]);
    expect((await otherWorker.get(`/api/v1/fund/loans/${loanId}`)).statusCode).toBe(404);
    expect((await visitor.get(`/api/v1/fund/loans/${loanId}`)).statusCode).toBe(401);
    expect(await ledgerInvariants(t.deps)).toEqual([]);
  });

  it('charges simple interest on what is owed and pays it first; shows a late instalment in its bucket', async () => {
    // 73 days have passed since the loan was paid out (the test moves its days back).
    const then = new Date(Date.parse(`${today}T12:00:00Z`) - 73 * DAY_MS).toISOString().slice(0, 10);
    await t.deps.db
      .updateTable('fund_loans')
      .set({ disbursed_on: then, interest_through: then })
      .where('id', '=', loanId)
      .execute();
    const before = (await worker.get(`/api/v1/fund/loans/${loanId}`)).json();
    // 15,000.00 × 3 % × 73/365 = 90.00 of interest; two instalments have fallen due, the first about 43 days ago.
    expect(before.interestDueCents).toBe(9_000);
    expect(before.arrears).toMatchObject({ bucket: 'up_to_60', lateCents: 500_000 });

    for (const [body, status] of [
      [{ cents: -1, date: today }, 400],
      [{ cents: 1_500_000 + 9_000 + 1, date: today }, 409],
    ] as const) {
      const state = await ledgerState(t.deps);
      expect((await repay(body)).statusCode).toBe(status);
      expect(await ledgerState(t.deps)).toEqual(state);
    }
    // A key already used for another movement is a conflict, not a repayment answered as done.
    const giftKey = randomUUID();
    expect((await post(treasurer, giftInto('reserve', 100, today), giftKey)).statusCode).toBe(201);
    const reused = await repay({ cents: 60_000, date: today }, giftKey);
    expect([reused.statusCode, reused.json().error.code]).toEqual([409, 'fund.idempotency_conflict']);
    const key = randomUUID();
    const res = await repay({ cents: 60_000, date: today }, key);
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      interestPaidCents: 9_000,
      principalRepaidCents: 51_000,
      principalOutstandingCents: 1_449_000,
      interestDueCents: 0,
    });
    expect(res.json().repayments).toEqual([{ paidOn: today, interestCents: 9_000, principalCents: 51_000 }]);
    expect((await repay({ cents: 60_000, date: today }, key)).statusCode).toBe(200);
    const interest = (await fund()).accounts.find(
      (a: { code: string; subFund: string }) => a.code === 'income:interest' && a.subFund === 'development',
    );
    expect(interest.balanceCents).toBe(9_000);
    expect(await subFund('loans')).toBe(1_449_000);
    expect(await ledgerInvariants(t.deps)).toEqual([]);
  });

  it('takes a repayment from a bank statement by the loan’s reference, once', async () => {
    const { reference, principalOutstandingCents } = (await worker.get(`/api/v1/fund/loans/${loanId}`)).json();
    const day = today.split('-').reverse().join('/');
    const input = {
      csv: `Fecha;Importe;Referencia\n${day};2.000,00;${reference}\n`,
      mapping: { date: 0, amount: 1, reference: 2, header: true },
    };
    const imported = (await treasurer.post('/api/v1/fund/statements', input)).json();
    expect(imported.matched).toEqual([
      { line: 2, date: today, cents: 200_000, reference, coopName: 'Forn de la Plaça', obligationId: `loan:${loanId}` },
    ]);
    const after = (await worker.get(`/api/v1/fund/loans/${loanId}`)).json();
    expect(after.principalOutstandingCents).toBe(principalOutstandingCents - 200_000);
    expect(after.repayments.at(-1)).toEqual({ paidOn: today, interestCents: 0, principalCents: 200_000 });
    expect((await treasurer.post('/api/v1/fund/statements', input)).json().alreadyImported).toEqual([{ line: 2 }]);
    expect((await worker.get(`/api/v1/fund/loans/${loanId}`)).json().repayments).toHaveLength(2);
    expect((await worker.get('/api/v1/fund/loans')).json().items.map((l: { id: string }) => l.id)).toEqual([loanId]);
    expect((await otherWorker.get('/api/v1/fund/loans')).json().items).toEqual([]);
    expect(await ledgerInvariants(t.deps)).toEqual([]);
  });

  it('forgives what is left, on a passed proposal: the loan owes nothing and the loans outstanding go down by it', async () => {
    const { id: coordinatorId } = await coordinatorOf(t);
    const passed = (await makeProposal(t.deps, { authorId: coordinatorId, status: 'passed' })).id;
    const left = (await worker.get(`/api/v1/fund/loans/${loanId}`)).json().principalOutstandingCents;
    const loansBefore = await subFund('loans');
    const worthBefore = (await fund()).totalCents;
    const writeOff = (body: unknown, key: string = randomUUID(), client = treasurer) =>
      client.request('POST', `/api/v1/fund/loans/${loanId}/write-off`, body, { 'idempotency-key': key });
    const state = await ledgerState(t.deps);
    expect((await writeOff({ reason: 'The assembly forgave it' })).statusCode).toBe(400);
    expect(
      (await writeOff({ reason: 'The assembly forgave it', decision: { kind: 'proposal', id: randomUUID() } })).json()
        .error.code,
    ).toBe('fund.unknown_decision');
    expect(
      (await writeOff({ reason: 'Forgiven', decision: { kind: 'proposal', id: passed } }, randomUUID(), worker))
        .statusCode,
    ).toBe(403);
    expect(await ledgerState(t.deps)).toEqual(state);
    const key = randomUUID();
    const res = await writeOff(
      { reason: 'The assembly forgave it after the flood', decision: { kind: 'proposal', id: passed } },
      key,
    );
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      principalOutstandingCents: 0,
      writtenOffCents: left,
      interestDueCents: 0,
      abilities: { repay: false },
    });
    expect(await subFund('loans')).toBe(loansBefore - left);
    expect((await fund()).totalCents).toBe(worthBefore - left);
    expect(
      (
        await writeOff(
          { reason: 'The assembly forgave it after the flood', decision: { kind: 'proposal', id: passed } },
          key,
        )
      ).statusCode,
    ).toBe(200);
    expect((await writeOff({ reason: 'Again', decision: { kind: 'proposal', id: passed } })).json().error.code).toBe(
      'fund.nothing_owed',
    );
    expect(await ledgerInvariants(t.deps)).toEqual([]);
  });
});
