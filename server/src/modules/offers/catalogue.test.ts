import type { LightMyRequestResponse } from 'fastify';
import { benefits } from '@coopnet/domain';
import { beforeAll, expect, it } from 'vitest';
import { Client, describeOnDatabases } from '../../../test/harness.ts';
import { actorClient, makeCoop } from '../../../test/factories.ts';
import { makeOffer } from '../../../test/benefits-factories.ts';

/** Far ahead of UTC, so "today" at the network is often tomorrow in UTC. */
const TIME_ZONE = 'Pacific/Kiritimati';
const VALENCIA = { lat: 39.4699, lng: -0.3763 };

const titles = (res: LightMyRequestResponse) => {
  expect(res.statusCode, res.body).toBe(200);
  return (res.json().items as { title: string }[]).map((o) => o.title);
};

function dayAfter(day: string, n: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}

describeOnDatabases('the offer catalogue', (t) => {
  let visitor: Client;
  const coops: Record<'A' | 'B' | 'C' | 'D' | 'S' | 'P', string> = { A: '', B: '', C: '', D: '', S: '', P: '' };
  const hidden: string[] = [];
  const listed: string[] = [];

  beforeAll(async () => {
    visitor = new Client(t.app);
    await t.deps.db.updateTable('network').set({ time_zone: TIME_ZONE }).execute();
    t.deps.network.invalidate(); // written behind the app's back
    const today = benefits.localDate(new Date(), TIME_ZONE);

    const place = async (id: string, at: { lat: number; lng: number } | null) =>
      await t.deps.db.updateTable('coops').set({ latitude: at?.lat ?? null, longitude: at?.lng ?? null }).where('id', '=', id).execute();
    coops.A = (await makeCoop(t.deps, { name: 'Alpha Bakery', sector: 'food' })).id;
    coops.B = (await makeCoop(t.deps, { name: 'Bicis', sector: 'transport' })).id;
    coops.C = (await makeCoop(t.deps, { name: 'Cine', sector: 'culture' })).id;
    coops.D = (await makeCoop(t.deps, { name: 'Dunes', sector: 'food' })).id;
    coops.S = (await makeCoop(t.deps, { name: 'Suspended Shop', sector: 'food', status: 'suspended' })).id;
    coops.P = (await makeCoop(t.deps, { name: 'Applicant Shop', sector: 'food', status: 'applicant' })).id;
    await place(coops.A, VALENCIA);
    await place(coops.B, { lat: VALENCIA.lat + 0.018, lng: VALENCIA.lng }); // 2 km north
    await place(coops.C, { lat: VALENCIA.lat + 0.18, lng: VALENCIA.lng }); // 20 km north
    await place(coops.D, null); // not on the map

    const show = async (coop: string, o: Parameters<typeof makeOffer>[2]) => listed.push((await makeOffer(t.deps, coop, o)).id);
    const hide = async (coop: string, o: Parameters<typeof makeOffer>[2]) => hidden.push((await makeOffer(t.deps, coop, o)).id);
    await show(coops.A, { title: 'Bread ten off' });
    await show(coops.A, { title: 'Cake for supporters', for_workers: 0, for_supporters: 1 });
    await show(coops.A, { title: 'Starts today', valid_from: today });
    await show(coops.A, { title: 'Ends today', valid_until: today, for_supporters: 1 });
    await show(coops.B, { title: 'Bike repair', sectors_json: '["food"]' });
    await show(coops.B, { title: 'Helmet', sectors_json: '["culture"]' });
    await show(coops.C, { title: 'Cinema ticket', for_supporters: 1 });
    await show(coops.D, { title: 'Dune walk' });
    await hide(coops.A, { title: 'Paused bread', status: 'paused', for_supporters: 1 });
    await hide(coops.A, { title: 'Ended bread', status: 'ended', for_supporters: 1 });
    await hide(coops.A, { title: 'Not yet', valid_from: dayAfter(today, 1), for_supporters: 1 });
    await hide(coops.A, { title: 'Expired', valid_until: dayAfter(today, -1), for_supporters: 1 });
    await hide(coops.S, { title: 'Suspended co-op offer', for_supporters: 1 });
    await hide(coops.P, { title: 'Applicant co-op offer', for_supporters: 1 });
  });

  const everything = ['Bread ten off', 'Cake for supporters', 'Ends today', 'Starts today', 'Bike repair', 'Helmet', 'Cinema ticket', 'Dune walk'];

  it("lists what is on offer today at member co-ops, by co-op then title, to anyone", async () => {
    const res = await visitor.get('/api/v1/offers');
    expect(titles(res)).toEqual(everything);
    const body = res.json();
    expect(body).toMatchObject({ total: 8, limit: 50, offset: 0 });
    expect(body.items[0]).toMatchObject({ coopName: 'Alpha Bakery', coopSector: 'food', kind: 'percent', percent: 20, distanceKm: null });
  });

  it('pages', async () => {
    const res = await visitor.get('/api/v1/offers?limit=3&offset=2');
    expect(titles(res)).toEqual(['Ends today', 'Starts today', 'Bike repair']);
    expect(res.json()).toMatchObject({ total: 8, limit: 3, offset: 2 });
  });

  it('filters by the sector of the offering co-op, and by co-op', async () => {
    expect(titles(await visitor.get('/api/v1/offers?sector=transport'))).toEqual(['Bike repair', 'Helmet']);
    expect(titles(await visitor.get('/api/v1/offers?sector=food'))).toEqual(['Bread ten off', 'Cake for supporters', 'Ends today', 'Starts today', 'Dune walk']);
    expect(titles(await visitor.get('/api/v1/offers?sector=nothing'))).toEqual([]);
    expect(titles(await visitor.get(`/api/v1/offers?coopId=${coops.C}`))).toEqual(['Cinema ticket']);
    expect(titles(await visitor.get(`/api/v1/offers?coopId=${coops.S}`))).toEqual([]);
    expect(titles(await visitor.get('/api/v1/offers?sector='))).toEqual(everything);
  });

  it("shows a worker what is open to them: other co-ops' offers for workers of their sector", async () => {
    const food = (await actorClient(t.deps, t.app, { coopId: coops.A })).client;
    expect(titles(await food.get('/api/v1/offers?openToMe=1'))).toEqual(['Bike repair', 'Cinema ticket', 'Dune walk']);
    const culture = (await actorClient(t.deps, t.app, { coopId: coops.C })).client;
    expect(titles(await culture.get('/api/v1/offers?openToMe=true'))).toEqual(['Bread ten off', 'Ends today', 'Starts today', 'Helmet', 'Dune walk']);
    expect(titles(await culture.get('/api/v1/offers?openToMe=true&sector=transport'))).toEqual(['Helmet']);
    // openToMe=0 is the whole catalogue.
    expect(titles(await food.get('/api/v1/offers?openToMe=0'))).toEqual(everything);
  });

  it('shows a supporter only the offers for supporters', async () => {
    const supporter = (await actorClient(t.deps, t.app, { supporter: true })).client;
    expect(titles(await supporter.get('/api/v1/offers?openToMe=1'))).toEqual(['Cake for supporters', 'Ends today', 'Cinema ticket']);
    // A worker of a co-op that is not a member holds a supporter's card at most, as at the till.
    const both = (await actorClient(t.deps, t.app, { coopId: coops.S, supporter: true })).client;
    expect(titles(await both.get('/api/v1/offers?openToMe=1'))).toEqual(['Cake for supporters', 'Ends today', 'Cinema ticket']);
  });

  it('opens nothing to someone without a card, and asks a visitor to sign in', async () => {
    const coordinator = (await actorClient(t.deps, t.app, { roles: [{ role: 'coordinator' }] })).client;
    expect((await coordinator.get('/api/v1/offers?openToMe=1')).json()).toEqual({ items: [], total: 0, limit: 50, offset: 0 });
    const suspendedWorker = (await actorClient(t.deps, t.app, { coopId: coops.S })).client;
    expect(titles(await suspendedWorker.get('/api/v1/offers?openToMe=1'))).toEqual([]);
    const res = await visitor.get('/api/v1/offers?openToMe=1');
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('auth.required');
  });

  it('finds offers near a place, nearest first, with their distance', async () => {
    const near = await visitor.get(`/api/v1/offers?lat=${VALENCIA.lat}&lng=${VALENCIA.lng}`);
    expect(titles(near)).toEqual(['Bread ten off', 'Cake for supporters', 'Ends today', 'Starts today', 'Bike repair', 'Helmet']);
    const km = near.json().items.map((o: { distanceKm: number }) => o.distanceKm);
    expect(km.slice(0, 4)).toEqual([0, 0, 0, 0]);
    expect(km[4]).toBeCloseTo(2.0, 1);

    // From 1 km north of B, B is nearest; C is inside 30 km, D is on no map.
    const wider = await visitor.get(`/api/v1/offers?lat=${VALENCIA.lat + 0.027}&lng=${VALENCIA.lng}&radiusKm=30`);
    expect(titles(wider)).toEqual(['Bike repair', 'Helmet', 'Bread ten off', 'Cake for supporters', 'Ends today', 'Starts today', 'Cinema ticket']);
    expect(wider.json().items.at(-1).distanceKm).toBeCloseTo(17.0, 0);

    const food = (await actorClient(t.deps, t.app, { coopId: coops.A })).client;
    expect(titles(await food.get(`/api/v1/offers?openToMe=1&lat=${VALENCIA.lat}&lng=${VALENCIA.lng}&radiusKm=30`))).toEqual(['Bike repair', 'Cinema ticket']);
    expect(titles(await visitor.get('/api/v1/offers?lat=40.4168&lng=-3.7038'))).toEqual([]);
    expect(titles(await visitor.get(`/api/v1/offers?lat=${VALENCIA.lat}&lng=${VALENCIA.lng}&radiusKm=1.5`))).toHaveLength(4);
  });

  it('shows one offer in the catalogue to anyone, and hides the rest as if they did not exist', async () => {
    for (const id of listed) expect((await visitor.get(`/api/v1/offers/${id}`)).statusCode).toBe(200);
    for (const id of hidden) expect((await visitor.get(`/api/v1/offers/${id}`)).statusCode).toBe(404);
    const someone = (await actorClient(t.deps, t.app, { coopId: coops.B })).client;
    for (const id of hidden) expect((await someone.get(`/api/v1/offers/${id}`)).statusCode).toBe(404);
  });

  it("lists a co-op's offers on its page only while it is a member", async () => {
    expect(titles(await visitor.get(`/api/v1/coops/${coops.B}/offers`))).toEqual(['Bike repair', 'Helmet']);
    const suspended = await visitor.get(`/api/v1/coops/${coops.S}/offers`);
    expect(suspended.json()).toEqual({ items: [], abilities: { manage: false } });
    expect((await visitor.get(`/api/v1/coops/${coops.P}/offers`)).statusCode).toBe(404);
  });

  it('refuses a malformed query', async () => {
    for (const query of ['openToMe=maybe', 'radiusKm=0', 'radiusKm=501', 'lat=91&lng=0', 'lat=0&lng=181', 'lat=north&lng=0', 'limit=0', 'limit=201', 'offset=-1', 'coopId=nope', 'colour=red', `sector=${'x'.repeat(61)}`]) {
      const res = await visitor.get(`/api/v1/offers?${query}`);
      expect(res.statusCode, query).toBe(400);
    }
    const half = await visitor.get('/api/v1/offers?lat=39.4');
    expect(half.statusCode).toBe(400);
    expect(half.json().error).toMatchObject({ code: 'offers.invalid', details: { field: 'lng' } });
  });
});
