/**
 * The proposals list tells the reader which matters they may put forward
 * (`abilities.propose`), as the policy that refuses a proposal decides: the
 * web app shows "New proposal" and its matters only from it.
 */
import { beforeAll, expect, it } from 'vitest';
import { Client, describeOnDatabases } from '../../../../test/harness.ts';
import { actorClient, makeCoop } from '../../../../test/factories.ts';
import { makeApiToken } from '../../../../test/people-factories.ts';
import { coordinatorOf, makeWorkers } from '../../../../test/proposals-factories.ts';

const motion = { matter: 'free', title: 'Paint the shared workshop', text: 'In green, in May.', subject: {} };

describeOnDatabases('proposals: what each reader may put forward', (t) => {
  let coordinator: Client;
  let worker: { id: string; client: Client };
  let supporter: Client;
  let suspendedWorker: Client;
  let coopAdmin: Client;

  beforeAll(async () => {
    coordinator = (await coordinatorOf(t)).client;
    worker = (await makeWorkers(t, 1))[0]!;
    supporter = (await actorClient(t.deps, t.app, { supporter: true })).client;
    const coop = await makeCoop(t.deps);
    coopAdmin = (await actorClient(t.deps, t.app, { coopId: coop.id, roles: [{ role: 'coop_admin', coopId: coop.id }] })).client;
    const suspended = await makeCoop(t.deps, { status: 'suspended' });
    suspendedWorker = (await actorClient(t.deps, t.app, { coopId: suspended.id })).client;
  });

  const propose = async (client: Client) => {
    const res = await client.get('/api/v1/proposals?limit=1');
    expect(res.statusCode, res.body).toBe(200);
    return res.json().abilities.propose as string[];
  };

  it('lets a visitor and a supporter put nothing forward, and a supporter who tries is refused', async () => {
    expect(await propose(new Client(t.app))).toEqual([]);
    expect(await propose(supporter)).toEqual([]);
    expect((await supporter.post('/api/v1/proposals', motion)).statusCode).toBe(403);
  });

  it('lets a worker of a member co-op, and a co-op admin, put forward a free proposal only', async () => {
    expect(await propose(worker.client)).toEqual(['free']);
    expect(await propose(coopAdmin)).toEqual(['free']);
    expect((await worker.client.post('/api/v1/proposals', motion)).statusCode).toBe(201);
    const admission = { ...motion, matter: 'admission', subject: { coopId: 'x' } };
    expect((await worker.client.post('/api/v1/proposals', admission)).statusCode).toBe(403);
  });

  it('lets a coordinator put forward every matter', async () => {
    const matters = await propose(coordinator);
    expect(matters).toEqual(expect.arrayContaining(['admission', 'bylaw_change', 'election', 'free', 'suspension']));
  });

  it('tells a program on an API token it may put nothing forward, as the API refuses it', async () => {
    const reader = new Client(t.app);
    reader.bearer = (await makeApiToken(t.deps, worker.id, ['read'])).token;
    const res = await reader.get('/api/v1/proposals?limit=1');
    expect(res.statusCode).toBe(200);
    expect(res.json().abilities.propose).toEqual([]);
    expect((await reader.post('/api/v1/proposals', motion)).statusCode).toBe(403);
  });

  it('counts a worker of a suspended co-op as no member of the network', async () => {
    const matters = await propose(suspendedWorker);
    const tried = await suspendedWorker.post('/api/v1/proposals', motion);
    expect(tried.statusCode === 201).toBe(matters.includes('free'));
  });
});
