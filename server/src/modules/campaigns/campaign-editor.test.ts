import { beforeAll, expect, it } from 'vitest';
import { actorClient, makeCoop } from '../../../test/factories.ts';
import { Client, describeOnDatabases } from '../../../test/harness.ts';
import { makeApiToken } from '../../../test/people-factories.ts';

const addDays = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

describeOnDatabases('editing a campaign', (t) => {
  let coordinator: Client;
  let admin: Client;
  let otherAdmin: Client;
  let worker: Client;
  let coordinatorToken: Client;
  let coopId: string;
  let otherCoopId: string;
  let today: string;
  const slug = 'bakers-strike';
  const visitor = () => new Client(t.app);
  const draft = async () => (await coordinator.get(`/api/v1/campaigns/${slug}/draft`)).json();

  beforeAll(async () => {
    const coop = await makeCoop(t.deps, { name: 'Forn de la Plaça' });
    const other = await makeCoop(t.deps, { name: 'Bicis del Túria' });
    coopId = coop.id;
    otherCoopId = other.id;
    const co = await actorClient(t.deps, t.app, { roles: [{ role: 'coordinator' }] });
    coordinator = co.client;
    coordinatorToken = new Client(t.app);
    coordinatorToken.bearer = (await makeApiToken(t.deps, co.id, ['coordinator'])).token;
    admin = (await actorClient(t.deps, t.app, { coopId, roles: [{ role: 'coop_admin', coopId }] })).client;
    otherAdmin = (
      await actorClient(t.deps, t.app, { coopId: otherCoopId, roles: [{ role: 'coop_admin', coopId: otherCoopId }] })
    ).client;
    worker = (await actorClient(t.deps, t.app, { coopId })).client;
    today = await t.deps.network.today();
    const base = {
      ownerKind: 'coop',
      ownerCoopId: coopId,
      ownerName: 'Forn de la Plaça',
      beneficiaryPrivate: 'The twelve bakers.',
      summary: 'Help them hold out.',
      goalCents: 500_000,
      subFund: 'emergency',
    };
    for (const c of [
      { slug, title: 'Strike fund for the bakers', deadline: addDays(today, 60) },
      { slug: 'old-campaign', title: 'A campaign that ended', deadline: addDays(today, -1) },
    ])
      expect((await coordinator.post('/api/v1/campaigns', { ...base, ...c })).statusCode).toBe(201);
  });

  it('lists open campaigns for anyone, with their progress, and not those past their deadline', async () => {
    const res = await visitor().get('/api/v1/campaigns');
    expect(res.statusCode).toBe(200);
    const items = res.json().items as { slug: string; raisedCents: number; goalCents: number; coverUrl: null }[];
    expect(items.map((i) => i.slug)).toEqual([slug]);
    expect(items[0]).toMatchObject({ raisedCents: 0, goalCents: 500_000, coverUrl: null });
  });

  it('lets coordinators and the owner co-op’s admins load the editor; nobody else', async () => {
    expect((await coordinator.get(`/api/v1/campaigns/${slug}/draft`)).json()).toMatchObject({
      beneficiaryPrivate: 'The twelve bakers.',
      ownerCoopId: coopId,
      canChangeOwner: true,
    });
    const own = await admin.get(`/api/v1/campaigns/${slug}/draft`);
    expect(own.statusCode).toBe(200);
    expect(own.json()).toMatchObject({ beneficiaryPrivate: null, canChangeOwner: false });
    expect((await otherAdmin.get(`/api/v1/campaigns/${slug}/draft`)).statusCode).toBe(403);
    expect((await worker.get(`/api/v1/campaigns/${slug}/draft`)).statusCode).toBe(403);
    expect((await visitor().get(`/api/v1/campaigns/${slug}/draft`)).statusCode).toBe(401);
    expect((await coordinator.get('/api/v1/campaigns/no-such/draft')).statusCode).toBe(404);
  });

  it('lets the owner co-op’s admin change the story and figures, audited, and shows them on the public page', async () => {
    const res = await admin.patch(`/api/v1/campaigns/${slug}`, {
      story: 'Day **ten** of the strike.',
      goalCents: 750_000,
      deadline: addDays(today, 90),
      suggestedCents: [1500, 3000],
      freeAmount: false,
    });
    expect(res.statusCode).toBe(200);
    const page = (await visitor().get(`/api/v1/campaigns/${slug}`)).json();
    expect(page).toMatchObject({
      story: 'Day **ten** of the strike.',
      goalCents: 750_000,
      suggestedCents: [1500, 3000],
      freeAmount: false,
      deadline: addDays(today, 90),
    });
    const audit = await t.deps.db
      .selectFrom('audit_events')
      .selectAll()
      .where('action', '=', 'campaigns.edited')
      .execute();
    expect(audit).toHaveLength(1);
    expect(JSON.parse(String(audit[0]!.after_json))).toMatchObject({ goal_cents: 750_000 });
  });

  it('keeps the owner and who benefits for coordinators to change', async () => {
    const res = await admin.patch(`/api/v1/campaigns/${slug}`, { ownerName: 'Someone else' });
    expect(res.statusCode).toBe(403);
    expect((await admin.patch(`/api/v1/campaigns/${slug}`, { beneficiaryPrivate: '' })).statusCode).toBe(403);
    const moved = await coordinator.patch(`/api/v1/campaigns/${slug}`, {
      ownerKind: 'coop',
      ownerCoopId: otherCoopId,
      ownerName: 'Bicis del Túria',
    });
    expect(moved.statusCode).toBe(200);
    expect(moved.json()).toMatchObject({ ownerCoopId: otherCoopId, ownerName: 'Bicis del Túria' });
    // Now the other co-op's admin edits it, and the first one no longer may.
    expect((await otherAdmin.patch(`/api/v1/campaigns/${slug}`, { summary: 'Their summary.' })).statusCode).toBe(200);
    expect((await admin.patch(`/api/v1/campaigns/${slug}`, { summary: 'Mine.' })).statusCode).toBe(403);
    const back = await coordinator.patch(`/api/v1/campaigns/${slug}`, { ownerCoopId: coopId, ownerName: 'Forn' });
    expect(back.json()).toMatchObject({ ownerCoopId: coopId });
    expect(
      (await coordinator.patch(`/api/v1/campaigns/${slug}`, { ownerCoopId: crypto.randomUUID() })).statusCode,
    ).toBe(400);
  });

  it('refuses another co-op’s admin, a worker, a visitor and any API token', async () => {
    const body = { title: 'Taken over' };
    expect((await otherAdmin.patch(`/api/v1/campaigns/${slug}`, body)).statusCode).toBe(403);
    expect((await worker.patch(`/api/v1/campaigns/${slug}`, body)).statusCode).toBe(403);
    expect((await visitor().patch(`/api/v1/campaigns/${slug}`, body)).statusCode).toBe(401);
    expect((await coordinatorToken.patch(`/api/v1/campaigns/${slug}`, body)).statusCode).toBe(403);
    expect((await draft()).title).toBe('Strike fund for the bakers');
  });

  it('keeps hostile text in the title and summary as text, and refuses control characters, huge values and unknown fields', async () => {
    const title = '<script>alert(1)</script><img src=x onerror=alert(2)>';
    const summary = '"><svg onload=alert(3)> [x](javascript:alert(4))';
    const ok = await coordinator.patch(`/api/v1/campaigns/${slug}`, { title, summary });
    expect(ok.statusCode).toBe(200);
    expect((await visitor().get(`/api/v1/campaigns/${slug}`)).json()).toMatchObject({ title, summary });
    for (const body of [
      { title: 'Bell\u0007' },
      { summary: 'Escape \u001b[31m' },
      { title: 'x'.repeat(201) },
      { story: 'x'.repeat(20_001) },
      { title: '' },
      { goalCents: 0 },
      { goalCents: 1.5 },
      { deadline: 'tomorrow' },
      { slug: 'another-address' },
      { subFund: 'loans' },
      { suggestedCents: [100, 200, 300, 400, 500, 600, 700, 800, 900] },
    ]) {
      const res = await coordinator.patch(`/api/v1/campaigns/${slug}`, body);
      expect(res.statusCode, JSON.stringify(body).slice(0, 60)).toBe(400);
    }
    expect((await draft()).title).toBe(title);
  });
});
