import { beforeAll, expect, it } from 'vitest';
import { Client, describeOnDatabases } from '../../../test/harness.ts';
import { actorClient, espigaApplication, makeCoop, tableCounts } from '../../../test/factories.ts';
import { makeApiToken } from '../../../test/people-factories.ts';

type SectorJson = { code: string; names: { en: string; es: string } };

describeOnDatabases("the network's sectors", (t) => {
  let visitor: Client;
  let coordinator: { id: string; client: Client };
  let worker: Client;
  let coopAdmin: Client;
  let coopId: string;

  const sectors = async () => (await visitor.get('/api/v1/sectors')).json().items as SectorJson[];

  beforeAll(async () => {
    visitor = new Client(t.app);
    coordinator = await actorClient(t.deps, t.app, { roles: [{ role: 'coordinator' }] });
    coopId = (await makeCoop(t.deps, { sector: 'bakery' })).id;
    worker = (await actorClient(t.deps, t.app, { coopId })).client;
    coopAdmin = (await actorClient(t.deps, t.app, { coopId, roles: [{ role: 'coop_admin', coopId }] })).client;
  });

  it('lists the sectors a network starts with, each with a name in English and Spanish, to anyone', async () => {
    const res = await visitor.get('/api/v1/sectors');
    expect(res.statusCode).toBe(200);
    const list = res.json().items as SectorJson[];
    expect(list.find((s) => s.code === 'bicycles')).toEqual({ code: 'bicycles', names: { en: 'Bicycles', es: 'Bicicletas' } });
    expect(list.find((s) => s.code === 'home-care')?.names.es).toBe('Atención a domicilio');
    expect(list.every((s) => s.names.en.length > 1 && s.names.es.length > 1)).toBe(true);
  });

  it('lets a coordinator add a sector and rename it, each change audited', async () => {
    const added = await coordinator.client.post('/api/v1/sectors', { code: 'repair-cafe', names: { en: 'Repair café', es: 'Café de reparación' } });
    expect(added.statusCode, added.body).toBe(201);
    expect(added.json()).toEqual({ code: 'repair-cafe', names: { en: 'Repair café', es: 'Café de reparación' } });

    const renamed = await coordinator.client.patch('/api/v1/sectors/repair-cafe', { names: { es: 'Taller de reparación' } });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect((await sectors()).find((s) => s.code === 'repair-cafe')).toEqual({ code: 'repair-cafe', names: { en: 'Repair café', es: 'Taller de reparación' } });

    const audit = await t.deps.db.selectFrom('audit_events').select(['action', 'actor_id']).where('subject_id', '=', 'repair-cafe').orderBy('seq').execute();
    expect(audit).toEqual([
      { action: 'sector.added', actor_id: coordinator.id },
      { action: 'sector.renamed', actor_id: coordinator.id },
    ]);
  });

  it('refuses a sector that exists already, a bad code, and a missing name, changing nothing', async () => {
    const before = await tableCounts(t.deps);
    const exists = await coordinator.client.post('/api/v1/sectors', { code: 'bakery', names: { en: 'Bread', es: 'Pan' } });
    expect(exists.statusCode).toBe(409);
    expect(exists.json().error.code).toBe('sectors.exists');
    for (const body of [
      { code: 'Has Spaces', names: { en: 'Spaces', es: 'Espacios' } },
      { code: '<b>x</b>', names: { en: 'Bold', es: 'Negrita' } },
      { code: 'no-spanish', names: { en: 'No Spanish' } },
      { code: 'extra', names: { en: 'Extra', es: 'Extra' }, more: 1 },
      { code: 'hidden', names: { en: 'Hid\u202Eden', es: 'Oculto' } },
    ]) {
      expect((await coordinator.client.post('/api/v1/sectors', body)).statusCode, JSON.stringify(body)).toBe(400);
    }
    expect((await coordinator.client.patch('/api/v1/sectors/no-such-sector', { names: { en: 'Nothing' } })).statusCode).toBe(404);
    expect(await tableCounts(t.deps)).toEqual(before);
    expect((await sectors()).find((s) => s.code === 'bakery')?.names).toEqual({ en: 'Bakery', es: 'Panadería' });
  });

  it('refuses every change to anyone but a coordinator, and to API tokens without the coordinator scope', async () => {
    const reader = new Client(t.app);
    reader.bearer = (await makeApiToken(t.deps, coordinator.id, ['read'])).token;
    const coordinatorToken = new Client(t.app);
    coordinatorToken.bearer = (await makeApiToken(t.deps, coordinator.id, ['coordinator'])).token;
    const before = await tableCounts(t.deps);
    const body = { code: 'not-allowed', names: { en: 'Not allowed', es: 'No permitido' } };
    expect((await visitor.post('/api/v1/sectors', body)).statusCode).toBe(401);
    expect((await worker.post('/api/v1/sectors', body)).statusCode).toBe(403);
    expect((await coopAdmin.post('/api/v1/sectors', body)).statusCode).toBe(403);
    expect((await worker.patch('/api/v1/sectors/bakery', { names: { en: 'Bread' } })).statusCode).toBe(403);

    expect((await reader.get('/api/v1/sectors')).statusCode).toBe(200);
    expect((await reader.post('/api/v1/sectors', body)).statusCode).toBe(403);
    const viaToken = await coordinatorToken.patch('/api/v1/sectors/bakery', { names: { en: 'Bakery' } });
    expect(viaToken.statusCode, viaToken.body).toBe(200);
    expect((await sectors()).some((s) => s.code === 'not-allowed')).toBe(false);
    // The coordinator's token renamed (to the same name): one audit event, nothing else.
    expect(await tableCounts(t.deps)).toEqual({ ...before, audit_events: before.audit_events! + 1 });
  });

  it('keeps hostile names as text', async () => {
    const hostile = '<img src=x onerror=alert(1)> & "quotes"';
    const res = await coordinator.client.post('/api/v1/sectors', { code: 'hostile', names: { en: hostile, es: hostile } });
    expect(res.statusCode, res.body).toBe(201);
    expect((await sectors()).find((s) => s.code === 'hostile')?.names.en).toBe(hostile);
  });

  it('takes an application only with a sector of the list, with a clear 400', async () => {
    const before = await tableCounts(t.deps);
    const res = await visitor.post('/api/v1/applications', { ...espigaApplication, coop: { ...espigaApplication.coop, sector: 'bakeries' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'sectors.unknown', details: { field: 'coop.sector', unknown: ['bakeries'] } });
    expect(await tableCounts(t.deps)).toEqual(before);
    const ok = await visitor.post('/api/v1/applications', { ...espigaApplication, coop: { ...espigaApplication.coop, sector: 'repair-cafe' } });
    expect(ok.statusCode, ok.body).toBe(201);
  });

  it("changes a co-op's sector only to one of the list", async () => {
    const refused = await coopAdmin.patch(`/api/v1/coops/${coopId}`, { sector: 'made-up' });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.code).toBe('sectors.unknown');
    expect((await visitor.get(`/api/v1/coops/${coopId}`)).json().sector).toBe('bakery');
    const moved = await coopAdmin.patch(`/api/v1/coops/${coopId}`, { sector: 'cafe' });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json().sector).toBe('cafe');
  });

  it('makes and changes offers only for sectors of the list', async () => {
    const offer = { title: 'Bread', terms: 'Show your card.', kind: 'percent', percent: 10, sectors: ['books', 'imaginary'] };
    const before = await tableCounts(t.deps);
    const refused = await coopAdmin.post(`/api/v1/coops/${coopId}/offers`, offer);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error).toMatchObject({ code: 'sectors.unknown', details: { field: 'sectors', unknown: ['imaginary'] } });
    expect(await tableCounts(t.deps)).toEqual(before);

    const made = await coopAdmin.post(`/api/v1/coops/${coopId}/offers`, { ...offer, sectors: ['books'] });
    expect(made.statusCode, made.body).toBe(201);
    const id = made.json().id as string;
    expect((await coopAdmin.patch(`/api/v1/offers/${id}`, { sectors: ['nowhere'] })).statusCode).toBe(400);
    const changed = await coopAdmin.patch(`/api/v1/offers/${id}`, { sectors: ['books', 'transport'] });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json().sectors).toEqual(['books', 'transport']);
  });
});
