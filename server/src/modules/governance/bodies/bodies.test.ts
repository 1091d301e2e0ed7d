import { DEFAULT_BYLAWS } from '@coopnet/domain/governance/bylaws';
import { beforeAll, describe, expect, it } from 'vitest';
import { Client, describeOnDatabases } from '../../../../test/harness.ts';
import { actorClient, makeCoop, makePerson } from '../../../../test/factories.ts';
import { defaultBodies, governanceTableCounts, makeProposal } from '../../../../test/governance-factories.ts';
import { nowIso } from '../../../platform/clock.ts';
import { activeMembers } from './bodies.repository.ts';
import { adoptBylaws } from '../bylaws/bylaws.repository.ts';
import { assertValidBylaws } from '../bylaws/bylaws.service.ts';

const HOUR = 3_600_000;
const inHours = (h: number) => new Date(Date.now() + h * HOUR).toISOString();

describe('bylaws check', () => {
  it('accepts the default bylaws and names every problem of bad ones', () => {
    expect(() => assertValidBylaws(DEFAULT_BYLAWS)).not.toThrow();
    const bad = { matters: { ...DEFAULT_BYLAWS.matters, bylaw_change: { ...DEFAULT_BYLAWS.matters.bylaw_change!, method: 'irv' as const } } };
    delete (bad.matters as Record<string, unknown>).free;
    try {
      assertValidBylaws(bad);
      expect.unreachable();
    } catch (e) {
      const err = e as { status: number; code: string; details: { path: string }[] };
      expect(err.status).toBe(400);
      expect(err.code).toBe('governance.bad_bylaws');
      expect(err.details.map((d) => d.path).sort()).toEqual(['matters.bylaw_change.method', 'matters.free']);
    }
  });
});

describeOnDatabases('bylaws API', (t) => {
  let visitor: Client;
  beforeAll(() => {
    visitor = new Client(t.app);
  });

  it('publishes version 1, the default bylaws, from the first start', async () => {
    const res = await visitor.get('/api/v1/bylaws');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ version: 1, proposalId: null, bylaws: DEFAULT_BYLAWS });
  });

  it('keeps every version readable after a new one is adopted', async () => {
    const next = { matters: { ...DEFAULT_BYLAWS.matters, free: { ...DEFAULT_BYLAWS.matters.free!, minVotingHours: 48 } } };
    expect(await adoptBylaws(t.deps.db, next, null)).toBe(2);
    const current = (await visitor.get('/api/v1/bylaws')).json();
    expect(current.version).toBe(2);
    expect(current.bylaws.matters.free.minVotingHours).toBe(48);
    const versions = (await visitor.get('/api/v1/bylaws/versions')).json();
    expect(versions.total).toBe(2);
    expect(versions.items.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    const first = (await visitor.get('/api/v1/bylaws/versions/1')).json();
    expect(first.bylaws.matters.free.minVotingHours).toBe(0);
  });

  it('answers 404 for a version that does not exist and 400 for one that is not a number', async () => {
    expect((await visitor.get('/api/v1/bylaws/versions/99')).statusCode).toBe(404);
    expect((await visitor.get('/api/v1/bylaws/versions/abc')).statusCode).toBe(400);
    expect((await visitor.get('/api/v1/bylaws/versions/0')).statusCode).toBe(400);
    expect((await visitor.get('/api/v1/bylaws/versions?limit=1000')).statusCode).toBe(400);
  });
});

