/**
 * A co-op's address and its place on the map, as the application and edit
 * forms send them: the address is plain text with limits, kept exactly as
 * typed (hostile text included, never interpreted); the coordinates are
 * numbers within the globe. Bad input is a 400 and changes nothing; another
 * co-op's admin, or a read-only token, cannot move a co-op.
 */
import { beforeAll, expect, it } from 'vitest';
import { Client, describeOnDatabases } from '../../../test/harness.ts';
import { actorClient, espigaApplication, makeCoop, tableCounts } from '../../../test/factories.ts';
import { makeApiToken } from '../../../test/people-factories.ts';

const HOSTILE = `<img src=x onerror="alert(1)"> Carrer d'en Plom 7, 2º-1ª "Baix" & Cía`;

describeOnDatabases('co-op address and location', (t) => {
  let visitor: Client;
  beforeAll(() => {
    visitor = new Client(t.app);
  });

  const apply = (coop: Record<string, unknown>, email: string) =>
    visitor.post('/api/v1/applications', { ...espigaApplication, contactEmail: email, coop: { ...espigaApplication.coop, ...coop } });

  it('takes an application placed on the map, with the address kept as typed', async () => {
    const name = 'Forn del Mapa';
    const res = await apply({ name, address: `  ${HOSTILE}  `, latitude: 39.474512, longitude: -0.376288 }, 'mapa@forn.example');
    expect(res.statusCode).toBe(201);
    const { client: coordinator } = await actorClient(t.deps, t.app, { roles: [{ role: 'coordinator' }] });
    const coop = (await coordinator.get(`/api/v1/coops/${res.json().coopId}`)).json();
    expect(coop).toMatchObject({ name, address: HOSTILE, latitude: 39.474512, longitude: -0.376288 });
  });

  it('takes an address of 200 characters and refuses longer, blank or control characters, changing nothing', async () => {
    expect((await apply({ name: 'Forn Llarg', address: 'a'.repeat(200) }, 'llarg@forn.example')).statusCode).toBe(201);
    const before = await tableCounts(t.deps);
    const bad: Record<string, unknown>[] = [
      { address: 'a'.repeat(201) },
      { address: '   ' },
      { address: '' },
      { address: 'Carrer\u0000Major' },
      { address: 'Carrer\u001bMajor' },
      { address: 42 },
      { address: null },
      { latitude: 90.5, longitude: 0 },
      { latitude: 0, longitude: -180.1 },
      { latitude: '39.47', longitude: '-0.37' },
    ];
    for (const [i, coop] of bad.entries()) {
      const res = await apply({ name: `Forn Dolent ${i}`, ...coop }, `dolent${i}@forn.example`);
      expect(res.statusCode, JSON.stringify(coop).slice(0, 60)).toBe(400);
      expect(res.json().error.code).toBe('validation_failed');
    }
    expect(await tableCounts(t.deps)).toEqual(before);
  });

  it('lets a co-op admin move their co-op and change its address; not another co-op, not with a read token', async () => {
    const mine = await makeCoop(t.deps, { name: 'Forn Meu' });
    const theirs = await makeCoop(t.deps, { name: 'Forn Seu' });
    const { client: admin, id: adminId } = await actorClient(t.deps, t.app, {
      coopId: mine.id,
      roles: [{ role: 'coop_admin', coopId: mine.id }],
    });
    const moved = await admin.patch(`/api/v1/coops/${mine.id}`, { address: HOSTILE, latitude: -33.86, longitude: 151.21 });
    expect(moved.statusCode).toBe(200);
    expect(moved.json()).toMatchObject({ address: HOSTILE, latitude: -33.86, longitude: 151.21 });
    // Taken off the map: both null.
    const off = await admin.patch(`/api/v1/coops/${mine.id}`, { latitude: null, longitude: null });
    expect(off.json()).toMatchObject({ address: HOSTILE, latitude: null, longitude: null });

    const theirsBefore = (await visitor.get(`/api/v1/coops/${theirs.id}`)).json();
    expect((await admin.patch(`/api/v1/coops/${theirs.id}`, { address: 'Carrer Robat 1', latitude: 1, longitude: 1 })).statusCode).toBe(403);
    expect((await admin.patch(`/api/v1/coops/${mine.id}`, { address: 'x'.repeat(201) })).statusCode).toBe(400);

    const reader = new Client(t.app);
    reader.bearer = (await makeApiToken(t.deps, adminId, ['read'])).token;
    expect((await reader.patch(`/api/v1/coops/${mine.id}`, { address: 'Carrer del Token 2' })).statusCode).toBe(403);

    expect((await visitor.get(`/api/v1/coops/${theirs.id}`)).json()).toEqual(theirsBefore);
    expect((await visitor.get(`/api/v1/coops/${mine.id}`)).json()).toMatchObject({ address: HOSTILE, latitude: null });
  });
});
