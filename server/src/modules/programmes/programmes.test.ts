import ical from 'node-ical';
import { beforeAll, expect, it } from 'vitest';
import { actorClient, makeCoop } from '../../../test/factories.ts';
import { Client, describeOnDatabases } from '../../../test/harness.ts';

const inDays = (d: number, h = 9) => {
  const t = new Date(Date.now() + d * 86_400_000);
  t.setUTCHours(h, 0, 0, 0);
  return t.toISOString();
};

/** The Monday of the week `weeksAgo` weeks before this one. */
const mondayAgo = (weeksAgo: number) => {
  const t = new Date();
  t.setUTCDate(t.getUTCDate() - ((t.getUTCDay() + 6) % 7) - 7 * weeksAgo);
  return t.toISOString().slice(0, 10);
};
const dayAfter = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

describeOnDatabases('community programmes and their volunteer shifts', (t) => {
  let coordinator: Client;
  let lead: { id: string; client: Client };
  let worker: { id: string; client: Client };
  let otherWorker: { id: string; client: Client };
  let admin: Client;
  let treasurer: Client;
  let visitor: Client;
  let foodBank: string;

  beforeAll(async () => {
    const forn = await makeCoop(t.deps, { name: 'Forn de la Plaça' });
    const bicis = await makeCoop(t.deps, { name: 'Bicis del Túria' });
    coordinator = (await actorClient(t.deps, t.app, { roles: [{ role: 'coordinator' }] })).client;
    treasurer = (await actorClient(t.deps, t.app, { roles: [{ role: 'treasurer' }] })).client;
    lead = await actorClient(t.deps, t.app, { coopId: forn.id, displayName: 'Amparo Lead' });
    worker = await actorClient(t.deps, t.app, { coopId: forn.id });
    otherWorker = await actorClient(t.deps, t.app, { coopId: bicis.id });
    admin = (await actorClient(t.deps, t.app, { coopId: bicis.id, roles: [{ role: 'coop_admin', coopId: bicis.id }] }))
      .client;
    visitor = new Client(t.app);
    const res = await coordinator.post('/api/v1/programmes', {
      kind: 'food_bank',
      name: 'Food bank of the Plaça',
      description: 'Sorting and handing out food, Saturdays.',
      coordinatorIds: [lead.id],
    });
    expect(res.statusCode).toBe(201);
    foodBank = res.json().id;
  });

  it('only a coordinator starts a programme; anyone reads it', async () => {
    const body = { kind: 'breakfast', name: 'Breakfast', description: 'Free breakfast', coordinatorIds: [lead.id] };
    expect((await visitor.post('/api/v1/programmes', body)).statusCode).toBe(401);
    for (const c of [worker.client, admin, treasurer])
      expect((await c.post('/api/v1/programmes', body)).statusCode).toBe(403);
    const read = await visitor.get(`/api/v1/programmes/${foodBank}`);
    expect(read.statusCode).toBe(200);
    expect(read.json()).toMatchObject({
      name: 'Food bank of the Plaça',
      coordinators: [{ name: 'Amparo Lead' }],
      canAddShifts: false,
    });
    expect((await visitor.get('/api/v1/programmes')).json().items.map((p: { id: string }) => p.id)).toContain(foodBank);
    const audit = await t.deps.db
      .selectFrom('audit_events')
      .select('action')
      .where('subject_id', '=', foodBank)
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['programme.created']);
  });

  it('the programme’s coordinators and network coordinators create shifts; others may not', async () => {
    const shift = { title: 'Sorting', startsAt: inDays(2), endsAt: inDays(2, 12), places: 3 };
    for (const c of [worker.client, otherWorker.client, admin, treasurer])
      expect((await c.post(`/api/v1/programmes/${foodBank}/shifts`, shift)).statusCode).toBe(403);
    expect((await visitor.post(`/api/v1/programmes/${foodBank}/shifts`, shift)).statusCode).toBe(401);
    expect((await lead.client.post(`/api/v1/programmes/${foodBank}/shifts`, shift)).statusCode).toBe(201);
    expect((await coordinator.post(`/api/v1/programmes/${foodBank}/shifts`, shift)).statusCode).toBe(201);
    expect((await lead.client.get(`/api/v1/programmes/${foodBank}`)).json().canAddShifts).toBe(true);
    const backwards = await lead.client.post(`/api/v1/programmes/${foodBank}/shifts`, {
      ...shift,
      endsAt: inDays(2, 8),
    });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().error.code).toBe('programmes.ends_before_start');
  });

  it('refuses hostile text, and shows HTML as the text it is', async () => {
    const base = { kind: 'media', description: 'x', coordinatorIds: [lead.id] };
    for (const name of ['a\u0007b', 'x'.repeat(121), 'evil\u202Eeman', ''])
      expect((await coordinator.post('/api/v1/programmes', { ...base, name })).statusCode).toBe(400);
    expect(
      (await coordinator.post('/api/v1/programmes', { ...base, name: 'ok', description: 'y'.repeat(4001) })).statusCode,
    ).toBe(400);
    expect((await coordinator.post('/api/v1/programmes', { ...base, name: 'ok', kind: 'casino' })).statusCode).toBe(
      400,
    );
    const html = '<script>alert(1)</script><b>radio</b>';
    const res = await coordinator.post('/api/v1/programmes', { ...base, name: 'Radio', description: html });
    expect((await visitor.get(`/api/v1/programmes/${res.json().id}`)).json().description).toBe(html);
    const huge = await lead.client.post(`/api/v1/programmes/${foodBank}/shifts`, {
      title: 'x',
      startsAt: inDays(1),
      endsAt: inDays(1, 10),
      places: 1e9,
    });
    expect(huge.statusCode).toBe(400);
  });

  it('members sign up and withdraw; a full shift refuses more; visitors may not sign up', async () => {
    const shift = (
      await lead.client.post(`/api/v1/programmes/${foodBank}/shifts`, {
        title: 'Handing out',
        startsAt: inDays(3),
        endsAt: inDays(3, 11),
        places: 1,
      })
    ).json();
    const url = `/api/v1/programmes/${foodBank}/shifts/${shift.id}/signup`;
    expect((await visitor.post(url)).statusCode).toBe(401);
    const mine = await worker.client.post(url);
    expect(mine.statusCode).toBe(200);
    expect(mine.json()).toMatchObject({ placesLeft: 0, signedUp: true });
    const full = await otherWorker.client.post(url);
    expect(full.statusCode).toBe(409);
    expect(full.json().error.code).toBe('programmes.shift_full');
    expect((await worker.client.delete(url)).json()).toMatchObject({ placesLeft: 1, signedUp: false });
    expect((await otherWorker.client.post(url)).statusCode).toBe(200);
    const page = (await otherWorker.client.get(`/api/v1/programmes/${foodBank}`)).json();
    expect(page.shifts.find((s: { id: string }) => s.id === shift.id)).toMatchObject({ signedUp: true, placesLeft: 0 });
  });

  it('two sign-ups for the last place: one wins', async () => {
    const shift = (
      await lead.client.post(`/api/v1/programmes/${foodBank}/shifts`, {
        title: 'Last place',
        startsAt: inDays(4),
        endsAt: inDays(4, 11),
        places: 1,
      })
    ).json();
    const url = `/api/v1/programmes/${foodBank}/shifts/${shift.id}/signup`;
    const results = await Promise.all([worker.client.post(url), otherWorker.client.post(url)]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const rows = await t.deps.db
      .selectFrom('programme_signups')
      .select('person_id')
      .where('shift_id', '=', shift.id)
      .execute();
    expect(rows).toHaveLength(1);
  });

  it('a person’s shifts as iCalendar, parsed independently, and not readable without the link’s secret', async () => {
    const shift = (
      await lead.client.post(`/api/v1/programmes/${foodBank}/shifts`, {
        title: 'Sorting; tins, jars',
        startsAt: inDays(5),
        endsAt: inDays(5, 12),
        places: 5,
      })
    ).json();
    expect((await worker.client.post(`/api/v1/programmes/${foodBank}/shifts/${shift.id}/signup`)).statusCode).toBe(200);
    expect((await visitor.post('/api/v1/programmes/calendar-link')).statusCode).toBe(401);
    const link = await worker.client.post('/api/v1/programmes/calendar-link');
    expect(link.statusCode).toBe(201);
    const { token, path } = link.json();
    const stored = await t.deps.db
      .selectFrom('programme_calendar_links')
      .select('token_hash')
      .where('person_id', '=', worker.id)
      .executeTakeFirstOrThrow();
    expect(stored.token_hash).not.toContain(token);

    const feed = await visitor.get(path);
    expect(feed.statusCode).toBe(200);
    expect(feed.headers['content-type']).toMatch(/^text\/calendar/);
    const events = Object.values(ical.sync.parseICS(feed.body)).filter((e) => e.type === 'VEVENT');
    const event = events.find((e) => e.type === 'VEVENT' && String(e.summary).startsWith('Sorting; tins, jars'));
    expect(event).toBeDefined();
    if (event?.type !== 'VEVENT') throw new Error('no event');
    expect(String(event.summary)).toBe('Sorting; tins, jars — Food bank of the Plaça');
    expect(event.start.toISOString()).toBe(shift.startsAt);
    expect(event.end.toISOString()).toBe(shift.endsAt);

    const wrong = `${token.slice(0, -2)}${token.endsWith('AA') ? 'BB' : 'AA'}`;
    expect((await visitor.get(`/api/v1/programmes/calendar/${wrong}.ics`)).statusCode).toBe(404);
    expect((await visitor.get('/api/v1/programmes/calendar/short.ics')).statusCode).toBe(400);
    // A new link ends the old one.
    const again = (await worker.client.post('/api/v1/programmes/calendar-link')).json();
    expect((await visitor.get(path)).statusCode).toBe(404);
    expect((await visitor.get(again.path)).statusCode).toBe(200);
  });

  it('the programme’s coordinators report a week’s figure; others may not; a figure reported again replaces it', async () => {
    const url = `/api/v1/programmes/${foodBank}/figures`;
    const figure = { measure: 'Meals served', weekOf: mondayAgo(2), value: 140 };
    expect((await visitor.post(url, figure)).statusCode).toBe(401);
    for (const c of [worker.client, admin, treasurer]) expect((await c.post(url, figure)).statusCode).toBe(403);
    expect((await lead.client.post(url, figure)).statusCode).toBe(200);
    expect((await lead.client.post(url, { ...figure, value: 150 })).statusCode).toBe(200);
    expect((await coordinator.post(url, { ...figure, weekOf: mondayAgo(1), value: 160 })).statusCode).toBe(200);
    const tuesday = await lead.client.post(url, { ...figure, weekOf: dayAfter(mondayAgo(2)) });
    expect([tuesday.statusCode, tuesday.json().error.code]).toEqual([400, 'programmes.week_of']);
    for (const bad of [
      { ...figure, value: -1 },
      { ...figure, value: 1.5 },
      { ...figure, measure: '<b>\u0000</b>' },
    ])
      expect((await lead.client.post(url, bad)).statusCode).toBe(400);
    const read = (await visitor.get(`/api/v1/programmes/${foodBank}`)).json();
    expect(read.figures).toEqual([
      { measure: 'Meals served', weekOf: mondayAgo(2), value: 150 },
      { measure: 'Meals served', weekOf: mondayAgo(1), value: 160 },
    ]);
  });
});