describeOnDatabases('bodies and delegates API', (t) => {
  let visitor: Client;
  let bodies: Awaited<ReturnType<typeof defaultBodies>>;
  let coopA: { id: string };
  let coopB: { id: string };
  let adminA: Client;
  let adminB: Client;
  let coordinator: Client;
  let workerA: Client;
  const workersA: string[] = [];
  let workerB: string;

  beforeAll(async () => {
    visitor = new Client(t.app);
    bodies = await defaultBodies(t.deps);
    coopA = await makeCoop(t.deps, { name: 'Alpha' });
    coopB = await makeCoop(t.deps, { name: 'Beta' });
    adminA = (await actorClient(t.deps, t.app, { coopId: coopA.id, roles: [{ role: 'coop_admin', coopId: coopA.id }] })).client;
    adminB = (await actorClient(t.deps, t.app, { coopId: coopB.id, roles: [{ role: 'coop_admin', coopId: coopB.id }] })).client;
    coordinator = (await actorClient(t.deps, t.app, { roles: [{ role: 'coordinator' }] })).client;
    const w = await actorClient(t.deps, t.app, { coopId: coopA.id, displayName: 'Worker Alpha 0' });
    workerA = w.client;
    workersA.push(w.id);
    for (let i = 1; i < 5; i++) workersA.push((await makePerson(t.deps, { coopId: coopA.id, displayName: `Worker Alpha ${i}` })).id);
    workerB = (await makePerson(t.deps, { coopId: coopB.id })).id;
  });

  const appoint = (client: Client, personId: string, extra: Record<string, unknown> = {}) =>
    client.post(`/api/v1/bodies/${bodies.council.id}/members`, { personId, ...extra });

  it('lists the three bodies of a new network, publicly', async () => {
    const res = await visitor.get('/api/v1/bodies');
    expect(res.statusCode).toBe(200);
    const items = res.json().items as { kind: string; name: string; delegatesPerCoop: number | null; memberCount: number }[];
    expect(items.map((b) => [b.kind, b.name])).toEqual([
      ['assembly', 'General assembly'],
      ['council', 'Council of delegates'],
      ['committee', 'Fund committee'],
    ]);
    expect(items[1]!.delegatesPerCoop).toBe(2);
    // 2 admins + 5 workers of Alpha + 1 of Beta are workers of member co-ops; the coordinator is not.
    expect(items[0]!.memberCount).toBe(8);
  });

  it("lets only a co-op's own admin appoint its delegates", async () => {
    const before = await governanceTableCounts(t.deps);
    expect((await appoint(visitor, workersA[0]!)).statusCode).toBe(401);
    // another co-op's admin may not even learn whether the person exists
    expect((await appoint(adminB, workersA[0]!)).statusCode).toBe(404);
    // a coordinator sees people but does not choose a co-op's delegates
    expect((await appoint(coordinator, workersA[0]!)).statusCode).toBe(403);
    // a worker of the co-op is not its admin
    expect((await appoint(workerA, workersA[1]!)).statusCode).toBe(403);
    expect(await governanceTableCounts(t.deps)).toEqual(before);

    const res = await appoint(adminA, workersA[0]!);
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ personId: workersA[0], displayName: 'Worker Alpha 0', coopId: coopA.id, coopName: 'Alpha', termEnd: null, recalledAt: null, active: true });
    const audit = await t.deps.db.selectFrom('audit_events').selectAll().where('subject_id', '=', res.json().id).execute();
    expect(audit.map((a) => a.action)).toEqual(['body_member.appointed']);

    const members = (await visitor.get(`/api/v1/bodies/${bodies.council.id}/members`)).json();
    expect(members.items.map((m: { personId: string }) => m.personId)).toEqual([workersA[0]]);
    const notes = (await workerA.get('/api/v1/notifications')).json();
    expect(notes.items[0]).toMatchObject({ kind: 'body_member.appointed', subjectId: bodies.council.id });
  });

  it('refuses a second seat for the same person and a third delegate for one co-op', async () => {
    expect((await appoint(adminA, workersA[0]!)).json().error.code).toBe('governance.already_member');
    expect((await appoint(adminA, workersA[1]!, { termEnd: inHours(24 * 365) })).statusCode).toBe(201);
    const before = await governanceTableCounts(t.deps);
    const third = await appoint(adminA, workersA[2]!);
    expect(third.statusCode).toBe(409);
    expect(third.json().error.code).toBe('governance.too_many_delegates');
    expect(await governanceTableCounts(t.deps)).toEqual(before);
    const council = (await visitor.get('/api/v1/bodies')).json().items.find((b: { kind: string }) => b.kind === 'council');
    expect(council.memberCount).toBe(2);
  });

  it("lets the co-op's admin recall a delegate, freeing the seat; not another co-op's admin", async () => {
    const members = (await visitor.get(`/api/v1/bodies/${bodies.council.id}/members`)).json().items as { id: string; personId: string }[];
    const first = members.find((m) => m.personId === workersA[0])!;
    const url = `/api/v1/bodies/${bodies.council.id}/members/${first.id}/recall`;
    expect((await adminB.post(url, {})).statusCode).toBe(403);
    expect((await workerA.post(url, {})).statusCode).toBe(403);
    const res = await adminA.post(url, {});
    expect(res.statusCode).toBe(200);
    expect(res.json().active).toBe(false);
    expect(res.json().recalledAt).not.toBeNull();
    const again = await adminA.post(url, {});
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('governance.not_active');
    expect((await appoint(adminA, workersA[2]!)).statusCode).toBe(201);
    const active = (await visitor.get(`/api/v1/bodies/${bodies.council.id}/members?active=true`)).json();
    expect(active.items.map((m: { personId: string }) => m.personId).sort()).toEqual([workersA[1], workersA[2]].sort());
    const recalled = (await visitor.get(`/api/v1/bodies/${bodies.council.id}/members?active=false`)).json();
    expect(recalled.items.map((m: { personId: string }) => m.personId)).toEqual([workersA[0]]);
  });

  it('ends a delegate at the end of their term', async () => {
    const council = bodies.council;
    const delegate = (await activeMembers(t.deps.db, council, nowIso())).find((m) => m.personId === workersA[1])!;
    expect(delegate).toMatchObject({ coopId: coopA.id, workerCount: 5 });
    // a year from now the term has run out
    const later = await activeMembers(t.deps.db, council, inHours(24 * 366));
    expect(later.map((m) => m.personId)).not.toContain(workersA[1]);
    // once the end has passed, the listing shows them inactive and the seat is free
    await t.deps.db.updateTable('body_members').set({ term_end: new Date(Date.now() - 1000).toISOString() }).where('person_id', '=', workersA[1]!).execute();
    const listed = (await visitor.get(`/api/v1/bodies/${council.id}/members`)).json().items.find((m: { personId: string }) => m.personId === workersA[1]);
    expect(listed.active).toBe(false);
    expect(listed.abilities.recall).toBe(false);
    expect((await appoint(adminA, workersA[3]!)).statusCode).toBe(201);
    const ended = await adminA.post(`/api/v1/bodies/${council.id}/members/${listed.id}/recall`, {});
    expect(ended.json().error.code).toBe('governance.not_active');
  });

  it('takes a recalled delegate out of open council votes, keeping the frozen electorate size', async () => {
    const delegate = await makePerson(t.deps, { coopId: coopB.id });
    const member = (await appoint(adminB, delegate.id)).json();
    const councilRule = { ...DEFAULT_BYLAWS.matters.settlement_policy! };
    const councilVote = await makeProposal(t.deps, { authorId: delegate.id, status: 'voting', matter: 'settlement_policy', rule: councilRule, bodyId: bodies.council.id, electorate: [{ personId: delegate.id }, { personId: workersA[2]! }] });
    const assemblyVote = await makeProposal(t.deps, { authorId: delegate.id, status: 'voting', matter: 'free', bodyId: bodies.assembly.id, electorate: [{ personId: delegate.id }] });
    await t.deps.db.insertInto('delegations').values({ id: crypto.randomUUID(), proposal_id: councilVote.id, from_person_id: workersA[2]!, to_person_id: delegate.id, created_at: nowIso(), revoked_at: null }).execute();

    const res = await adminB.post(`/api/v1/bodies/${bodies.council.id}/members/${member.id}/recall`, {});
    expect(res.statusCode).toBe(200);
    const electorate = await t.deps.db.selectFrom('electorate').select(['proposal_id', 'person_id']).where('person_id', '=', delegate.id).execute();
    expect(electorate.map((e) => e.proposal_id)).toEqual([assemblyVote.id]);
    const proposal = await t.deps.db.selectFrom('proposals').select('electorate_size').where('id', '=', councilVote.id).executeTakeFirstOrThrow();
    expect(Number(proposal.electorate_size)).toBe(2);
    // the vote handed to the recalled delegate comes back to the one who handed it
    const delegation = await t.deps.db.selectFrom('delegations').select('revoked_at').where('proposal_id', '=', councilVote.id).executeTakeFirstOrThrow();
    expect(delegation.revoked_at).not.toBeNull();
    const audit = await t.deps.db.selectFrom('audit_events').select('after_json').where('action', '=', 'body_member.recalled').where('subject_id', '=', member.id).executeTakeFirstOrThrow();
    expect(JSON.parse(audit.after_json!).removedFromVotes).toEqual([councilVote.id]);
  });

  it('lets a coordinator recall any delegate', async () => {
    const p = await makePerson(t.deps, { coopId: coopB.id });
    const m = (await appoint(adminB, p.id)).json();
    expect((await coordinator.post(`/api/v1/bodies/${bodies.council.id}/members/${m.id}/recall`, {})).statusCode).toBe(200);
  });

  it('only appoints active workers of member co-ops, with a term that ends in the future', async () => {
    const suspended = await makeCoop(t.deps, { status: 'suspended' });
    const adminS = (await actorClient(t.deps, t.app, { coopId: suspended.id, roles: [{ role: 'coop_admin', coopId: suspended.id }] })).client;
    const workerS = await makePerson(t.deps, { coopId: suspended.id });
    const left = await makePerson(t.deps, { coopId: coopA.id });
    await t.deps.db.updateTable('people').set({ status: 'left' }).where('id', '=', left.id).execute();
    const before = await governanceTableCounts(t.deps);
    expect((await appoint(adminS, workerS.id)).json().error.code).toBe('governance.coop_not_member');
    expect((await appoint(adminA, left.id)).json().error.code).toBe('governance.person_not_active');
    const past = await appoint(adminA, workersA[4]!, { termEnd: new Date(Date.now() - HOUR).toISOString() });
    expect(past.statusCode).toBe(400);
    expect(past.json().error.code).toBe('governance.bad_term');
    expect(await governanceTableCounts(t.deps)).toEqual(before);
  });

  it('has a coordinator manage committees and their members', async () => {
    const before = await governanceTableCounts(t.deps);
    const input = { kind: 'committee', name: 'Housing committee', description: 'Looks for premises' };
    expect((await visitor.post('/api/v1/bodies', input)).statusCode).toBe(401);
    expect((await adminA.post('/api/v1/bodies', input)).statusCode).toBe(403);
    expect((await adminA.post(`/api/v1/bodies/${bodies.committee.id}/members`, { personId: workersA[4] })).statusCode).toBe(403);
    expect(await governanceTableCounts(t.deps)).toEqual(before);

    const created = await coordinator.post('/api/v1/bodies', input);
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ kind: 'committee', name: 'Housing committee', memberCount: 0, delegatesPerCoop: null });
    // A body people named is said as they wrote it; the ones the network started with are named for translation.
    expect(created.json().builtIn).toEqual({ name: null, description: null });
    const listed = (await visitor.get('/api/v1/bodies')).json().items as { kind: string; name: string; builtIn: unknown }[];
    expect(listed.find((b) => b.kind === 'assembly')).toMatchObject({ name: 'General assembly', builtIn: { name: 'generalAssembly', description: 'generalAssembly' } });
    expect(listed.find((b) => b.name === 'Fund committee')?.builtIn).toEqual({ name: 'fundCommittee', description: 'fundCommittee' });
    const added = await coordinator.post(`/api/v1/bodies/${created.json().id}/members`, { personId: workerB });
    expect(added.statusCode).toBe(201);
    const shown = (await coordinator.get(`/api/v1/bodies/${created.json().id}`)).json();
    expect(shown).toMatchObject({ memberCount: 1, abilities: { addMember: true, manage: true } });
    expect((await adminA.get(`/api/v1/bodies/${bodies.council.id}`)).json().abilities.addMember).toBe(true);
    expect((await adminA.get(`/api/v1/bodies/${created.json().id}`)).json().abilities.addMember).toBe(false);
    const recall = await coordinator.post(`/api/v1/bodies/${created.json().id}/members/${added.json().id}/recall`, {});
    expect(recall.statusCode).toBe(200);
    expect((await coordinator.get(`/api/v1/bodies/${created.json().id}`)).json().memberCount).toBe(0);
  });

  it("has the assembly's members be the active workers of member co-ops, implicitly", async () => {
    const suspended = await makeCoop(t.deps, { status: 'suspended' });
    const outsider = await makePerson(t.deps, { coopId: suspended.id });
    const members = await activeMembers(t.deps.db, bodies.assembly, nowIso());
    const ids = members.map((m) => m.personId);
    expect(ids).toContain(workersA[0]);
    expect(ids).toContain(workerB);
    expect(ids).not.toContain(outsider.id);
    expect(members.every((m) => m.coopId !== null && m.workerCount === 5)).toBe(true);
    const res = await visitor.get(`/api/v1/bodies/${bodies.assembly.id}/members`);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('governance.assembly_members_implicit');
    const add = await coordinator.post(`/api/v1/bodies/${bodies.assembly.id}/members`, { personId: workerB });
    expect(add.json().error.code).toBe('governance.assembly_members_implicit');
  });

  it('refuses bad input with a 4xx and changes nothing', async () => {
    const before = await governanceTableCounts(t.deps);
    const council = `/api/v1/bodies/${bodies.council.id}/members`;
    const cases: [Client, string, unknown, number][] = [
      [adminA, council, { personId: workersA[4], extra: 1 }, 400],
      [adminA, council, { personId: 'not-a-uuid' }, 400],
      [adminA, council, { personId: 42 }, 400],
      [adminA, council, { personId: workersA[4], termEnd: 'tomorrow' }, 400],
      [adminA, council, {}, 400],
      [adminA, council, { personId: crypto.randomUUID() }, 404],
      [adminA, `/api/v1/bodies/${crypto.randomUUID()}/members`, { personId: workersA[4] }, 404],
      [adminA, '/api/v1/bodies/nope/members', { personId: workersA[4] }, 400],
      [coordinator, '/api/v1/bodies', { kind: 'council', name: 'Second council', description: '' }, 400],
      [coordinator, '/api/v1/bodies', { kind: 'committee', name: 'x'.repeat(121), description: '' }, 400],
      [coordinator, '/api/v1/bodies', { kind: 'committee', name: 'Ok name', description: 'y'.repeat(2001) }, 400],
      [coordinator, '/api/v1/bodies', { kind: 'committee', name: 'Ok name', description: '', delegatesPerCoop: 3 }, 400],
      [coordinator, `/api/v1/bodies/${bodies.council.id}/members/${crypto.randomUUID()}/recall`, {}, 404],
      [coordinator, `/api/v1/bodies/${bodies.council.id}/members/${crypto.randomUUID()}/recall`, { reason: 'x' }, 400],
    ];
    for (const [client, url, body, status] of cases) {
      const res = await client.post(url, body);
      expect(res.statusCode, `${url} ${JSON.stringify(body)}`).toBe(status);
    }
    expect((await visitor.get(`/api/v1/bodies/${bodies.council.id}/members?limit=0`)).statusCode).toBe(400);
    expect((await visitor.get(`/api/v1/bodies/${bodies.council.id}/members?active=maybe`)).statusCode).toBe(400);
    expect((await visitor.get(`/api/v1/bodies/${crypto.randomUUID()}/members`)).statusCode).toBe(404);
    expect(await governanceTableCounts(t.deps)).toEqual(before);
  });
});
