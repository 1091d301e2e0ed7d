import { randomUUID } from 'node:crypto';
import { beforeAll, expect, it } from 'vitest';
import { actorClient, makeCoop } from '../../../test/factories.ts';
import { giftInto, line, movement, post } from '../../../test/fund-factories.ts';
import { makeProposal } from '../../../test/governance-factories.ts';
import { Client, describeOnDatabases } from '../../../test/harness.ts';

describeOnDatabases('a co-op’s account with the fund', (t) => {
  let treasurer: Client;
  let coordinator: Client;
  let worker: Client;
  let otherWorker: Client;
  let visitor: Client;
  let forn: { id: string };
  let other: { id: string };
  let today: string;

  beforeAll(async () => {
    forn = await makeCoop(t.deps, { name: 'Forn de la Plaça' });
    other = await makeCoop(t.deps, { name: 'Bicis del Túria' });
    const tr = await actorClient(t.deps, t.app, { roles: [{ role: 'treasurer' }] });
    treasurer = tr.client;
    coordinator = (await actorClient(t.deps, t.app, { roles: [{ role: 'coordinator' }] })).client;
    worker = (await actorClient(t.deps, t.app, { coopId: forn.id })).client;
    otherWorker = (await actorClient(t.deps, t.app, { coopId: other.id })).client;
    visitor = new Client(t.app);
    today = await t.deps.network.today();
    const passed = (await makeProposal(t.deps, { authorId: tr.id, status: 'passed' })).id;
    const decision = { kind: 'proposal' as const, id: passed };
    const books = [
      giftInto('emergency', 1_000_000, today),
      giftInto('development', 1_000_000, today),
      // Forn owes 120.00 of dues, pays 100.00 of it.
      movement({
        kind: 'contribution',
        date: today,
        reason: 'Dues owed by Forn',
        lines: [
          line('assets:contributions-receivable', 12_000, null, forn.id),
          line('income:contributions', -12_000, 'emergency'),
        ],
      }),
      movement({
        kind: 'contribution',
        date: today,
        reason: 'Dues paid by Forn',
        lines: [line('assets:bank', 10_000), line('assets:contributions-receivable', -10_000, null, forn.id)],
      }),
      // A grant to Forn, and a loan.
      movement({
        kind: 'grant',
        date: today,
        reason: 'Emergency grant to Forn',
        decision,
        lines: [line('expenses:grants', 50_000, 'emergency', forn.id), line('assets:bank', -50_000)],
      }),
      movement({
        kind: 'loan',
        date: today,
        reason: 'A loan to Forn',
        decision,
        lines: [
          line('assets:loans-receivable', 200_000, null, forn.id),
          line('assets:bank', -200_000),
          line('equity:funds', 200_000, 'development'),
          line('equity:funds', -200_000, 'loans'),
        ],
      }),
      // The other co-op's dues: not Forn's business.
      movement({
        kind: 'contribution',
        date: today,
        reason: 'Dues owed by Bicis',
        lines: [
          line('assets:contributions-receivable', 7_000, null, other.id),
          line('income:contributions', -7_000, 'emergency'),
        ],
      }),
    ];
    for (const b of books) expect((await post(treasurer, b, randomUUID())).statusCode).toBe(201);
  });

  it('shows a co-op’s people every movement naming it, what it owes after each, and what the fund gave it', async () => {
    const res = await worker.get(`/api/v1/fund/coops/${forn.id}/account`);
    expect(res.statusCode, res.body).toBe(200);
    const account = res.json();
    expect(account).toMatchObject({
      coopId: forn.id,
      coopName: 'Forn de la Plaça',
      balanceCents: 2_000 + 200_000,
      givenCents: 50_000,
      truncated: false,
    });
    expect(
      account.rows.map((r: { reason: string; owedCents: number; givenCents: number; balanceCents: number }) => [
        r.reason,
        r.owedCents,
        r.givenCents,
        r.balanceCents,
      ]),
    ).toEqual([
      ['Dues owed by Forn', 12_000, 0, 12_000],
      ['Dues paid by Forn', -10_000, 0, 2_000],
      ['Emergency grant to Forn', 0, 50_000, 2_000],
      ['A loan to Forn', 200_000, 0, 202_000],
    ]);
    // Treasurers and coordinators read it too.
    for (const c of [treasurer, coordinator])
      expect((await c.get(`/api/v1/fund/coops/${forn.id}/account`)).json().balanceCents).toBe(202_000);
    expect((await otherWorker.get(`/api/v1/fund/coops/${other.id}/account`)).json().balanceCents).toBe(7_000);
  });

  it('is nobody else’s business: another co-op’s worker finds nothing; a visitor must sign in; bad ids are refused', async () => {
    const refused = await otherWorker.get(`/api/v1/fund/coops/${forn.id}/account`);
    expect(refused.statusCode).toBe(404);
    expect(refused.body).not.toContain('Forn');
    expect((await visitor.get(`/api/v1/fund/coops/${forn.id}/account`)).statusCode).toBe(401);
    expect((await treasurer.get(`/api/v1/fund/coops/${randomUUID()}/account`)).statusCode).toBe(404);
    expect((await treasurer.get('/api/v1/fund/coops/not-an-id/account')).statusCode).toBe(400);
  });
});
