import { beforeAll, expect, it } from 'vitest';
import { Client, describeOnDatabases } from '../../../test/harness.ts';
import { actorClient, espigaApplication, makeCoop, tableCounts } from '../../../test/factories.ts';

// The address as a person may type it: stored in lower case.
const application = { ...espigaApplication, contactEmail: 'Ana@Espiga.example' };

describeOnDatabases('co-ops API', (t) => {
  let visitor: Client;
  beforeAll(async () => {
    visitor = new Client(t.app);
    await makeCoop(t.deps, { name: 'Bicis Solidarias', sector: 'transport' });
    await makeCoop(t.deps, { name: 'Librería 100%_Libre', sector: 'books' });
    await makeCoop(t.deps, { name: 'Hidden Applicant', sector: 'books', status: 'applicant' });
  });

  it('lists member co-ops only, as JSON with paging', async () => {
    const res = await visitor.get('/api/v1/coops');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.items.map((c: { name: string }) => c.name)).toEqual(['Bicis Solidarias', 'Librería 100%_Libre']);
    expect(body.total).toBe(2);
  });

  it('finds a co-op by name, by sector, and treats % and _ literally', async () => {
    expect((await visitor.get('/api/v1/coops?q=bicis')).json().items).toHaveLength(1);
    expect((await visitor.get('/api/v1/coops?sector=books')).json().items[0].name).toBe('Librería 100%_Libre');
    expect((await visitor.get('/api/v1/coops?q=100%25_')).json().items).toHaveLength(1);
    expect((await visitor.get('/api/v1/coops?q=0%25')).json().items).toHaveLength(1);
    expect((await visitor.get('/api/v1/coops?q=%25%25%25')).json().items).toHaveLength(0);
    expect((await visitor.get('/api/v1/coops?q=bicis&sector=books')).json().items).toHaveLength(0);
  });

  it('counts sectors of member co-ops', async () => {
    const res = await visitor.get('/api/v1/coops/sectors');
    expect(res.json().items).toEqual([
      { sector: 'books', count: 1 },
      { sector: 'transport', count: 1 },
    ]);
  });

  it('hides applicants from visitors as if they did not exist', async () => {
    const coops = await t.deps.db.selectFrom('coops').select(['id', 'slug']).where('status', '=', 'applicant').execute();
    const res = await visitor.get(`/api/v1/coops/${coops[0]!.id}`);
    expect(res.statusCode).toBe(404);
    expect((await visitor.get('/api/v1/coops/no-such-slug')).statusCode).toBe(404);
  });

  it('takes an application, which only a vote can admit (admission-vote.test.ts)', async () => {
    const res = await visitor.post('/api/v1/applications', application);
    expect(res.statusCode).toBe(201);
    const { id, coopId } = res.json();
    const mail = await t.deps.db.selectFrom('outbox_mail').selectAll().where('to_address', '=', 'ana@espiga.example').execute();
    expect(mail.map((m) => m.subject)).toContain('We received the application of Panadería La Espiga');

    expect((await visitor.get('/api/v1/applications')).statusCode).toBe(401);
    expect((await visitor.post(`/api/v1/applications/${id}/admit`)).statusCode).toBe(401);
    const { client: worker } = await actorClient(t.deps, t.app, { coopId: (await makeCoop(t.deps)).id });
    expect((await worker.post(`/api/v1/applications/${id}/admit`)).statusCode).toBe(403);

    const { client: coordinator } = await actorClient(t.deps, t.app, { roles: [{ role: 'coordinator' }] });
    const pending = (await coordinator.get('/api/v1/applications?status=pending')).json();
    expect(pending.items).toHaveLength(1);
    expect(pending.items[0].contactEmail).toBe('ana@espiga.example');

    // Admission is the assembly's decision under the bylaws: a coordinator alone cannot admit.
    const before = await tableCounts(t.deps);
    const admitted = await coordinator.post(`/api/v1/applications/${id}/admit`);
    expect(admitted.statusCode).toBe(409);
    expect(admitted.json().error).toMatchObject({ code: 'application.decided_by_vote', details: { body: 'assembly' } });
    expect(await tableCounts(t.deps)).toEqual(before);
    expect((await visitor.get(`/api/v1/coops/${coopId}`)).statusCode).toBe(404);
    expect((await coordinator.get('/api/v1/applications?status=pending')).json().total).toBe(1);
  });

  it('refuses bad applications with a 400 and changes nothing', async () => {
    const before = await tableCounts(t.deps);
    const bad = [
      { ...application, extra: 1 },
      { ...application, contactEmail: 'not-an-email' },
      { ...application, coop: { ...application.coop, workerCount: '7' } },
      { ...application, coop: { ...application.coop, name: 'x'.repeat(500) } },
      { ...application, coop: { ...application.coop, website: 'javascript:alert(1)' } },
      { contactName: 'only' },
    ];
    for (const body of bad) {
      const res = await visitor.post('/api/v1/applications', body);
      expect(res.statusCode, JSON.stringify(body).slice(0, 80)).toBe(400);
      expect(res.json().error.code).toBe('validation_failed');
    }
    const malformed = await visitor.request('POST', '/api/v1/applications', undefined, { 'content-type': 'application/json', 'content-length': '5' });
    expect(malformed.statusCode).toBe(400);
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/applications', headers: { 'content-type': 'application/json' }, payload: '{"coop": ' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('invalid_json');
    expect(await tableCounts(t.deps)).toEqual(before);
  });

  it('lets a co-op admin edit its own profile but not another co-op', async () => {
    const mine = await makeCoop(t.deps, { name: 'Mine' });
    const theirs = await makeCoop(t.deps, { name: 'Theirs' });
    const { client: admin } = await actorClient(t.deps, t.app, { coopId: mine.id, roles: [{ role: 'coop_admin', coopId: mine.id }] });
    const ok = await admin.patch(`/api/v1/coops/${mine.id}`, { description: 'We make good things' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().description).toBe('We make good things');
    expect(ok.json().abilities.update).toBe(true);
    const refused = await admin.patch(`/api/v1/coops/${theirs.id}`, { description: 'hacked' });
    expect(refused.statusCode).toBe(403);
    expect((await visitor.get(`/api/v1/coops/${theirs.id}`)).json().description).toBe('A test co-op');
  });

  it('tells who may manage a co-op’s offers: its admins, not the coordinators who manage its workers', async () => {
    const coop = await makeCoop(t.deps);
    const { client: admin } = await actorClient(t.deps, t.app, { coopId: coop.id, roles: [{ role: 'coop_admin', coopId: coop.id }] });
    const { client: coordinator } = await actorClient(t.deps, t.app, { roles: [{ role: 'coordinator' }] });
    expect((await admin.get(`/api/v1/coops/${coop.id}`)).json().abilities).toMatchObject({ manageWorkers: true, manageOffers: true });
    expect((await coordinator.get(`/api/v1/coops/${coop.id}`)).json().abilities).toMatchObject({ manageWorkers: true, manageOffers: false });
    expect((await visitor.get(`/api/v1/coops/${coop.id}`)).json().abilities).toMatchObject({ manageWorkers: false, manageOffers: false });
  });

  it('refuses a write without the CSRF header', async () => {
    const mine = await makeCoop(t.deps);
    const { client: admin } = await actorClient(t.deps, t.app, { roles: [{ role: 'coop_admin', coopId: mine.id }] });
    admin.csrf = null;
    const res = await admin.patch(`/api/v1/coops/${mine.id}`, { description: 'x' });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('auth.csrf');
  });
});

describeOnDatabases('errors before routing', (t) => {
  it('answers a too-long path parameter in the usual error shape', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/coops/${'x'.repeat(200)}` });
    expect(res.statusCode).toBe(414);
    expect(res.json().error.code).toBe('bad_request');
  });
  it('answers an unknown route with not_found', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/nothing-here' });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('not_found');
  });
});
