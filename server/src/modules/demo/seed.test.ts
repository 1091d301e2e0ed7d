import { beforeAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../../../../e2e/temp-dir.ts';
import { tableCounts } from '../../../test/factories.ts';
import { asShown, hledgerBalances, ledgerInvariants } from '../../../test/fund-factories.ts';
import { Client, describeOnDatabases } from '../../../test/harness.ts';
import { DEMO_COOPS } from './demo-data.ts';
import { planDemo } from './demo-plan.ts';
import { DEMO_PASSWORD, type SeedResult, seedDemo, workingDemoLogins } from './seed.ts';

// València's municipal area, roughly: every map pin must fall inside it.
const inValencia = (lat: number | null, lng: number | null) =>
  lat !== null && lng !== null && lat > 39.42 && lat < 39.52 && lng > -0.42 && lng < -0.32;

describeOnDatabases('demo network', (t) => {
  let seeded: SeedResult;
  beforeAll(async () => {
    seeded = await seedDemo(t.deps);
  });

  it('seeds a dozen member co-ops of different sectors, placed in Valencia, with two applications waiting', async () => {
    const visitor = new Client(t.app);
    const res = await visitor.get('/api/v1/coops?limit=100');
    expect(res.statusCode).toBe(200);
    const coops = res.json().items as {
      name: string;
      sector: string;
      latitude: number;
      longitude: number;
      website: string;
      description: string;
    }[];
    expect(coops).toHaveLength(12);
    expect(new Set(coops.map((c) => c.sector)).size).toBe(12);
    for (const c of coops) {
      expect(inValencia(c.latitude, c.longitude), c.name).toBe(true);
      expect(c.website).toMatch(/^https:\/\/[a-z0-9-]+\.example$/);
      expect(c.description.length).toBeGreaterThan(40);
    }
    const network = (await visitor.get('/api/v1/network')).json();
    expect(network.name).toBe('Red de Cooperativas de Valencia');
    expect(network.figures).toMatchObject({ memberCoops: 12, workers: 60, supporters: 5 });

    const coordinator = new Client(t.app);
    const login = await coordinator.post('/api/v1/auth/login', {
      email: seeded.logins[0]!.email,
      password: DEMO_PASSWORD,
    });
    coordinator.csrf = login.json().csrfToken;
    const pending = (await coordinator.get('/api/v1/applications?status=pending')).json();
    expect(pending.total).toBe(2);
  });

  it('has a year of the fund’s books, which hledger reads to the balances the fund’s page shows', async () => {
    const coordinator = new Client(t.app);
    const login = await coordinator.post('/api/v1/auth/login', {
      email: seeded.logins[0]!.email,
      password: DEMO_PASSWORD,
    });
    coordinator.csrf = login.json().csrfToken;
    const fund = (await coordinator.get('/api/v1/fund')).json();
    expect(fund.subFunds.find((f: { code: string }) => f.code === 'emergency').balanceCents).toBeGreaterThan(1_200_000);
    expect(fund.months.filter((m: { inCents: number }) => m.inCents > 0).length).toBeGreaterThanOrEqual(10);
    expect(await ledgerInvariants(t.deps)).toEqual([]);
    const journal = await coordinator.get('/api/v1/fund/journal');
    const file = join(tempDir('demo-journal'), 'demo.journal');
    writeFileSync(file, journal.body);
    const read = hledgerBalances(file);
    expect([...read.values()].reduce((s, v) => s + v, 0)).toBe(0);
    const shown = Object.fromEntries(
      fund.accounts.map((a: { code: string; subFund: string | null; balanceCents: number }) => [
        [a.code, a.subFund].filter(Boolean).join(':'),
        a.balanceCents,
      ]),
    );
    expect(asShown(read, fund.accounts)).toEqual(shown);
  });

  it('replays a year of the fund: loans, a forgiven one, a fast-track grant, dues with one co-op late, a settled month paid', async () => {
    const treasurer = new Client(t.app);
    const login = seeded.logins.find((l) => l.role === 'treasurer')!;
    treasurer.csrf = (await treasurer.post('/api/v1/auth/login', { email: login.email, password: DEMO_PASSWORD })).json().csrfToken;
    const coopIds = new Map<string, string>(
      (await t.deps.db.selectFrom('coops').select(['id', 'name']).execute()).map((c) => [c.name, c.id]),
    );
    const settled = (await treasurer.get('/api/v1/reciprocity/settlements')).json().items;
    expect(settled.length).toBeGreaterThan(0);
    expect(new Set(settled.map((o: { month: string }) => o.month)).size).toBe(1);
    for (const o of settled) {
      expect(o).toMatchObject({ status: 'paid', thresholdCents: 5000, movementId: expect.any(String), paidMovementId: expect.any(String) });
      expect(o.amountCents).toBe(o.netGivenCents - 5000);
      const paid = (await treasurer.get(`/api/v1/fund/movements/${o.paidMovementId}`)).json();
      expect(paid).toMatchObject({ kind: 'settlement', date: expect.stringMatching(/^\d{4}-\d{2}-13$/) });
    }
    // Three applications, each decided as the bylaws say and paid by the treasurer, who neither applied nor approved.
    const applications = (await treasurer.get('/api/v1/fund/applications')).json().items;
    const byCoop = (name: string) => applications.find((a: { coopName: string }) => a.coopName === name);
    const grant = byCoop('Construccions Horta Nord');
    expect(grant).toMatchObject({ kind: 'emergency_grant', status: 'paid', track: { by: 'committee', approvalsNeeded: 2, overdue: false } });
    expect(grant.answers).toHaveLength(2);
    expect(Date.parse(grant.decidedAt)).toBeLessThan(Date.parse(grant.track.dueAt));
    expect(byCoop('Llibreria La Rosa dels Vents')).toMatchObject({ kind: 'loan', status: 'paid', track: { by: 'assembly' }, answers: [] });
    expect(byCoop('Tinta Roja Impremta')).toMatchObject({ kind: 'loan', status: 'paid', track: { by: 'committee', approvalsNeeded: 3 } });
    const loans = (await treasurer.get('/api/v1/fund/loans')).json().items;
    const rosa = loans.find((l: { coopName: string }) => l.coopName === 'Llibreria La Rosa dels Vents');
    expect(rosa.repayments.length).toBeGreaterThanOrEqual(6);
    expect(rosa.principalRepaidCents).toBe(rosa.repayments.reduce((s: number, r: { principalCents: number }) => s + r.principalCents, 0));
    // One instalment was paid 25 days after it fell due; the loan is up to date now.
    const lateBy = rosa.repayments.map((r: { paidOn: string }, i: number) => (Date.parse(r.paidOn) - Date.parse(rosa.instalments[i].due)) / 86_400_000);
    expect(lateBy.filter((d: number) => d > 20)).toEqual([25]);
    expect(rosa.arrears.bucket).not.toMatch(/^(30|60|90)/);
    const tinta = loans.find((l: { coopName: string }) => l.coopName === 'Tinta Roja Impremta');
    expect(tinta).toMatchObject({ principalRepaidCents: 62_499, writtenOffCents: 250_000 - 62_499, principalOutstandingCents: 0 });
    // Six months of dues; Fil i Agulla still owes the last two.
    const fil = coopIds.get('Fil i Agulla')!;
    const filDues = (await treasurer.get(`/api/v1/fund/obligations?coopId=${fil}`)).json().items;
    expect(filDues).toHaveLength(6);
    expect(filDues.filter((o: { outstandingCents: number }) => o.outstandingCents > 0)).toHaveLength(2);
    // Treasurers see who is behind: Fil i Agulla, for what is past its due day; a worker does not.
    const arrears = (await treasurer.get('/api/v1/fund/arrears')).json().items;
    const overdue = filDues.filter((o: { overdue: boolean }) => o.overdue);
    expect(overdue.length).toBeGreaterThan(0);
    expect(arrears).toEqual([
      {
        coopId: fil,
        coopName: 'Fil i Agulla',
        overdueCents: overdue.reduce((s: number, o: { outstandingCents: number }) => s + o.outstandingCents, 0),
        obligations: overdue.length,
        since: overdue.map((o: { dueDate: string }) => o.dueDate).sort()[0],
      },
    ]);
    const worker = new Client(t.app);
    const shown = seeded.logins.find((l) => l.role === 'worker')!;
    worker.csrf = (await worker.post('/api/v1/auth/login', { email: shown.email, password: DEMO_PASSWORD })).json().csrfToken;
    expect((await worker.get('/api/v1/fund/arrears')).statusCode).toBe(403);

    const fund = (await treasurer.get('/api/v1/fund')).json();
    const owed = fund.accounts.filter((a: { code: string }) => a.code === 'liabilities:owed-to-coops');
    expect(owed.reduce((s: number, a: { balanceCents: number }) => s + a.balanceCents, 0)).toBe(0);
    expect(fund.accounts.find((a: { code: string }) => a.code === 'expenses:reimbursements').balanceCents).toBe(
      settled.reduce((s: number, o: { amountCents: number }) => s + o.amountCents, 0),
    );
    expect(await ledgerInvariants(t.deps)).toEqual([]);
  });

  it('gives every co-op an admin and a different cashier, and the network one coordinator and a different treasurer', async () => {
    const grants = await t.deps.db.selectFrom('role_grants').select(['person_id', 'role', 'coop_id']).execute();
    const admins = grants.filter((g) => g.role === 'coop_admin');
    const cashiers = grants.filter((g) => g.role === 'cashier');
    expect(new Set(admins.map((g) => g.coop_id)).size).toBe(12);
    expect(new Set(cashiers.map((g) => g.coop_id)).size).toBe(12);
    for (const a of admins) expect(cashiers.find((c) => c.coop_id === a.coop_id)!.person_id).not.toBe(a.person_id);
    const coordinators = grants.filter((g) => g.role === 'coordinator');
    const treasurers = grants.filter((g) => g.role === 'treasurer');
    expect(coordinators).toHaveLength(1);
    expect(treasurers).toHaveLength(1);
    expect(coordinators[0]!.person_id).not.toBe(treasurers[0]!.person_id);

    const people = await t.deps.db.selectFrom('people').select(['email', 'coop_id', 'supporter']).execute();
    expect(people.filter((p) => p.coop_id !== null)).toHaveLength(60);
    expect(people.filter((p) => p.supporter === 1)).toHaveLength(5);
    expect(new Set(people.map((p) => p.email)).size).toBe(people.length);
    for (const p of people.filter((x) => x.coop_id)) expect(p.email).toMatch(/^[a-z]+\.[a-z]+\d*@[a-z0-9-]+\.example$/);
  });

  it('every printed login signs in with the demo password and holds the role it is shown with', async () => {
    expect(seeded.logins.map((l) => l.role)).toEqual([
      'coordinator',
      'treasurer',
      'co-op admin',
      'cashier',
      'worker',
      'supporter',
    ]);
    expect(new Set(seeded.logins.map((l) => l.email)).size).toBe(6);
    for (const login of seeded.logins) {
      const client = new Client(t.app);
      const res = await client.post('/api/v1/auth/login', { email: login.email, password: DEMO_PASSWORD });
      expect(res.statusCode, login.email).toBe(200);
      const person = res.json().person as { roles: { role: string }[]; supporter: boolean; coopName: string | null };
      const roles = person.roles.map((r) => r.role);
      if (login.role === 'coordinator') expect(roles).toEqual(['coordinator']);
      if (login.role === 'treasurer') expect(roles).toEqual(['treasurer']);
      if (login.role === 'co-op admin') expect(roles).toEqual(['coop_admin']);
      if (login.role === 'cashier') expect(roles).toEqual(['cashier']);
      if (login.role === 'worker') expect(roles).toEqual([]);
      if (login.role === 'supporter') expect(person.supporter).toBe(true);
      expect(person.coopName).toBe(login.coop);
    }
    expect(await workingDemoLogins(t.deps.db)).toEqual(seeded.logins);
  });

  it('sends one council delegate per co-op, never its admin, and calls an assembly for next month', async () => {
    const visitor = new Client(t.app);
    const council = (await visitor.get('/api/v1/bodies'))
      .json()
      .items.find((b: { kind: string }) => b.kind === 'council');
    const delegates = (await visitor.get(`/api/v1/bodies/${council.id}/members?active=true`)).json();
    expect(delegates.total).toBe(12);
    expect(new Set(delegates.items.map((d: { coopId: string }) => d.coopId)).size).toBe(12);
    const admins = await t.deps.db
      .selectFrom('role_grants')
      .select('person_id')
      .where('role', '=', 'coop_admin')
      .execute();
    for (const d of delegates.items) expect(admins.map((a) => a.person_id)).not.toContain(d.personId);
    const upcoming = (await visitor.get('/api/v1/assemblies?when=upcoming')).json().items;
    expect(upcoming).toHaveLength(1);
    expect(upcoming[0].place).toMatch(/València/);
    const months = (Date.parse(upcoming[0].startsAt) - Date.now()) / (30 * 86_400_000);
    expect(months).toBeGreaterThan(0);
    expect(months).toBeLessThan(2);
  });

  it('shows a living network: an open vote, a decided one with its result, a motion in discussion, last month’s minutes and the fund committee', async () => {
    const worker = new Client(t.app);
    const shown = seeded.logins.find((l) => l.role === 'worker')!;
    const login = await worker.post('/api/v1/auth/login', { email: shown.email, password: DEMO_PASSWORD });
    worker.csrf = login.json().csrfToken;

    const voting = (await worker.get('/api/v1/proposals?status=voting')).json();
    expect(voting.total).toBe(1);
    const open = (await worker.get(`/api/v1/proposals/${voting.items[0].id}`)).json();
    expect(open.title).toMatch(/fondo de solidaridad/);
    expect(Date.parse(open.votingClosesAt)).toBeGreaterThan(Date.now());
    // Some delegates have voted already; the demo's own logins have not, so whoever tries the demo can.
    const cast = await worker.post(`/api/v1/proposals/${open.id}/ballots`, { ballot: { choice: 'yes' } });
    expect(cast.statusCode, cast.body).toBe(201);

    // The council's vote on settling, and the assembly's two on the fund (a loan, and forgiving another).
    const passed = (await worker.get('/api/v1/proposals?status=passed')).json();
    expect(passed.total).toBe(3);
    const council = passed.items.filter((p: { matter: string }) => p.matter === 'settlement_policy');
    expect(council).toHaveLength(1);
    const decided = (await worker.get(`/api/v1/proposals/${council[0].id}`)).json();
    expect(decided.result).toMatchObject({ outcome: 'passed', tally: { yes: 8, no: 2, abstain: 1 } });
    expect(decided.electorateSize).toBe(12);
    const policy = (await worker.get('/api/v1/reciprocity/settlement-policy')).json();
    expect(policy).toMatchObject({ policy: 'none', source: 'proposal' });

    const discussed = (await worker.get('/api/v1/proposals?status=discussion')).json();
    expect(discussed.total).toBe(1);
    expect((await worker.get(`/api/v1/proposals/${discussed.items[0].id}/comments`)).json().total).toBe(2);

    const past = (await worker.get('/api/v1/assemblies?when=past')).json().items;
    expect(past).toHaveLength(1);
    expect(past[0].minutes).toMatch(/^Asistieron/);
    expect(Date.parse(past[0].endsAt)).toBeLessThan(Date.now());

    const committee = (await worker.get('/api/v1/bodies'))
      .json()
      .items.find((b: { kind: string }) => b.kind === 'committee');
    expect((await worker.get(`/api/v1/bodies/${committee.id}/members?active=true`)).json().total).toBe(3);
  });

  it('writes one audit event that sums the seed up', async () => {
    const events = await t.deps.db.selectFrom('audit_events').selectAll().where('action', '=', 'demo.seeded').execute();
    expect(events).toHaveLength(1);
    expect(JSON.parse(events[0]!.after_json!)).toMatchObject({
      coops: 12,
      workers: 60,
      supporters: 5,
      applications: 2,
    });
  });

  it('refuses to seed a database that already holds co-ops, and changes nothing', async () => {
    const before = await tableCounts(t.deps);
    await expect(seedDemo(t.deps)).rejects.toMatchObject({ code: 'demo.not_empty' });
    expect(await tableCounts(t.deps)).toEqual(before);
  });

  it('stops printing a login whose password was changed', async () => {
    const coordinator = seeded.logins[0]!;
    await t.deps.db
      .updateTable('people')
      .set({ password_hash: 'scrypt$16384$8$1$AAAA$BBBB' })
      .where('email', '=', coordinator.email)
      .execute();
    expect((await workingDemoLogins(t.deps.db)).map((l) => l.role)).not.toContain('coordinator');
  });
});

describeOnDatabases('demo network of benchmark size', (t) => {
  it('seeds 300 co-ops and 6,000 workers with made-up, unique names, reporting progress', async () => {
    const progress: string[] = [];
    const result = await seedDemo(t.deps, { coops: 300, workers: 6000 }, (stage, done, total) =>
      progress.push(`${stage} ${done}/${total}`),
    );
    expect(result.counts).toMatchObject({ coops: 300, workers: 6000, supporters: 5, applications: 2, roleGrants: 602 });
    expect(progress).toContain('workers 6005/6005');
    const coops = await t.deps.db
      .selectFrom('coops')
      .select(['name', 'slug', 'latitude', 'longitude', 'worker_count'])
      .execute();
    expect(coops).toHaveLength(302);
    expect(new Set(coops.map((c) => c.name)).size).toBe(302);
    for (const c of coops) expect(inValencia(c.latitude, c.longitude), c.name).toBe(true);
    const perCoop = await t.deps.db
      .selectFrom('people')
      .select((eb) => ['coop_id', eb.fn.countAll<number>().as('n')])
      .where('coop_id', 'is not', null)
      .groupBy('coop_id')
      .execute();
    expect(perCoop).toHaveLength(300);
    expect(Math.min(...perCoop.map((r) => Number(r.n)))).toBeGreaterThanOrEqual(19);
  });
});

describe('demo plan', () => {
  it('is deterministic: the same size gives the same co-ops and people', () => {
    const a = planDemo({ coops: 40, workers: 400 }, 'x', '2025-01-01T00:00:00.000Z');
    const b = planDemo({ coops: 40, workers: 400 }, 'x', '2025-01-01T00:00:00.000Z');
    expect(a.coops.map((c) => [c.name, c.address, c.latitude])).toEqual(
      b.coops.map((c) => [c.name, c.address, c.latitude]),
    );
    expect(a.people.map((p) => p.email)).toEqual(b.people.map((p) => p.email));
  });

  it('keeps the curated co-ops and their named people first, whatever the size', () => {
    const plan = planDemo({ coops: 1000, workers: 20_000 }, 'x', '2025-01-01T00:00:00.000Z');
    expect(plan.coops.slice(0, 12).map((c) => c.name)).toEqual(DEMO_COOPS.map((c) => c.name));
    expect(plan.logins[0]).toMatchObject({ role: 'coordinator', email: 'marta.soler@codi-comu.example' });
    expect(new Set(plan.people.map((p) => p.email)).size).toBe(plan.people.length);
  });

  it('still has every login on a network smaller than the curated dozen', () => {
    const plan = planDemo({ coops: 3, workers: 15 }, 'x', '2025-01-01T00:00:00.000Z');
    expect(plan.logins).toHaveLength(6);
    expect(new Set(plan.logins.map((l) => l.email)).size).toBe(6);
  });
});
