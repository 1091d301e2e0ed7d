/**
 * Participatory budgeting through its routes, on both engines: who opens,
 * proposes, allocates and closes; allocations hidden until the close from
 * everyone (visitor, another member, another co-op, coordinator, treasurer,
 * an API token); refused allocations change nothing; two allocations at once
 * leave one whole; the close pays funded projects through the fund's ledger
 * once, and the round's close is a decision only for what it funds.
 */
import { randomUUID } from 'node:crypto';
import { beforeAll, expect, it } from 'vitest';
import { actorClient, makeCoop, makePerson } from '../../../test/factories.ts';
import { moveTo, periods } from '../../../test/budgeting-factories.ts';
import { giftInto, ledgerInvariants, post } from '../../../test/fund-factories.ts';
import { Client, describeOnDatabases } from '../../../test/harness.ts';
import { makeApiToken } from '../../../test/people-factories.ts';
import { postIn } from '../fund/index.ts';

describeOnDatabases('participatory budgeting of the programmes sub-fund', (t) => {
  let coordinator: { id: string; client: Client };
  let treasurer: Client;
  let ana: { id: string; client: Client };
  let ben: { id: string; client: Client };
  let other: { id: string; client: Client };
  let supporter: Client;
  let visitor: Client;
  let token: Client;
  let coordinatorToken: Client;
  let roundId: string;
  let projects: string[];
  let foodBank: string;

  const round = (c: Client) => c.get(`/api/v1/budgeting/rounds/${roundId}`);
  const allocate = (c: Client, lines: { projectId: string; cents: number }[]) =>
    c.request('PUT', `/api/v1/budgeting/rounds/${roundId}/allocation`, { lines });
  const stored = async () =>
    (
      await t.deps.db
        .selectFrom('budget_allocations')
        .select(['person_id', 'project_id', 'cents'])
        .where('round_id', '=', roundId)
        .orderBy('person_id')
        .orderBy('project_id')
        .execute()
    ).map((r) => ({ ...r, cents: Number(r.cents) }));

  beforeAll(async () => {
    const forn = await makeCoop(t.deps, { name: 'Forn de la Plaça' });
    const bicis = await makeCoop(t.deps, { name: 'Bicis del Túria' });
    const applicant = await makeCoop(t.deps, { name: 'Not yet', status: 'applicant' });
    coordinator = await actorClient(t.deps, t.app, { roles: [{ role: 'coordinator' }] });
    treasurer = (await actorClient(t.deps, t.app, { roles: [{ role: 'treasurer' }] })).client;
    ana = await actorClient(t.deps, t.app, { coopId: forn.id });
    ben = await actorClient(t.deps, t.app, { coopId: forn.id });
    other = await actorClient(t.deps, t.app, { coopId: bicis.id });
    await makePerson(t.deps, { coopId: applicant.id }); // not a member co-op: not eligible
    supporter = (await actorClient(t.deps, t.app, { supporter: true })).client;
    visitor = new Client(t.app);
    token = new Client(t.app);
    token.bearer = (await makeApiToken(t.deps, ana.id, ['read'])).token;
    coordinatorToken = new Client(t.app);
    coordinatorToken.bearer = (await makeApiToken(t.deps, coordinator.id, ['read', 'coordinator'])).token;
    expect((await post(treasurer, giftInto('programmes', 100_000))).statusCode).toBe(201);
    foodBank = (
      await coordinator.client.post('/api/v1/programmes', {
        kind: 'food_bank',
        name: 'Food bank',
        description: 'Saturdays',
        coordinatorIds: [coordinator.id],
      })
    ).json().id;
  });

  it('only a coordinator opens a round, within the programmes sub-fund; its members are the workers of member co-ops', async () => {
    const body = { title: 'Projects 2027', amountCents: 30_000, capCents: 5_000, ...periods('proposals') };
    expect((await visitor.post('/api/v1/budgeting/rounds', body)).statusCode).toBe(401);
    for (const c of [ana.client, treasurer, supporter, token, coordinatorToken])
      expect([401, 403]).toContain((await c.post('/api/v1/budgeting/rounds', body)).statusCode);
    const over = await coordinator.client.post('/api/v1/budgeting/rounds', { ...body, amountCents: 100_001 });
    expect(over.statusCode).toBe(400);
    expect(over.json().error.code).toBe('budgeting.over_sub_fund');
    const backwards = await coordinator.client.post('/api/v1/budgeting/rounds', {
      ...body,
      allocationFrom: body.proposalsUntil,
    });
    expect(backwards.json().error.code).toBe('budgeting.allocation_before_proposals_end');
    const res = await coordinator.client.post('/api/v1/budgeting/rounds', body);
    expect(res.statusCode).toBe(201);
    roundId = res.json().id;
    // ana, ben and other: three workers of member co-ops; 30,000 over 3 is 10,000 each.
    expect((await round(visitor)).json()).toMatchObject({ members: 3, shareCents: 10_000, phase: 'proposals' });
    expect((await visitor.get('/api/v1/budgeting/rounds')).json().items.map((r: { id: string }) => r.id)).toContain(
      roundId,
    );
  });

  it('members propose projects during the proposal period; others may not; hostile text is refused', async () => {
    const url = `/api/v1/budgeting/rounds/${roundId}/projects`;
    const project = (title: string, minimumCents: number, maximumCents: number, programmeId: string | null = null) => ({
      title,
      description: `${title}, for the neighbourhood`,
      minimumCents,
      maximumCents,
      programmeId,
    });
    expect((await visitor.post(url, project('x', 1, 2))).statusCode).toBe(401);
    for (const c of [coordinator.client, treasurer, supporter, token])
      expect([401, 403]).toContain((await c.post(url, project('x', 1, 2))).statusCode);
    expect((await ana.client.post(url, project('x', 0, 2))).json().error.code).toBe('budgeting.minimum_not_positive');
    expect((await ana.client.post(url, project('x', 5, 4))).json().error.code).toBe('budgeting.maximum_below_minimum');
    expect((await ana.client.post(url, project('x', 5, 30_001))).json().error.code).toBe(
      'budgeting.maximum_over_round',
    );
    expect((await ana.client.post(url, project('x', 1, 2, randomUUID()))).json().error.code).toBe(
      'budgeting.unknown_programme',
    );
    for (const title of ['a\u0007b', 'x'.repeat(121), 'evil\u202Eeman', ''])
      expect((await ana.client.post(url, project(title, 1, 2))).statusCode).toBe(400);
    expect((await ana.client.post(url, { ...project('x', 1, 2), description: 'y'.repeat(2001) })).statusCode).toBe(400);
    expect((await ana.client.post(url, { ...project('x', 1, 2), minimumCents: 1e20 })).statusCode).toBe(400);
    projects = [];
    for (const [c, p] of [
      [ana.client, project('Shelves for the food bank', 10_000, 12_000, foodBank)],
      [ben.client, project('<script>alert(1)</script> radio', 8_000, 20_000)],
      [other.client, project('Repair café', 5_000, 6_000)],
    ] as const) {
      const res = await c.post(url, p);
      expect(res.statusCode).toBe(201);
      projects.push(res.json().id);
    }
    const shown = (await round(visitor)).json();
    expect(shown.projects.map((p: { title: string }) => p.title)).toContain('<script>alert(1)</script> radio');
    expect(shown.projects[0].programme).toEqual({ id: foodBank, name: 'Food bank' });
    // Allocating waits for the allocation period.
    expect((await allocate(ana.client, [{ projectId: projects[0]!, cents: 1 }])).json().error.code).toBe(
      'budgeting.not_allocating',
    );
    await moveTo(t.deps, roundId, 'allocation');
    expect((await ana.client.post(url, project('Late', 1, 2))).json().error.code).toBe('budgeting.not_proposing');
  });

  it('refuses an allocation that breaks a rule, with the rule, and changes nothing', async () => {
    const [food, radio, repair] = projects as [string, string, string];
    const ok = await allocate(ana.client, [
      { projectId: food, cents: 5_000 },
      { projectId: radio, cents: 3_000 },
    ]);
    expect(ok.statusCode).toBe(200);
    expect(ok.json().mine).toEqual(
      expect.arrayContaining([
        { projectId: food, cents: 5_000 },
        { projectId: radio, cents: 3_000 },
      ]),
    );
    const before = await stored();
    const audits = await t.deps.db.selectFrom('audit_events').select('id').execute();
    for (const [lines, rule] of [
      [[{ projectId: food, cents: 5_001 }], 'budgeting.over_cap'],
      [
        [
          { projectId: food, cents: 5_000 },
          { projectId: radio, cents: 5_000 },
          { projectId: repair, cents: 1 },
        ],
        'budgeting.over_share',
      ],
      [
        [
          { projectId: food, cents: 1 },
          { projectId: food, cents: 1 },
        ],
        'budgeting.twice',
      ],
      [[{ projectId: randomUUID(), cents: 1 }], 'budgeting.not_a_project'],
      [[{ projectId: food, cents: -1 }], 'budgeting.not_whole_cents'],
    ] as const) {
      const res = await allocate(ana.client, [...lines]);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe(rule);
    }
    expect((await allocate(ana.client, [{ projectId: food, cents: 1.5 }])).statusCode).toBe(400);
    expect(await stored()).toEqual(before);
    expect((await t.deps.db.selectFrom('audit_events').select('id').execute()).length).toBe(audits.length);
    // Not members: refused, and nothing stored.
    expect((await allocate(visitor, [{ projectId: food, cents: 1 }])).statusCode).toBe(401);
    for (const c of [coordinator.client, treasurer, supporter, token, coordinatorToken])
      expect([401, 403]).toContain((await allocate(c, [{ projectId: food, cents: 1 }])).statusCode);
    expect(await stored()).toEqual(before);
  });

  it('two allocations of one member at once leave exactly one of them, whole', async () => {
    const [food, radio, repair] = projects as [string, string, string];
    const a = [
      { projectId: food, cents: 4_000 },
      { projectId: radio, cents: 4_000 },
    ];
    const b = [{ projectId: repair, cents: 5_000 }];
    for (let i = 0; i < 3; i++) {
      const results = await Promise.all([allocate(ben.client, a), allocate(ben.client, b)]);
      expect(results.map((r) => r.statusCode)).toEqual([200, 200]);
      const mine = (await stored())
        .filter((r) => r.person_id === ben.id)
        .map((r) => ({ projectId: r.project_id, cents: r.cents }));
      const sort = (x: typeof a) => [...x].sort((p, q) => p.projectId.localeCompare(q.projectId));
      expect([JSON.stringify(sort(a)), JSON.stringify(sort(b))]).toContain(JSON.stringify(sort(mine)));
    }
    await allocate(ben.client, [
      { projectId: radio, cents: 5_000 },
      { projectId: repair, cents: 5_000 },
    ]);
    await allocate(other.client, [{ projectId: repair, cents: 500 }]);
  });

  it('before the close no route shows anyone’s allocation or any total, except the reader’s own allocation', async () => {
    for (const [c, own] of [
      [visitor, []],
      [supporter, []],
      [treasurer, []],
      [coordinator.client, []],
      [coordinatorToken, []],
      [token, []], // an API token reads what a visitor reads: not even its owner's allocation
      [other.client, [{ projectId: projects[2], cents: 500 }]],
    ] as const) {
      const body = (await round(c)).json();
      expect(body.mine).toEqual(own);
      expect(body.grantedCents).toBeNull();
      for (const p of body.projects) expect([p.totalCents, p.grantedCents]).toEqual([null, null]);
      const list = (await c.get('/api/v1/budgeting/rounds')).json();
      for (const r of list.items) expect(r.grantedCents).toBeNull();
      expect(JSON.stringify(body)).not.toContain('"cents":5000');
    }
    // The audit log, read by coordinators before the close, says who allocated, never how much.
    const log = await coordinator.client.get('/api/v1/audit?action=budget_round.allocated&limit=100');
    const allocated = log.json().items.filter((e: { action: string }) => e.action === 'budget_round.allocated');
    expect(allocated.length).toBeGreaterThan(0);
    for (const e of allocated) expect(JSON.stringify(e)).not.toMatch(/5000|4000|cents/);
  });

  it('the close counts the round once, pays funded projects through the ledger, and leaves the rest in the sub-fund', async () => {
    const url = `/api/v1/budgeting/rounds/${roundId}/close`;
    expect((await visitor.post(url)).statusCode).toBe(401);
    for (const c of [ana.client, treasurer, coordinatorToken])
      expect([401, 403]).toContain((await c.post(url)).statusCode);
    const subFund = async () =>
      Number(
        (
          await t.deps.db
            .selectFrom('ledger_sub_funds')
            .select('balance_cents')
            .where('code', '=', 'programmes')
            .executeTakeFirstOrThrow()
        ).balance_cents,
      );
    const before = await subFund();
    const res = await coordinator.client.post(url);
    expect(res.statusCode).toBe(200);
    const closed = res.json();
    // food: 5,000 (ana) < 10,000 minimum; radio: 3,000 + 5,000 = 8,000 ≥ 8,000; repair: 5,000 + 500 = 5,500 ≥ 5,000, max 6,000.
    const [food, radio, repair] = projects as [string, string, string];
    const byId = new Map(closed.projects.map((p: { id: string }) => [p.id, p]));
    expect(byId.get(food)).toMatchObject({ totalCents: 5_000, grantedCents: 0 });
    expect(byId.get(radio)).toMatchObject({ totalCents: 8_000, grantedCents: 8_000 });
    expect(byId.get(repair)).toMatchObject({ totalCents: 5_500, grantedCents: 5_500 });
    expect(closed).toMatchObject({ phase: 'closed', grantedCents: 13_500 });
    expect(await subFund()).toBe(before - 13_500);
    const movements = await t.deps.db
      .selectFrom('ledger_movements')
      .selectAll()
      .where('decision_kind', '=', 'round')
      .where('decision_id', '=', roundId)
      .execute();
    expect(movements.map((m) => m.kind)).toEqual(['programme', 'programme']);
    // The fund's own pages show the movement with the round as its decision, and the food bank was not paid.
    const shown = await treasurer.get(`/api/v1/fund/movements/${movements[0]!.id}`);
    expect(shown.statusCode).toBe(200);
    expect(shown.json().decision).toEqual({ kind: 'round', id: roundId });
    expect(movements.map((m) => m.programme_id)).toEqual([null, null]);
    expect((await visitor.get(`/api/v1/programmes/${foodBank}`)).json().fromFundCents).toBe(0);
    // Closing again (and allocating after the close) changes nothing.
    expect((await coordinator.client.post(url)).json()).toEqual(closed);
    expect((await allocate(ana.client, [{ projectId: food, cents: 1 }])).json().error.code).toBe(
      'budgeting.not_allocating',
    );
    expect(
      await t.deps.db.selectFrom('ledger_movements').select('id').where('decision_id', '=', roundId).execute(),
    ).toHaveLength(2);
    expect(await ledgerInvariants(t.deps)).toEqual([]);
    // After the close, everyone sees the totals.
    expect((await round(visitor)).json().projects.map((p: { totalCents: number }) => p.totalCents)).toEqual([
      5_000, 8_000, 5_500,
    ]);
  });

  it('a round’s close is a decision only for the grants it stored, paid once', async () => {
    const draft = (cents: number) => ({
      kind: 'programme' as const,
      date: new Date().toISOString().slice(0, 10),
      reason: 'Another payment on the round',
      decision: { kind: 'round' as const, id: roundId },
      lines: [
        { account: 'expenses:programmes', subFund: 'programmes', coopId: null, cents },
        { account: 'assets:bank', subFund: null, coopId: null, cents: -cents },
      ],
    });
    for (const [cents, decision] of [
      [8_000, roundId], // the radio's grant, already paid
      [1_000, roundId], // nothing was granted this
      [8_000, randomUUID()], // no such round
    ] as const) {
      await expect(
        t.deps.db
          .transaction()
          .execute((trx) =>
            postIn(
              trx,
              t.deps,
              { ...draft(cents), decision: { kind: 'round', id: decision } },
              { actorId: null, key: randomUUID() },
            ),
          ),
      ).rejects.toMatchObject({ code: 'fund.unknown_decision' });
    }
    // By hand, a treasurer names only a proposal.
    const byHand = await post(treasurer, draft(8_000));
    expect(byHand.statusCode).toBe(400);
  });
});
