import { randomUUID } from 'node:crypto';
import { beforeAll, expect, it } from 'vitest';
import { actorClient, makeCoop } from '../../../test/factories.ts';
import {
  application,
  giftInto,
  ledgerInvariants,
  ledgerState,
  onFundCommittee,
  post,
} from '../../../test/fund-factories.ts';
import { Client, describeOnDatabases } from '../../../test/harness.ts';
import { closeAfter, coordinatorOf, makeWorkers, openedProposal } from '../../../test/proposals-factories.ts';
import { adoptBylaws, currentBylaws } from '../governance/index.ts';

describeOnDatabases('applications to the fund, decided by the committee and paid by a treasurer', (t) => {
  let bakery: { id: string };
  let bikes: { id: string };
  let admin: Client;
  let bakeryWorker: Client;
  let bikesAdmin: Client;
  let bikesWorker: Client;
  let visitor: Client;
  let memberA: Client; // on the committee, of another co-op, and a treasurer
  let memberB: Client; // on the committee, of a third co-op
  let memberOfBakery: Client; // on the committee, but works at the applicant co-op
  let treasurer: Client;
  let today: string;

  const apply = (body: unknown, client = admin) => client.post('/api/v1/fund/applications', body);
  const answer = (client: Client, id: string, decision: 'approve' | 'decline') =>
    client.post(`/api/v1/fund/applications/${id}/answers`, { decision });
  const pay = (client: Client, id: string, key: string = randomUUID()) =>
    client.request('POST', `/api/v1/fund/applications/${id}/payment`, {}, { 'idempotency-key': key });
  const emergency = async () =>
    (await visitor.get('/api/v1/fund')).json().subFunds.find((f: { code: string }) => f.code === 'emergency')
      .balanceCents as number;

  /** An application of the bakery, approved by the two committee members who may decide it. */
  async function approved(cents: number): Promise<string> {
    const id = (await apply(application(bakery.id, cents))).json().id as string;
    await answer(memberA, id, 'approve');
    expect((await answer(memberB, id, 'approve')).json().status).toBe('approved');
    return id;
  }

  beforeAll(async () => {
    bakery = await makeCoop(t.deps, { name: 'Forn de la Plaça' });
    bikes = await makeCoop(t.deps, { name: 'Bicis del Túria' });
    const third = await makeCoop(t.deps, { name: 'Ecomercat' });
    await makeCoop(t.deps, { name: 'Applying Co-op', status: 'applicant' });
    admin = (
      await actorClient(t.deps, t.app, { coopId: bakery.id, roles: [{ role: 'coop_admin', coopId: bakery.id }] })
    ).client;
    bakeryWorker = (await actorClient(t.deps, t.app, { coopId: bakery.id })).client;
    bikesAdmin = (
      await actorClient(t.deps, t.app, { coopId: bikes.id, roles: [{ role: 'coop_admin', coopId: bikes.id }] })
    ).client;
    bikesWorker = (await actorClient(t.deps, t.app, { coopId: bikes.id })).client;
    visitor = new Client(t.app);
    const a = await actorClient(t.deps, t.app, { coopId: bikes.id, roles: [{ role: 'treasurer' }] });
    const b = await actorClient(t.deps, t.app, { coopId: third.id });
    const c = await actorClient(t.deps, t.app, { coopId: bakery.id });
    await onFundCommittee(t.deps, [
      { id: a.id, coopId: bikes.id },
      { id: b.id, coopId: third.id },
      { id: c.id, coopId: bakery.id },
    ]);
    [memberA, memberB, memberOfBakery] = [a.client, b.client, c.client];
    treasurer = (await actorClient(t.deps, t.app, { roles: [{ role: 'treasurer' }] })).client;
    today = await t.deps.network.today();
    expect((await post(treasurer, giftInto('emergency', 1_000_000, today))).statusCode).toBe(201);
  });

  it('takes a co-op admin’s emergency application onto the fast track, read by its co-op and those who decide, no one else', async () => {
    const res = await apply(application(bakery.id, 200_000));
    expect(res.statusCode).toBe(201);
    const made = res.json();
    expect(made).toMatchObject({
      coopName: 'Forn de la Plaça',
      kind: 'emergency_grant',
      amountCents: 200_000,
      subFund: 'emergency',
      status: 'open',
      track: { by: 'committee', approvalsNeeded: 2 },
    });
    expect(Date.parse(made.track.dueAt) - Date.parse(made.createdAt)).toBe(48 * 3_600_000);
    for (const reader of [admin, bakeryWorker, memberA, memberOfBakery, treasurer])
      expect((await reader.get(`/api/v1/fund/applications/${made.id}`)).statusCode).toBe(200);
    expect((await bikesWorker.get(`/api/v1/fund/applications/${made.id}`)).statusCode).toBe(404);
    expect((await visitor.get(`/api/v1/fund/applications/${made.id}`)).statusCode).toBe(401);
    expect((await bikesWorker.get('/api/v1/fund/applications')).json().items).toEqual([]);
    expect((await memberB.get('/api/v1/fund/applications')).json().items.map((i: { id: string }) => i.id)).toContain(
      made.id,
    );
    expect((await memberA.get(`/api/v1/fund/applications/${made.id}`)).json().abilities).toEqual({
      answer: true,
      pay: false,
    });
    expect((await memberOfBakery.get(`/api/v1/fund/applications/${made.id}`)).json().abilities).toEqual({
      answer: false,
      pay: false,
    });
  });

  it('tells the committee members who may decide an application of it, and the applicant of the decision and the payment', async () => {
    const kinds = async (client: Client) =>
      (await client.get('/api/v1/notifications?limit=100')).json().items as {
        kind: string;
        subjectId: string;
        data: Record<string, unknown>;
      }[];
    const made = (await apply(application(bakery.id, 20_000))).json();
    const told = (await kinds(memberA)).find((n) => n.subjectId === made.id);
    expect(told).toMatchObject({
      kind: 'fund_application.submitted',
      data: { coopName: 'Forn de la Plaça', kind: 'emergency_grant', amountCents: 20_000 },
    });
    expect((await kinds(memberB)).some((n) => n.subjectId === made.id)).toBe(true);
    // Not the member who works at the applicant co-op: they do not decide it.
    expect((await kinds(memberOfBakery)).some((n) => n.subjectId === made.id)).toBe(false);
    await answer(memberA, made.id, 'approve');
    await answer(memberB, made.id, 'approve');
    expect((await pay(treasurer, made.id)).statusCode).toBe(201);
    const mine = (await kinds(admin)).filter((n) => n.subjectId === made.id).map((n) => n.kind);
    expect(mine.sort()).toEqual(['fund_application.approved', 'fund_application.paid']);
  });

  it('refuses, changing nothing, an application for another co-op, past the policy’s limit, for a co-op not yet a member, or a loan', async () => {
    const applicant = await t.deps.db
      .selectFrom('coops')
      .select('id')
      .where('name', '=', 'Applying Co-op')
      .executeTakeFirstOrThrow();
    const cases: [string, Client, unknown, number, string][] = [
      ['for another co-op', bikesAdmin, application(bakery.id, 1000), 403, 'forbidden'],
      ['by a worker who is not an admin', bakeryWorker, application(bakery.id, 1000), 403, 'forbidden'],
      ['by a visitor', visitor, application(bakery.id, 1000), 401, 'auth.required'],
      ['past the most one application may ask', admin, application(bakery.id, 10_000_001), 409, 'fund.policy_broken'],
      ['a loan (not open yet)', admin, application(bakery.id, 1000, 'loan'), 400, 'validation_failed'],
      ['fractional cents', admin, application(bakery.id, 1000.5), 400, 'validation_failed'],
      ['a negative amount', admin, application(bakery.id, -1000), 400, 'validation_failed'],
    ];
    const applicantAdmin = (
      await actorClient(t.deps, t.app, { coopId: applicant.id, roles: [{ role: 'coop_admin', coopId: applicant.id }] })
    ).client;
    cases.push([
      'for a co-op not yet a member',
      applicantAdmin,
      application(applicant.id, 1000),
      409,
      'fund.not_a_member',
    ]);
    for (const [what, client, body, status, code] of cases) {
      const before = await t.deps.db
        .selectFrom('fund_applications')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      const res = await apply(body, client);
      expect([what, res.statusCode, res.json().error?.code]).toEqual([what, status, code]);
      expect(
        await t.deps.db
          .selectFrom('fund_applications')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow(),
      ).toEqual(before);
    }
    const breach = (await apply(application(bakery.id, 10_000_001))).json().error.details.breaches;
    expect(breach).toEqual([{ rule: 'max_per_application', limitCents: 10_000_000 }]);
  });

  it('is approved by two committee members; one of the applicant co-op is refused, and nobody answers twice', async () => {
    const id = (await apply(application(bakery.id, 150_000))).json().id;
    const conflicted = await answer(memberOfBakery, id, 'approve');
    expect([conflicted.statusCode, conflicted.json().error.code]).toEqual([403, 'fund.conflict_of_interest']);
    expect((await answer(treasurer, id, 'approve')).statusCode).toBe(403);
    expect((await answer(bakeryWorker, id, 'approve')).statusCode).toBe(403);
    expect((await answer(memberA, id, 'approve')).json()).toMatchObject({
      status: 'open',
      answers: [{ decision: 'approve' }],
    });
    expect((await answer(memberA, id, 'approve')).json().error.code).toBe('fund.already_answered');
    const decided = (await answer(memberB, id, 'approve')).json();
    expect(decided.status).toBe('approved');
    expect(decided.decidedAt).not.toBeNull();
    expect((await answer(memberOfBakery, id, 'decline')).statusCode).toBe(403);
  });

  it('is declined once the members who may still answer cannot approve it', async () => {
    const id = (await apply(application(bakery.id, 100_000))).json().id;
    expect((await answer(memberA, id, 'decline')).json().status).toBe('declined');
    expect((await answer(memberB, id, 'approve')).json().error.code).toBe('fund.not_open');
    expect((await pay(treasurer, id)).json().error.code).toBe('fund.not_approved');
  });

  it('is paid once by a treasurer who did not approve it: the ledger names the co-op and the approval', async () => {
    const id = await approved(250_000);
    const before = await emergency();
    const state = await ledgerState(t.deps);
    const maker = await pay(memberA, id);
    expect([maker.statusCode, maker.json().error.code]).toEqual([403, 'fund.maker_checker']);
    expect((await pay(bakeryWorker, id)).statusCode).toBe(403);
    expect((await treasurer.post(`/api/v1/fund/applications/${id}/payment`, {})).json().error.code).toBe(
      'fund.idempotency_key_required',
    );
    expect(await ledgerState(t.deps)).toEqual(state);

    const key = randomUUID();
    const paid = await pay(treasurer, id, key);
    expect(paid.statusCode).toBe(201);
    expect(paid.json()).toMatchObject({ status: 'paid', payment: { paidBy: expect.any(String) } });
    const movement = (await bakeryWorker.get(`/api/v1/fund/movements/${paid.json().payment.movementId}`)).json();
    expect(movement).toMatchObject({
      kind: 'grant',
      decision: { kind: 'approval', id },
      lines: [
        { account: 'expenses:grants', subFund: 'emergency', coopName: 'Forn de la Plaça', cents: 250_000 },
        { account: 'assets:bank', cents: -250_000 },
      ],
    });
    expect(await emergency()).toBe(before - 250_000);
    expect((await pay(treasurer, id, key)).statusCode).toBe(200);
    expect((await pay(treasurer, id)).json().error.code).toBe('fund.already_paid');
    expect(await emergency()).toBe(before - 250_000);
    expect(await ledgerInvariants(t.deps)).toEqual([]);
  });

  it('lists what it gave for anyone to read: the amount always, the co-op unless it asked not to be named', async () => {
    const hidden = (await apply({ ...application(bakery.id, 30_000), hideRecipient: true })).json();
    expect(hidden.hideRecipient).toBe(true);
    await answer(memberA, hidden.id, 'approve');
    await answer(memberB, hidden.id, 'approve');
    expect((await pay(treasurer, hidden.id)).statusCode).toBe(201);
    const given = (await visitor.get('/api/v1/fund/transparency')).json().given;
    expect(given[0]).toEqual({
      kind: 'emergency_grant',
      amountCents: 30_000,
      paidAt: expect.any(String),
      coopName: null,
    });
    expect(given).toContainEqual({
      kind: 'emergency_grant',
      amountCents: 250_000,
      paidAt: expect.any(String),
      coopName: 'Forn de la Plaça',
    });
  });

  it('goes to the assembly above the committee’s bands, as the bylaws in force say', async () => {
    const big = (await apply(application(bakery.id, 2_000_001))).json();
    expect(big.track).toEqual({ by: 'assembly', approvalsNeeded: null, dueAt: null, overdue: false });
    expect((await answer(memberA, big.id, 'approve')).json().error.code).toBe('fund.assembly_decides');
    // The network changes its bylaws: the committee decides emergencies up to 30,000.00 with one approval.
    const { bylaws } = await currentBylaws(t.deps.db);
    const { fund: rules } = await import('@coopnet/domain');
    await adoptBylaws(
      t.deps.db,
      {
        ...bylaws,
        fund: {
          ...rules.DEFAULT_FUND_RULES,
          bands: {
            ...rules.DEFAULT_FUND_RULES.bands,
            emergency_grant: [{ upToCents: 3_000_000, approvals: 1, withinHours: null }],
          },
        },
      },
      null,
    );
    const now = (await apply(application(bakery.id, 2_000_001))).json();
    expect(now.track).toEqual({ by: 'committee', approvalsNeeded: 1, dueAt: null, overdue: false });
    expect((await answer(memberB, now.id, 'approve')).json().status).toBe('approved');
    await adoptBylaws(t.deps.db, bylaws, null);
  });

  it('above the bands, is approved by the assembly’s vote, and then paid', async () => {
    const big = (await apply(application(bakery.id, 2_500_000))).json();
    const { client: coordinator } = await coordinatorOf(t);
    // Only an application the assembly decides, still open, is put to its vote.
    const small = (await apply(application(bakery.id, 10_000))).json();
    const refused = await coordinator.post('/api/v1/proposals', {
      matter: 'fund_application',
      title: 'Grant it',
      text: '',
      subject: { applicationId: small.id },
    });
    expect([refused.statusCode, refused.json().error.code]).toEqual([409, 'fund.committee_decides']);
    // The electorate is fixed when the vote opens: these workers are in it.
    const voters = await makeWorkers(t, 12);
    const proposalId = await openedProposal(t, coordinator, {
      matter: 'fund_application',
      title: 'An emergency grant for Forn de la Plaça',
      subject: { applicationId: big.id },
    });
    const proposal = (await admin.get(`/api/v1/proposals/${proposalId}`)).json();
    expect(proposal.subjectText).toBe('Give Forn de la Plaça an emergency grant of 25000.00 from the solidarity fund');
    for (const voter of voters)
      expect(
        (await voter.client.post(`/api/v1/proposals/${proposalId}/ballots`, { ballot: { choice: 'yes' } })).statusCode,
      ).toBe(201);
    expect(await closeAfter(t, 3)).toContain(proposalId);
    expect((await admin.get(`/api/v1/proposals/${proposalId}`)).json().status).toBe('passed');
    const approvedByVote = (await treasurer.get(`/api/v1/fund/applications/${big.id}`)).json();
    expect(approvedByVote).toMatchObject({ status: 'approved', abilities: { pay: true } });
    expect((await post(treasurer, giftInto('emergency', 2_500_000, today))).statusCode).toBe(201);
    expect((await pay(treasurer, big.id)).json()).toMatchObject({ status: 'paid' });
  });

  it('pays exactly as many as the sub-fund can: 100 payment requests for 20 approved applications, 10 payable', async () => {
    // Bring the emergency sub-fund to what pays ten applications of 700.00 (the fast track's two approvals decide them).
    const held = await emergency();
    const ids: string[] = [];
    for (let i = 0; i < 20; i++) ids.push(await approved(70_000));
    if (held > 700_000) {
      const spend = held - 700_000;
      const spent = await treasurer.request(
        'POST',
        '/api/v1/fund/movements',
        {
          kind: 'adjustment',
          date: today,
          reason: 'Moved to the reserve',
          lines: [
            { account: 'income:gifts', subFund: 'emergency', cents: spend },
            { account: 'income:gifts', subFund: 'reserve', cents: -spend },
          ],
        },
        { 'idempotency-key': randomUUID() },
      );
      expect(spent.statusCode).toBe(201);
    } else if (held < 700_000) {
      expect((await post(treasurer, giftInto('emergency', 700_000 - held, today))).statusCode).toBe(201);
    }
    expect(await emergency()).toBe(700_000);
    const answers = await Promise.all(Array.from({ length: 100 }, (_, i) => pay(treasurer, ids[i % 20]!)));
    const codes = answers.map((a) => a.statusCode);
    expect(codes.filter((c) => c === 201)).toHaveLength(10);
    expect(codes.filter((c) => c >= 500)).toEqual([]);
    expect(await emergency()).toBe(0);
    const statuses = await t.deps.db.selectFrom('fund_applications').select('status').where('id', 'in', ids).execute();
    expect(statuses.filter((s) => s.status === 'paid')).toHaveLength(10);
    expect(await ledgerInvariants(t.deps)).toEqual([]);
  });
});
