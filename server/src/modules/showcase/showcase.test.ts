import { beforeAll, expect, it } from 'vitest';
import { actorClient, makeCoop, makePerson } from '../../../test/factories.ts';
import { makeOffer } from '../../../test/benefits-factories.ts';
import { Client, describeOnDatabases } from '../../../test/harness.ts';
import { type Holder, makeHolder, redeem } from '../../../test/reciprocity-factories.ts';

interface Position {
  coopId: string;
  givenCents: number;
  givenCount: number;
  receivedCents: number;
  receivedCount: number;
}

/** January to `month` of its year, as YYYY-MM. */
function monthsOfYearTo(month: string): string[] {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return Array.from({ length: m }, (_, i) => `${y}-${String(i + 1).padStart(2, '0')}`);
}

/** The month before `month` (YYYY-MM). */
function monthBefore(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const d = new Date(Date.UTC(y, m - 2, 1));
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
}

describeOnDatabases('the shop window', (t) => {
  let month: string;
  let a: { id: string; name: string };
  let b: { id: string; name: string };
  let c: { id: string; name: string };
  let gone: { id: string; name: string };
  let worker: Client;
  let adminOfA: Client;
  let visitor: Client;

  beforeAll(async () => {
    month = await t.deps.network.month();
    const earlier = monthBefore(month);
    const lastYear = `${Number(month.slice(0, 4)) - 1}-06`;
    a = await makeCoop(t.deps, { name: 'Forn La Espiga', sector: 'food' });
    b = await makeCoop(t.deps, { name: 'Bicis del Túria', sector: 'bicycles' });
    c = await makeCoop(t.deps, { name: 'Cervesa Lliure', sector: 'food' });
    gone = await makeCoop(t.deps, { name: 'Gone Co-op', status: 'left' });
    worker = (await actorClient(t.deps, t.app, { coopId: b.id, displayName: 'Marta Worker-Name' })).client;
    adminOfA = (await actorClient(t.deps, t.app, { coopId: a.id, roles: [{ role: 'coop_admin', coopId: a.id }] })).client;
    visitor = new Client(t.app);
    const [ofA, ofB, ofC]: [Holder, Holder, Holder] = [await makeHolder(t.deps, a.id), await makeHolder(t.deps, b.id), await makeHolder(t.deps, c.id)];
    const supporter = await makeHolder(t.deps, null);
    // This month: a gave b twice and a supporter once, b gave a once, c gave a once (flagged, accepted).
    await redeem(t.deps, a.id, ofB, month, 1000);
    await redeem(t.deps, a.id, ofB, month, 550);
    await redeem(t.deps, a.id, supporter, month, 200);
    await redeem(t.deps, b.id, ofA, month, 300);
    await redeem(t.deps, c.id, ofA, month, 400, 'limit_exceeded', 'accepted');
    // Flags not decided, or rejected, count nowhere.
    await redeem(t.deps, a.id, ofC, month, 9000, 'synced_late');
    await redeem(t.deps, b.id, ofC, month, 8000, 'cap_exceeded', 'rejected');
    // A co-op that has left still gave; a sale of last month counted this month (its month was settled) counts now.
    await redeem(t.deps, gone.id, ofB, month, 125);
    await redeem(t.deps, c.id, ofB, earlier, 777);
    if (earlier.slice(0, 4) === month.slice(0, 4)) {
      await t.deps.db.updateTable('redemptions').set({ accounting_month: month }).where('discount_cents', '=', 777).execute();
    }
    // Earlier this year (or last December, in January), and last year: in the year's figure or in none.
    await redeem(t.deps, b.id, ofA, earlier, 650);
    await redeem(t.deps, a.id, ofC, lastYear, 5000);
    await makeOffer(t.deps, a.id, { title: 'Bread for workers' });
    await makeOffer(t.deps, b.id, { title: 'Repairs half price', percent: 50 });
    await makeOffer(t.deps, c.id, { title: 'Closed offer', status: 'paused' });
    await makeOffer(t.deps, gone.id, { title: 'Offer of a co-op that left' });
  });

  it("shows this month's savings: the sum of the month's discounts in the reciprocity accounts", async () => {
    const accounts = await worker.get(`/api/v1/reciprocity?month=${month}`);
    expect(accounts.statusCode).toBe(200);
    const res = await visitor.get('/api/v1/showcase');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.month).toBe(month);
    expect(body.currency).toBe('EUR');
    expect(body.savings.monthCents).toBe(accounts.json().totalCents);
    expect(body.savings.monthCount).toBe(accounts.json().totalCount);
    // 1000 + 550 + 200 + 300 + 400 + 125 (+ 777 when last month is of this year and was counted now).
    const moved = monthBefore(month).slice(0, 4) === month.slice(0, 4) ? 777 : 0;
    expect(body.savings.monthCents).toBe(2575 + moved);
  });

  it("shows this year's savings: the sum of the year's months in the accounts, last year's left out", async () => {
    let cents = 0;
    let count = 0;
    for (const m of monthsOfYearTo(month)) {
      const r = (await worker.get(`/api/v1/reciprocity?month=${m}`)).json();
      cents += r.totalCents;
      count += r.totalCount;
    }
    const body = (await visitor.get('/api/v1/showcase')).json();
    expect(body.savings.yearCents).toBe(cents);
    expect(body.savings.yearCount).toBe(count);
    // Last year's 5000 is in no figure; last month's 650 is in this year's unless this is January.
    const sameYear = monthBefore(month).slice(0, 4) === month.slice(0, 4);
    expect(body.savings.yearCents).toBe(body.savings.monthCents + (sameYear ? 650 : 0));
  });

  it("shows a co-op's given and its workers' savings elsewhere as the accounts' positions say", async () => {
    for (const coop of [a, b, c]) {
      const expected = { given: { month: 0, year: 0, count: 0 }, received: { month: 0, year: 0, count: 0 } };
      for (const m of monthsOfYearTo(month)) {
        const p: Position | undefined = (await worker.get(`/api/v1/reciprocity?month=${m}`)).json().positions.find((x: Position) => x.coopId === coop.id);
        expected.given.year += p?.givenCents ?? 0;
        expected.received.year += p?.receivedCents ?? 0;
        if (m === month) {
          expected.given.month = p?.givenCents ?? 0;
          expected.given.count = p?.givenCount ?? 0;
          expected.received.month = p?.receivedCents ?? 0;
          expected.received.count = p?.receivedCount ?? 0;
        }
      }
      const res = await visitor.get(`/api/v1/showcase/coops/${coop.id}`);
      expect(res.statusCode).toBe(200);
      const body = res.json();
      expect(body.given).toMatchObject({ monthCents: expected.given.month, monthCount: expected.given.count, yearCents: expected.given.year });
      expect(body.received).toMatchObject({ monthCents: expected.received.month, monthCount: expected.received.count, yearCents: expected.received.year });
    }
    // Spelled out for a: gave 1000 + 550 + 200, its workers got 300 + 400 this month.
    const ofA = (await visitor.get(`/api/v1/showcase/coops/${a.id}`)).json();
    expect(ofA.given.monthCents).toBe(1750);
    expect(ofA.received.monthCents).toBe(700);
  });

  it('shows a few open offers of member co-ops, the member co-ops and no person', async () => {
    const res = await visitor.get('/api/v1/showcase');
    const body = res.json();
    const titles = body.offers.map((o: { title: string }) => o.title);
    expect(titles).toEqual(expect.arrayContaining(['Bread for workers', 'Repairs half price']));
    expect(titles).not.toContain('Closed offer');
    expect(titles).not.toContain('Offer of a co-op that left');
    expect(body.offers.find((o: { title: string }) => o.title === 'Repairs half price')).toMatchObject({ coopName: b.name });
    expect(body.coops.total).toBe(3);
    expect(body.coops.items.map((x: { name: string }) => x.name)).toEqual(['Bicis del Túria', 'Cervesa Lliure', 'Forn La Espiga']);
    expect(body.coops.items[0]).toMatchObject({ sector: 'bicycles', logoUrl: null });
    expect(body.nextAssembly).toBeNull();
    expect(res.body).not.toContain('Worker-Name');
    expect(res.body).not.toContain('@example.org');
  });

  it('shows the next assembly not yet over', async () => {
    const body = (await t.deps.db.selectFrom('bodies').select('id').limit(1).executeTakeFirst())!;
    const soon = new Date(Date.now() + 3 * 86_400_000).toISOString();
    const later = new Date(Date.now() + 30 * 86_400_000).toISOString();
    const past = new Date(Date.now() - 3 * 86_400_000).toISOString();
    const row = (id: string, title: string, at: string) => ({
      id,
      body_id: body.id,
      title,
      starts_at: at,
      ends_at: new Date(Date.parse(at) + 7_200_000).toISOString(),
      place: 'La Fàbrica',
      video_url: null,
      minutes: null,
      created_at: at,
      updated_at: at,
    });
    await t.deps.db
      .insertInto('assemblies')
      .values([row('00000000-0000-4000-8000-000000000001', 'Later one', later), row('00000000-0000-4000-8000-000000000002', 'Spring assembly', soon), row('00000000-0000-4000-8000-000000000003', 'Past one', past)])
      .execute();
    const next = (await visitor.get('/api/v1/showcase')).json().nextAssembly;
    expect(next).toMatchObject({ title: 'Spring assembly', place: 'La Fàbrica', startsAt: soon });
  });

  it('counts the workers the network knows the same way everywhere; the declared head count stays apart', async () => {
    // a has two active workers made above (its admin, a card holder) and one who left; its declared head count is 5.
    const left = await makePerson(t.deps, { coopId: a.id });
    await t.deps.db.updateTable('people').set({ status: 'left' }).where('id', '=', left.id).execute();
    const page = await visitor.get('/api/v1/coops?limit=1000');
    const items: { id: string; knownWorkers: number; workerCount: number }[] = page.json().items;
    const network = (await visitor.get('/api/v1/network')).json();
    expect(network.figures.workers).toBe(items.reduce((s, x) => s + x.knownWorkers, 0));

    const listed = (await adminOfA.get(`/api/v1/coops/${a.id}/workers?status=active&limit=100`)).json();
    const coopA = (await visitor.get(`/api/v1/coops/${a.id}`)).json();
    expect(coopA.knownWorkers).toBe(listed.total);
    expect(coopA.knownWorkers).toBe(2);
    expect(coopA.workerCount).toBe(5);
    expect(items.find((x) => x.id === a.id)).toMatchObject({ knownWorkers: 2, workerCount: 5 });
  });

  it('answers 404 for a co-op that is not there, and a bad id with 400, changing nothing', async () => {
    expect((await visitor.get('/api/v1/showcase/coops/00000000-0000-4000-8000-00000000dead')).statusCode).toBe(404);
    const bad = await visitor.get('/api/v1/showcase/coops/%3Cscript%3E');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBeTruthy();
  });
});
