import { beforeAll, expect, it } from 'vitest';
import { Client, describeOnDatabases } from '../../../../test/harness.ts';
import { actorClient, makeCoop, makePerson } from '../../../../test/factories.ts';
import { defaultBodies, governanceTableCounts, makeProposal } from '../../../../test/governance-factories.ts';

const DAY = 86_400_000;
const at = (days: number, hours = 0) => new Date(Date.UTC(2100, 0, 1) + days * DAY + hours * 3_600_000).toISOString();
const ago = (days: number) => new Date(Date.now() - days * DAY).toISOString();
/** Undo iCalendar line folding: CRLF followed by a space joins the lines. */
const unfold = (s: string) => s.replace(/\r\n /g, '');

describeOnDatabases('assemblies API', (t) => {
  let visitor: Client;
  let coordinator: Client;
  let worker: Client;
  let workerId: string;
  let bodies: Awaited<ReturnType<typeof defaultBodies>>;
  let spring: { id: string };
  const proposals: string[] = [];

  beforeAll(async () => {
    visitor = new Client(t.app);
    bodies = await defaultBodies(t.deps);
    const c = await actorClient(t.deps, t.app, { roles: [{ role: 'coordinator' }] });
    coordinator = c.client;
    const coop = await makeCoop(t.deps, { name: 'Gamma' });
    const w = await actorClient(t.deps, t.app, { coopId: coop.id, displayName: 'Wanda Worker' });
    worker = w.client;
    workerId = w.id;
    for (const title of ['Admit Delta', 'Buy a van']) proposals.push((await makeProposal(t.deps, { authorId: c.id, title })).id);
  });

  const create = (client: Client, extra: Record<string, unknown> = {}) =>
    client.post('/api/v1/assemblies', { bodyId: bodies.assembly.id, title: 'Spring assembly', startsAt: at(60, 18), endsAt: at(60, 20), place: 'Casal, Carrer Major 3, Valencia', ...extra });

  it('has a coordinator call an assembly; others may not', async () => {
    const before = await governanceTableCounts(t.deps);
    expect((await create(visitor)).statusCode).toBe(401);
    expect((await create(worker)).statusCode).toBe(403);
    expect(await governanceTableCounts(t.deps)).toEqual(before);
    const res = await create(coordinator, { startsAt: '2100-03-02T19:00:00+01:00', videoUrl: 'https://meet.example.org/spring' });
    expect(res.statusCode).toBe(201);
    spring = res.json();
    expect(res.json()).toMatchObject({ title: 'Spring assembly', startsAt: '2100-03-02T18:00:00.000Z', place: 'Casal, Carrer Major 3, Valencia', videoUrl: 'https://meet.example.org/spring', minutes: null, agenda: [], attendanceCount: 0, abilities: { manage: true } });
    const audit = await t.deps.db.selectFrom('audit_events').select('action').where('subject_id', '=', spring.id).execute();
    expect(audit.map((a) => a.action)).toEqual(['assembly.created']);
  });

  it('lists upcoming assemblies first, soonest first, then past ones, latest first', async () => {
    await create(coordinator, { title: 'Summer assembly', startsAt: at(150, 18), endsAt: at(150, 20) });
    await create(coordinator, { title: 'Last autumn', startsAt: ago(200), endsAt: ago(199.9) });
    await create(coordinator, { title: 'Last winter', startsAt: ago(100), endsAt: ago(99.9) });
    const all = (await visitor.get('/api/v1/assemblies')).json();
    expect(all.items.map((a: { title: string }) => a.title)).toEqual(['Spring assembly', 'Summer assembly', 'Last winter', 'Last autumn']);
    expect(all.total).toBe(4);
    const paged = (await visitor.get('/api/v1/assemblies?limit=2&offset=1')).json();
    expect(paged.items.map((a: { title: string }) => a.title)).toEqual(['Summer assembly', 'Last winter']);
    const past = (await visitor.get('/api/v1/assemblies?when=past')).json();
    expect(past.items.map((a: { title: string }) => a.title)).toEqual(['Last winter', 'Last autumn']);
    expect((await visitor.get('/api/v1/assemblies?when=upcoming')).json().total).toBe(2);
  });

  it('keeps an agenda of existing proposals in the given order', async () => {
    const url = `/api/v1/assemblies/${spring.id}/agenda`;
    const before = await governanceTableCounts(t.deps);
    expect((await worker.request('PUT', url, { proposalIds: proposals })).statusCode).toBe(403);
    const unknown = await coordinator.request('PUT', url, { proposalIds: [proposals[0], crypto.randomUUID()] });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.code).toBe('governance.unknown_proposals');
    const twice = await coordinator.request('PUT', url, { proposalIds: [proposals[0], proposals[0]] });
    expect(twice.json().error.code).toBe('governance.duplicate_agenda_item');
    expect((await coordinator.request('PUT', url, { proposalIds: ['x'] })).statusCode).toBe(400);
    expect((await coordinator.request('PUT', url, { proposalIds: proposals, extra: true })).statusCode).toBe(400);
    expect(await governanceTableCounts(t.deps)).toEqual(before);

    const res = await coordinator.request('PUT', url, { proposalIds: [proposals[1], proposals[0]] });
    expect(res.statusCode).toBe(200);
    expect(res.json().agenda).toEqual([
      { proposalId: proposals[1], title: 'Buy a van', status: 'draft', position: 1 },
      { proposalId: proposals[0], title: 'Admit Delta', status: 'draft', position: 2 },
    ]);
    const replaced = await coordinator.request('PUT', url, { proposalIds: [proposals[0]] });
    expect(replaced.json().agenda.map((a: { proposalId: string }) => a.proposalId)).toEqual([proposals[0]]);
  });

  it('records who attended, only members of the body, for the coordinators only', async () => {
    const url = `/api/v1/assemblies/${spring.id}/attendance`;
    const suspended = await makeCoop(t.deps, { status: 'suspended' });
    const outsider = await makePerson(t.deps, { coopId: suspended.id });
    const before = await governanceTableCounts(t.deps);
    expect((await worker.post(url, { personId: workerId })).statusCode).toBe(403);
    expect((await visitor.get(url)).statusCode).toBe(401);
    expect((await worker.get(url)).statusCode).toBe(403);
    const notMember = await coordinator.post(url, { personId: outsider.id });
    expect(notMember.statusCode).toBe(409);
    expect(notMember.json().error.code).toBe('governance.not_a_member');
    expect((await coordinator.post(url, { personId: crypto.randomUUID() })).statusCode).toBe(404);
    expect(await governanceTableCounts(t.deps)).toEqual(before);

    const res = await coordinator.post(url, { personId: workerId });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toEqual({ personId: workerId, displayName: 'Wanda Worker', coopName: 'Gamma' });
    expect((await coordinator.post(url, { personId: workerId })).statusCode).toBe(200);
    expect((await coordinator.get(url)).json()).toMatchObject({ total: 1, items: [{ personId: workerId }] });
    expect((await visitor.get(`/api/v1/assemblies/${spring.id}`)).json().attendanceCount).toBe(1);

    expect((await coordinator.delete(`${url}/${workerId}`)).statusCode).toBe(200);
    expect((await coordinator.delete(`${url}/${workerId}`)).statusCode).toBe(404);
    expect((await coordinator.post(url, { personId: workerId })).statusCode).toBe(201);
    const audit = await t.deps.db.selectFrom('audit_events').select('action').where('subject_id', '=', spring.id).where('action', 'like', 'attendance.%').execute();
    expect(audit.map((a) => a.action).sort()).toEqual(['attendance.recorded', 'attendance.recorded', 'attendance.removed']);
  });

  it('lets a coordinator edit an assembly and keep its minutes', async () => {
    const url = `/api/v1/assemblies/${spring.id}`;
    expect((await worker.patch(url, { minutes: 'hacked' })).statusCode).toBe(403);
    const res = await coordinator.patch(url, { minutes: 'We agreed to meet again.', place: null });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ minutes: 'We agreed to meet again.', place: null, title: 'Spring assembly' });
    const bad = await coordinator.patch(url, { endsAt: '2000-01-01T00:00:00Z' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('governance.bad_times');
    expect((await coordinator.patch(url, { place: 'Casal' })).json().place).toBe('Casal');
  });

  it('publishes an iCalendar feed: CRLF, folded at 75 octets, one event per assembly, UTC times', async () => {
    await create(coordinator, { title: `Long ${'ñ'.repeat(80)}; commas, too`, startsAt: at(200, 9), endsAt: at(200, 13) });
    const res = await visitor.get('/api/v1/assemblies.ics');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/calendar/);
    const body = res.body;
    expect(body.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const line of body.split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    const lines = unfold(body).split('\r\n');
    expect(lines[0]).toBe('BEGIN:VCALENDAR');
    expect(lines).toContain('VERSION:2.0');
    expect(lines.some((l) => l.startsWith('PRODID:'))).toBe(true);
    expect(lines.filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(5);
    expect(lines.filter((l) => l === 'END:VEVENT')).toHaveLength(5);
    expect(lines.filter((l) => l.startsWith('DTSTART:')).every((l) => /^DTSTART:\d{8}T\d{6}Z$/.test(l))).toBe(true);
    expect(lines).toContain('DTSTART:21000302T180000Z');
    expect(lines).toContain(`UID:${spring.id}@coopnet.test`);
    expect(lines).toContain(`SUMMARY:Long ${'ñ'.repeat(80)}\\; commas\\, too`);
    const springDescription = lines.find((l) => l.startsWith('DESCRIPTION:Agenda:'))!;
    expect(springDescription).toContain(`\\n1. Admit Delta — http://coopnet.test/proposals/${proposals[0]}`);
    expect(springDescription).toContain('Video call: https://meet.example.org/spring');
    expect(lines).toContain(`URL:http://coopnet.test/governance#assembly-${spring.id}`);
    expect(lines.at(-2)).toBe('END:VCALENDAR');
  });

  it('refuses bad input with a 4xx and changes nothing', async () => {
    const before = await governanceTableCounts(t.deps);
    const cases: [string, string, unknown, number][] = [
      ['POST', '/api/v1/assemblies', { bodyId: bodies.assembly.id, title: 'T', startsAt: at(1), endsAt: at(2) }, 400],
      ['POST', '/api/v1/assemblies', { bodyId: bodies.assembly.id, title: 'Title', startsAt: at(2), endsAt: at(1) }, 400],
      ['POST', '/api/v1/assemblies', { bodyId: bodies.assembly.id, title: 'Title', startsAt: 'tomorrow', endsAt: at(1) }, 400],
      ['POST', '/api/v1/assemblies', { bodyId: bodies.assembly.id, title: 'Title', startsAt: at(1), endsAt: at(2), videoUrl: 'javascript:alert(1)' }, 400],
      ['POST', '/api/v1/assemblies', { bodyId: bodies.assembly.id, title: 'x'.repeat(201), startsAt: at(1), endsAt: at(2) }, 400],
      ['POST', '/api/v1/assemblies', { bodyId: bodies.assembly.id, title: 'Title', startsAt: at(1), endsAt: at(2), minutes: 'x' }, 400],
      ['POST', '/api/v1/assemblies', { bodyId: crypto.randomUUID(), title: 'Title', startsAt: at(1), endsAt: at(2) }, 404],
      ['PATCH', `/api/v1/assemblies/${crypto.randomUUID()}`, { title: 'Title' }, 404],
      ['PATCH', `/api/v1/assemblies/${spring.id}`, { title: 5 }, 400],
      ['PATCH', `/api/v1/assemblies/${spring.id}`, { bodyId: bodies.council.id }, 400],
      ['PUT', `/api/v1/assemblies/${crypto.randomUUID()}/agenda`, { proposalIds: [] }, 404],
      ['PUT', `/api/v1/assemblies/${spring.id}/agenda`, { proposalIds: 'all' }, 400],
      ['POST', `/api/v1/assemblies/${spring.id}/attendance`, { personId: 'me' }, 400],
      ['POST', `/api/v1/assemblies/${crypto.randomUUID()}/attendance`, { personId: workerId }, 404],
      ['DELETE', `/api/v1/assemblies/${spring.id}/attendance/${crypto.randomUUID()}`, undefined, 404],
    ];
    for (const [method, url, body, status] of cases) {
      const res = await coordinator.request(method as 'POST', url, body);
      expect(res.statusCode, `${method} ${url} ${JSON.stringify(body)}`).toBe(status);
    }
    expect((await visitor.get('/api/v1/assemblies?when=soon')).statusCode).toBe(400);
    expect((await visitor.get(`/api/v1/assemblies/${crypto.randomUUID()}`)).statusCode).toBe(404);
    expect(await governanceTableCounts(t.deps)).toEqual(before);
  });
});
