import { beforeAll, expect, it } from 'vitest';
import { actorClient } from '../../../test/factories.ts';
import { Client, describeOnDatabases } from '../../../test/harness.ts';
import { makeApiToken } from '../../../test/people-factories.ts';

describeOnDatabases('one’s pledges in one’s account', (t) => {
  const slug = 'food-bank';
  const visitor = () => new Client(t.app);
  let rosa: Client;
  let rosaToken: Client;
  let coordinator: Client;
  let treasurer: Client;
  let worker: Client;
  const made: Record<string, { id: string; reference: string }> = {};

  const pledge = async (email: string, cents: number) => {
    const res = await visitor().post(`/api/v1/campaigns/${slug}/pledges`, { cents, frequency: 'monthly', email });
    expect(res.statusCode).toBe(201);
    return res.json() as { id: string; reference: string };
  };
  const change = (who: Client, id: string, action: string) => who.post(`/api/v1/me/pledges/${id}/changes`, { action });
  const status = async (id: string) =>
    (await t.deps.db.selectFrom('campaign_pledges').select('status').where('id', '=', id).executeTakeFirstOrThrow())
      .status;

  beforeAll(async () => {
    const rosaPerson = await actorClient(t.deps, t.app, { supporter: true, email: `rosa.${t.dialect}@example.org` });
    rosa = rosaPerson.client;
    rosaToken = new Client(t.app);
    rosaToken.bearer = (await makeApiToken(t.deps, rosaPerson.id, ['read'])).token;
    coordinator = (await actorClient(t.deps, t.app, { roles: [{ role: 'coordinator' }] })).client;
    treasurer = (await actorClient(t.deps, t.app, { roles: [{ role: 'treasurer' }] })).client;
    worker = (await actorClient(t.deps, t.app, {})).client;
    const res = await coordinator.post('/api/v1/campaigns', {
      slug,
      ownerKind: 'network',
      ownerName: 'The network',
      title: 'Food bank',
      summary: 'Food for everyone.',
      goalCents: 100_000,
      deadline: '2099-12-31',
      subFund: 'programmes',
    });
    expect(res.statusCode).toBe(201);
    // Rosa's two pledges (one typed in capitals), and a neighbour's.
    made.first = await pledge(`rosa.${t.dialect}@example.org`, 1000);
    made.second = await pledge(`ROSA.${t.dialect}@Example.org`, 2000);
    made.neighbour = await pledge(`neighbour.${t.dialect}@example.org`, 3000);
    // Rosa's first is paid, so it is active and may be paused.
    const dues = await t.deps.db
      .selectFrom('campaign_pledge_dues')
      .select('id')
      .where('pledge_id', '=', made.first.id)
      .executeTakeFirstOrThrow();
    const paid = await treasurer.request(
      'POST',
      `/api/v1/campaigns/dues/${dues.id}/payments`,
      { cents: 1000, date: await t.deps.network.today() },
      { 'idempotency-key': `my-pledges-${t.dialect}` },
    );
    expect(paid.statusCode).toBe(201);
  });

  it('shows a signed-in person the pledges made with their address, and nobody else’s', async () => {
    const mine = (await rosa.get('/api/v1/me/pledges')).json().items as { id: string; status: string }[];
    expect(mine.map((p) => p.id).sort()).toEqual([made.first!.id, made.second!.id].sort());
    expect(mine.find((p) => p.id === made.first!.id)!.status).toBe('active');
    for (const who of [coordinator, treasurer, worker])
      expect((await who.get('/api/v1/me/pledges')).json().items).toEqual([]);
    expect((await visitor().get('/api/v1/me/pledges')).statusCode).toBe(401);
    expect((await rosaToken.get('/api/v1/me/pledges')).statusCode).toBe(403);
  });

  it('lets them pause, resume and cancel their own, by the same rule as the mail’s link', async () => {
    const paused = await change(rosa, made.first!.id, 'pause');
    expect([paused.statusCode, paused.json().status]).toEqual([200, 'paused']);
    expect((await change(rosa, made.first!.id, 'pause')).json().status).toBe('paused');
    expect((await change(rosa, made.first!.id, 'resume')).json().status).toBe('active');
    // A pledge never paid cannot be paused, only cancelled.
    const refused = await change(rosa, made.second!.id, 'pause');
    expect([refused.statusCode, refused.json().error.code]).toEqual([409, 'campaigns.pledge_not_changeable']);
    expect((await change(rosa, made.second!.id, 'cancel')).json().status).toBe('cancelled');
    expect((await change(rosa, made.second!.id, 'resume')).statusCode).toBe(409);
    expect((await change(rosa, made.first!.id, 'hold')).statusCode).toBe(400);
    const audit = await t.deps.db
      .selectFrom('audit_events')
      .select(['action', 'actor_id'])
      .where('subject_id', '=', made.second!.id)
      .where('action', '=', 'campaigns.pledge_cancel')
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]!.actor_id).not.toBeNull();
  });

  it('changes nobody else’s pledge, whoever asks', async () => {
    for (const [who, code] of [
      [rosa, 404],
      [coordinator, 404],
      [treasurer, 404],
      [worker, 404],
      [visitor(), 401],
      [rosaToken, 403],
    ] as const)
      expect((await change(who, made.neighbour!.id, 'cancel')).statusCode).toBe(code);
    expect((await change(rosaToken, made.first!.id, 'cancel')).statusCode).toBe(403);
    expect((await change(rosa, crypto.randomUUID(), 'cancel')).statusCode).toBe(404);
    expect(await status(made.neighbour!.id)).toBe('pending');
    expect(await status(made.first!.id)).toBe('active');
  });
});
