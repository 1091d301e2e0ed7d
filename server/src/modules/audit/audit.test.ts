import { beforeAll, expect, it } from 'vitest';
import { Client, describeOnDatabases } from '../../../test/harness.ts';
import { actorClient, makeCoop } from '../../../test/factories.ts';
import { newId } from '../../platform/clock.ts';

describeOnDatabases('the audit log and the outbox', (t) => {
  let coordinator: Client;
  let coordinatorId: string;
  let coop: { id: string };
  let admin: Client;
  let adminId: string;

  beforeAll(async () => {
    const c = await actorClient(t.deps, t.app, { roles: [{ role: 'coordinator' }], displayName: 'Carmen Coord' });
    coordinator = c.client;
    coordinatorId = c.id;
    coop = await makeCoop(t.deps, { name: 'Audited' });
    const a = await actorClient(t.deps, t.app, {
      coopId: coop.id,
      displayName: 'Ana Admin',
      roles: [{ role: 'coop_admin', coopId: coop.id }],
    });
    admin = a.client;
    adminId = a.id;
    // An old event, as if written years ago.
    await t.deps.db
      .insertInto('audit_events')
      .values({
        id: newId(),
        seq: 1,
        at: '2020-03-15T10:00:00.000Z',
        actor_id: null,
        action: 'coop.updated',
        subject_type: 'coop',
        subject_id: coop.id,
        coop_id: coop.id,
        before_json: null,
        after_json: '{"name":"Old"}',
      })
      .execute();
    expect((await admin.patch(`/api/v1/coops/${coop.id}`, { description: 'Now audited' })).statusCode).toBe(200);
    expect((await coordinator.patch('/api/v1/network', { name: 'Red Cooperativa' })).statusCode).toBe(200);
    expect(
      (
        await admin.post(`/api/v1/coops/${coop.id}/invitations`, {
          email: 'new@audited.example',
          displayName: 'New',
          role: 'worker',
        })
      ).statusCode,
    ).toBe(201);
  });

  it('lists events newest first, with who did them and what changed', async () => {
    const res = await coordinator.get('/api/v1/audit');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.items.map((e: { action: string }) => e.action)).toEqual([
      'invitation.created',
      'worker.invited',
      'network.updated',
      'coop.updated',
      'coop.updated',
    ]);
    expect(body).toMatchObject({ total: 5, limit: 20, offset: 0 });
    const network = body.items[2];
    expect(network).toMatchObject({
      actorId: coordinatorId,
      actorName: 'Carmen Coord',
      subjectType: 'network',
      coopId: null,
      after: { name: 'Red Cooperativa' },
    });
    expect(network.before).toMatchObject({ name: 'Coopnet' });
    expect(body.items[4]).toMatchObject({
      actorId: null,
      actorName: null,
      at: '2020-03-15T10:00:00.000Z',
      before: null,
    });
  });

  it('filters by action, actor, subject, co-op and time, and pages', async () => {
    const get = async (q: string) => (await coordinator.get(`/api/v1/audit?${q}`)).json();
    expect((await get('action=coop.updated')).total).toBe(2);
    expect((await get(`actorId=${adminId}`)).items.map((e: { action: string }) => e.action)).toEqual([
      'invitation.created',
      'worker.invited',
      'coop.updated',
    ]);
    expect((await get(`subjectId=${coop.id}`)).total).toBe(2);
    expect((await get(`coopId=${coop.id}`)).total).toBe(4);
    expect((await get(`coopId=${coop.id}&action=coop.updated&actorId=${adminId}`)).total).toBe(1);
    expect((await get('to=2020-03-15')).total).toBe(1);
    expect((await get('to=2020-03-14')).total).toBe(0);
    expect((await get('from=2020-03-15T10:00:00Z&to=2020-03-15T10:00:00Z')).total).toBe(1);
    expect((await get('from=2020-03-15T11:00:00%2B01:00&to=2020-03-15T11:00:00%2B01:00')).total).toBe(1);
    expect((await get('from=2021-01-01')).total).toBe(4);
    const page2 = await get('limit=2&offset=2');
    expect(page2).toMatchObject({ total: 5, limit: 2, offset: 2 });
    expect(page2.items.map((e: { action: string }) => e.action)).toEqual(['network.updated', 'coop.updated']);
  });

  it('refuses bad filters with a 400', async () => {
    for (const q of [
      'action=DROP%20TABLE',
      'actorId=me',
      'coopId=1',
      'from=yesterday',
      'to=2020-13-01',
      'limit=101',
      'offset=-1',
      'sort=at',
      `subjectId=${'x'.repeat(101)}`,
    ]) {
      const res = await coordinator.get(`/api/v1/audit?${q}`);
      expect(res.statusCode, q).toBe(400);
      expect(res.json().error.code).toBe('validation_failed');
    }
  });

  it('lists the outbox newest first', async () => {
    const res = await coordinator.get('/api/v1/outbox?limit=1');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ total: 1, limit: 1, offset: 0 });
    expect(body.items[0]).toEqual({
      id: expect.any(String),
      to: 'new@audited.example',
      subject: 'You are invited to Audited on Red Cooperativa',
      text: expect.stringContaining('http://coopnet.test/invitations/[link hidden]'),
      createdAt: expect.any(String),
      sentAt: null,
      // No mail server here: the invitation's link is hidden, not kept, and the mail never goes.
      secretHidden: true,
      withheld: true,
      // Kept here, never tried: there is no mail server.
      state: 'kept',
      attempts: 0,
      lastError: null,
    });
    expect((await coordinator.get('/api/v1/outbox?limit=0')).statusCode).toBe(400);
    expect((await coordinator.get('/api/v1/outbox?to=x')).statusCode).toBe(400);
  });

  it('names the people and co-ops each event speaks of', async () => {
    const items = (await coordinator.get('/api/v1/audit')).json().items;
    const [invitation, invited, network, updated] = items;
    expect(invitation).toMatchObject({
      action: 'invitation.created',
      actorName: 'Ana Admin',
      coopName: 'Audited',
      subjectType: 'invitation',
      subjectName: 'New',
    });
    expect(invited).toMatchObject({
      action: 'worker.invited',
      actorName: 'Ana Admin',
      coopName: 'Audited',
      subjectType: 'person',
      subjectName: 'New',
    });
    expect(network).toMatchObject({ subjectType: 'network', coopName: null, subjectName: null });
    expect(updated).toMatchObject({
      action: 'coop.updated',
      coopName: 'Audited',
      subjectType: 'coop',
      subjectName: 'Audited',
    });
  });

  it('finds people and co-ops by a part of their name, to filter by', async () => {
    const people = (await coordinator.get('/api/v1/audit/people?q=ana%20ad')).json().items;
    expect(people).toEqual([{ id: adminId, name: 'Ana Admin', detail: 'Audited' }]);
    // Any case; a person's e-mail too; `%` and `_` are themselves, not wildcards.
    expect(
      (await coordinator.get('/api/v1/audit/people?q=CARMEN')).json().items.map((p: { id: string }) => p.id),
    ).toEqual([coordinatorId]);
    expect(
      (await coordinator.get('/api/v1/audit/people?q=new%40audited')).json().items.map((p: { name: string }) => p.name),
    ).toEqual(['New']);
    expect((await coordinator.get('/api/v1/audit/people?q=%25')).json().items).toEqual([]);
    expect((await coordinator.get('/api/v1/audit/people?q=_')).json().items).toEqual([]);
    const coops = (await coordinator.get('/api/v1/audit/coops?q=audit')).json().items;
    expect(coops).toEqual([{ id: coop.id, name: 'Audited', detail: expect.any(String) }]);
    expect((await coordinator.get('/api/v1/audit/coops?limit=1')).json().items).toHaveLength(1);
    for (const q of ['limit=0', 'limit=51', `q=${'x'.repeat(101)}`, 'role=admin']) {
      expect((await coordinator.get(`/api/v1/audit/people?${q}`)).statusCode, q).toBe(400);
    }
    // Hostile text is only text.
    expect(
      (await coordinator.get(`/api/v1/audit/coops?q=${encodeURIComponent("'; DROP TABLE coops; --")}`)).json().items,
    ).toEqual([]);
  });

  it('shows both registers, and the names to filter by, to coordinators only', async () => {
    for (const url of ['/api/v1/audit', '/api/v1/outbox', '/api/v1/audit/people', '/api/v1/audit/coops']) {
      expect((await new Client(t.app).get(url)).statusCode).toBe(401);
      expect((await admin.get(url)).statusCode).toBe(403);
      const { client: treasurer } = await actorClient(t.deps, t.app, { roles: [{ role: 'treasurer' }] });
      expect((await treasurer.get(url)).statusCode).toBe(403);
    }
  });
});
