/**
 * Issue 13's acceptance, on both engines: a round with 200 members and 12
 * projects, each member spreading their share at random within the rules
 * (seeded, the same every run), allocates the round's amount or less,
 * respects every cap, and its stored result matches a recount of the
 * allocations read back from the database; a member cannot see others'
 * allocations before the close; the ledger's sums hold after it, and each
 * programme's budget granted from the fund is read from the ledger.
 */
import { budgeting as rules } from '@coopnet/domain';
import { beforeAll, expect, it } from 'vitest';
import { moveTo, periods } from '../../../test/budgeting-factories.ts';
import { actorClient, makeCoop, makePerson } from '../../../test/factories.ts';
import { giftInto, ledgerInvariants, post } from '../../../test/fund-factories.ts';
import { type Client, describeOnDatabases } from '../../../test/harness.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import { budgetingService } from './budgeting.service.ts';

const MEMBERS = 200;
const PROJECTS = 12;
const AMOUNT = 1_000_000; // 10,000.00: 50.00 each
const CAP = 2_000;

describeOnDatabases('a participatory budgeting round of 200 members and 12 projects', (t) => {
  let coordinator: { id: string; client: Client };
  let watcher: { id: string; client: Client };
  let roundId: string;
  let projectIds: string[];
  let programmeIds: string[];
  const members: Actor[] = [];

  beforeAll(async () => {
    const coops = await Promise.all([1, 2, 3, 4].map((i) => makeCoop(t.deps, { name: `Co-op ${i}` })));
    coordinator = await actorClient(t.deps, t.app, { roles: [{ role: 'coordinator' }] });
    const treasurer = (await actorClient(t.deps, t.app, { roles: [{ role: 'treasurer' }] })).client;
    expect((await post(treasurer, giftInto('programmes', 1_500_000))).statusCode).toBe(201);
    watcher = await actorClient(t.deps, t.app, { coopId: coops[0]!.id });
    members.push({
      personId: watcher.id,
      email: '',
      displayName: '',
      coopId: coops[0]!.id,
      supporter: false,
      roles: [],
      via: 'session',
    });
    for (let i = 1; i < MEMBERS; i++) {
      const coopId = coops[i % 4]!.id;
      const p = await makePerson(t.deps, { coopId });
      members.push({
        personId: p.id,
        email: p.email,
        displayName: '',
        coopId,
        supporter: false,
        roles: [],
        via: 'session',
      });
    }
    programmeIds = [];
    for (const name of ['Food bank', 'Breakfast']) {
      const res = await coordinator.client.post('/api/v1/programmes', {
        kind: 'food_bank',
        name,
        description: name,
        coordinatorIds: [coordinator.id],
      });
      programmeIds.push(res.json().id);
    }
    const opened = await coordinator.client.post('/api/v1/budgeting/rounds', {
      title: 'Two hundred',
      amountCents: AMOUNT,
      capCents: CAP,
      ...periods('proposals'),
    });
    expect(opened.statusCode).toBe(201);
    roundId = opened.json().id;
    const service = budgetingService(t.deps);
    projectIds = [];
    for (let i = 0; i < PROJECTS; i++) {
      const minimum = 10_000 + i * 8_000;
      const created = await service.propose(members[i]!, roundId, {
        title: `Project ${i + 1}`,
        description: 'For the neighbourhood',
        minimumCents: minimum,
        maximumCents: minimum + 40_000,
        programmeId: i < 4 ? programmeIds[i % 2]! : null,
      });
      projectIds.push(created.id);
    }
    await moveTo(t.deps, roundId, 'allocation');
  });

  it('each member spreads their share at random within the rules; nobody sees another’s before the close', async () => {
    const service = budgetingService(t.deps);
    const share = rules.memberShare(AMOUNT, MEMBERS);
    let seed = 13;
    const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;
    for (const m of members) {
      let left = share;
      const lines: { projectId: string; cents: number }[] = [];
      for (const projectId of projectIds) {
        if (random() < 0.6) continue;
        // Heavier on the first projects, so some reach their minimum and some do not.
        const cents = Math.min(left, CAP, Math.floor(random() * CAP * 1.2));
        if (cents <= 0) continue;
        lines.push({ projectId, cents });
        left -= cents;
      }
      await service.allocate(m, roundId, { lines });
    }
    const seen = (await watcher.client.get(`/api/v1/budgeting/rounds/${roundId}`)).json();
    const own = await t.deps.db
      .selectFrom('budget_allocations')
      .select(['project_id as projectId', 'cents'])
      .where('person_id', '=', watcher.id)
      .execute();
    expect(seen.mine.length).toBe(own.length);
    expect(seen.members).toBe(MEMBERS);
    for (const p of seen.projects) expect([p.totalCents, p.grantedCents]).toEqual([null, null]);
    expect(seen.grantedCents).toBeNull();
  });

  it('the close grants the round’s amount or less, within every cap, and matches a recount of the stored allocations', async () => {
    const closed = (await coordinator.client.post(`/api/v1/budgeting/rounds/${roundId}/close`)).json();
    expect(closed.phase).toBe('closed');
    expect(closed.grantedCents).toBeLessThanOrEqual(AMOUNT);

    const stored = await t.deps.db
      .selectFrom('budget_allocations')
      .select(['person_id', 'project_id', 'cents'])
      .where('round_id', '=', roundId)
      .execute();
    const perMember = new Map<string, number>();
    for (const a of stored) {
      expect(Number(a.cents)).toBeLessThanOrEqual(CAP);
      perMember.set(a.person_id, (perMember.get(a.person_id) ?? 0) + Number(a.cents));
    }
    for (const total of perMember.values()) expect(total).toBeLessThanOrEqual(rules.memberShare(AMOUNT, MEMBERS));

    const asked = await t.deps.db
      .selectFrom('budget_projects')
      .select(['id', 'minimum_cents', 'maximum_cents', 'total_cents', 'granted_cents', 'programme_id'])
      .where('round_id', '=', roundId)
      .execute();
    const recount = rules.countRound(
      AMOUNT,
      asked.map((p) => ({ id: p.id, minimum: Number(p.minimum_cents), maximum: Number(p.maximum_cents) })),
      stored.map((a) => ({ projectId: a.project_id, cents: Number(a.cents) })),
    );
    for (const r of recount.projects) {
      const p = asked.find((x) => x.id === r.id)!;
      expect([Number(p.total_cents), Number(p.granted_cents)]).toEqual([r.total, r.granted]);
      const shown = closed.projects.find((x: { id: string }) => x.id === r.id);
      expect([shown.totalCents, shown.grantedCents]).toEqual([r.total, r.granted]);
    }
    expect(closed.grantedCents).toBe(recount.granted);
    // Some projects are funded and some are not: the test says something.
    expect(recount.projects.filter((p) => p.funded).length).toBeGreaterThan(0);
    expect(recount.projects.filter((p) => !p.funded).length).toBeGreaterThan(0);

    // The ledger: one programme movement per funded project, the sums hold, what is not granted stays.
    const paid = await t.deps.db
      .selectFrom('ledger_movements as m')
      .innerJoin('ledger_entries as e', 'e.movement_id', 'm.id')
      .select(['m.programme_id', 'e.cents'])
      .where('m.decision_id', '=', roundId)
      .where('e.account_code', '=', 'expenses:programmes')
      .execute();
    expect(paid.length).toBe(recount.projects.filter((p) => p.funded).length);
    expect(paid.reduce((s, e) => s + Number(e.cents), 0)).toBe(recount.granted);
    const subFund = await t.deps.db
      .selectFrom('ledger_sub_funds')
      .select('balance_cents')
      .where('code', '=', 'programmes')
      .executeTakeFirstOrThrow();
    expect(Number(subFund.balance_cents)).toBe(1_500_000 - recount.granted);
    expect(await ledgerInvariants(t.deps)).toEqual([]);

    // Each programme's budget from the fund, as its public page shows it, is what the ledger paid for it.
    for (const programmeId of programmeIds) {
      const granted = asked
        .filter((p) => p.programme_id === programmeId)
        .reduce((s, p) => s + Number(p.granted_cents), 0);
      const page = (await coordinator.client.get(`/api/v1/programmes/${programmeId}`)).json();
      expect(page.fromFundCents).toBe(granted);
    }
  });
});
