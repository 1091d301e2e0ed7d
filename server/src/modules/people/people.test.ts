import { beforeAll, expect, it } from 'vitest';
import { Client, describeOnDatabases } from '../../../test/harness.ts';
import { actorClient, makeCoop, makePerson, signIn, tableCounts } from '../../../test/factories.ts';
import { makeApiToken } from '../../../test/people-factories.ts';
import { type WorkerLeftEvent, onWorkerLeft } from './people.service.ts';

describeOnDatabases('people of a co-op', (t) => {
  let visitor: Client;
  let coopA: { id: string; name: string };
  let coopB: { id: string };
  let admin: Client;
  let adminId: string;
  let coordinator: Client;

  const statusOf = async (id: string) =>
    await t.deps.db.selectFrom('people').select(['status', 'left_at']).where('id', '=', id).executeTakeFirstOrThrow();
  const rolesOf = async (id: string) =>
    (await t.deps.db.selectFrom('role_grants').select(['role', 'coop_id']).where('person_id', '=', id).execute())
      .map((r) => r.role)
      .sort();
  const auditOf = async (subjectId: string) =>
    (await t.deps.db.selectFrom('audit_events').select('action').where('subject_id', '=', subjectId).execute()).map(
      (a) => a.action,
    );

  beforeAll(async () => {
    visitor = new Client(t.app);
    coopA = await makeCoop(t.deps, { name: 'Panadería La Espiga' });
    coopB = await makeCoop(t.deps, { name: 'Bicis Solidarias' });
    const a = await actorClient(t.deps, t.app, {
      coopId: coopA.id,
      displayName: 'Ana Admin',
      roles: [{ role: 'coop_admin', coopId: coopA.id }],
    });
    admin = a.client;
    adminId = a.id;
    await makePerson(t.deps, {
      coopId: coopA.id,
      displayName: 'Bea Baker',
      email: 'bea@espiga.example',
      roles: [{ role: 'cashier', coopId: coopA.id }],
    });
    await makePerson(t.deps, { coopId: coopA.id, displayName: 'Carlos Cruz', email: 'carlos@espiga.example' });
    await makePerson(t.deps, { coopId: coopB.id, displayName: 'Dana Bici', email: 'dana@bicis.example' });
    coordinator = (await actorClient(t.deps, t.app, { roles: [{ role: 'coordinator' }] })).client;
  });

  it("lists a co-op's workers with their roles there, searching and filtering", async () => {
    const res = await admin.get(`/api/v1/coops/${coopA.id}/workers`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.total).toBe(3);
    expect(body.items.map((w: { displayName: string }) => w.displayName)).toEqual([
      'Ana Admin',
      'Bea Baker',
      'Carlos Cruz',
    ]);
    expect(body.items[1]).toEqual({
      id: expect.any(String),
      email: 'bea@espiga.example',
      displayName: 'Bea Baker',
      status: 'active',
      roles: ['cashier'],
    });
    expect((await admin.get(`/api/v1/coops/${coopA.id}/workers?q=BAKER`)).json().items).toHaveLength(1);
    expect((await admin.get(`/api/v1/coops/${coopA.id}/workers?q=carlos@`)).json().items).toHaveLength(1);
    expect((await admin.get(`/api/v1/coops/${coopA.id}/workers?q=%25`)).json().items).toHaveLength(0);
    expect((await admin.get(`/api/v1/coops/${coopA.id}/workers?status=invited`)).json().total).toBe(0);
    const paged = (await admin.get(`/api/v1/coops/${coopA.id}/workers?limit=2&offset=2`)).json();
    expect(paged).toMatchObject({ total: 3, limit: 2, offset: 2 });
    expect(paged.items).toHaveLength(1);
    const asCoordinator = await coordinator.get(`/api/v1/coops/${coopB.id}/workers`);
    expect(asCoordinator.json().items.map((w: { email: string }) => w.email)).toEqual(['dana@bicis.example']);
  });

  it("hides a co-op's workers from anyone but its admins and the coordinators", async () => {
    expect((await visitor.get(`/api/v1/coops/${coopA.id}/workers`)).statusCode).toBe(401);
    const { client: workerA } = await actorClient(t.deps, t.app, { coopId: coopA.id });
    const { client: adminB } = await actorClient(t.deps, t.app, {
      coopId: coopB.id,
      roles: [{ role: 'coop_admin', coopId: coopB.id }],
    });
    for (const c of [workerA, adminB]) {
      const res = await c.get(`/api/v1/coops/${coopA.id}/workers`);
      expect(res.statusCode).toBe(404);
      expect(res.json().error.code).toBe('not_found');
    }
    expect((await admin.get(`/api/v1/coops/${coopB.id}/invitations`)).statusCode).toBe(404);
    expect((await admin.get('/api/v1/coops/00000000-0000-4000-8000-000000000000/workers')).statusCode).toBe(404);
    for (const url of [
      '/api/v1/coops/not-a-uuid/workers',
      `/api/v1/coops/${coopA.id}/workers?status=boss`,
      `/api/v1/coops/${coopA.id}/workers?limit=0`,
      `/api/v1/coops/${coopA.id}/workers?limit=1000`,
      `/api/v1/coops/${coopA.id}/workers?sort=name`,
      `/api/v1/coops/${coopA.id}/workers?q=${'x'.repeat(101)}`,
    ]) {
      expect((await admin.get(url)).statusCode, url).toBe(400);
    }
  });

  it('invites a worker: an invited person in the list, a mail with the link masked in the outbox, and the audit', async () => {
    const res = await admin.post(`/api/v1/coops/${coopA.id}/invitations`, {
      email: 'Elena@Espiga.example',
      displayName: 'Elena Ortiz',
      role: 'worker',
    });
    expect(res.statusCode).toBe(201);
    const created = res.json();
    // The link goes only to the invited address, never to the admin; without SMTP it cannot go at all.
    expect(created).toEqual({ id: expect.any(String), email: 'elena@espiga.example', mailed: false });

    const mail = await t.deps.db
      .selectFrom('outbox_mail')
      .selectAll()
      .where('to_address', '=', 'elena@espiga.example')
      .execute();
    expect(mail).toHaveLength(1);
    expect(mail[0]!.subject).toBe('You are invited to Panadería La Espiga on Coopnet');
    expect(mail[0]!.body_text).toContain('http://coopnet.test/invitations/[link hidden]');
    expect(mail[0]!.has_secret).toBe(1);
    expect(mail[0]!.secret).toBeNull();

    const invited = (await admin.get(`/api/v1/coops/${coopA.id}/workers?status=invited`)).json().items;
    expect(invited).toEqual([
      {
        id: expect.any(String),
        email: 'elena@espiga.example',
        displayName: 'Elena Ortiz',
        status: 'invited',
        roles: [],
      },
    ]);
    const list = (await admin.get(`/api/v1/coops/${coopA.id}/invitations`)).json();
    expect(list.items[0]).toEqual({
      id: created.id,
      email: 'elena@espiga.example',
      displayName: 'Elena Ortiz',
      role: 'worker',
      createdAt: expect.any(String),
      expiresAt: expect.any(String),
      acceptedAt: null,
    });
    expect(await auditOf(created.id)).toEqual(['invitation.created']);
    expect(await auditOf(invited[0].id)).toEqual(['worker.invited']);

    // Sending it again makes a new invitation; the person stays one row.
    const again = await admin.post(`/api/v1/coops/${coopA.id}/invitations`, {
      email: 'elena@espiga.example',
      displayName: 'Elena Ortiz',
      role: 'worker',
    });
    expect(again.statusCode).toBe(201);
    expect(again.json().id).not.toBe(created.id);
    expect((await admin.get(`/api/v1/coops/${coopA.id}/invitations`)).json().total).toBe(2);
    expect((await admin.get(`/api/v1/coops/${coopA.id}/workers?status=invited`)).json().total).toBe(1);
  });

  it('refuses to invite an active worker (here or elsewhere), an account, or someone invited by another co-op', async () => {
    await makePerson(t.deps, { supporter: true, email: 'sam@supporter.example' });
    await coordinator.post(`/api/v1/coops/${coopB.id}/invitations`, {
      email: 'fran@bicis.example',
      displayName: 'Fran',
      role: 'worker',
    });
    const before = await tableCounts(t.deps);
    const cases: [string, string][] = [
      ['carlos@espiga.example', 'people.already_member'],
      ['dana@bicis.example', 'people.already_member'],
      ['sam@supporter.example', 'people.already_registered'],
      ['fran@bicis.example', 'people.invited_elsewhere'],
    ];
    for (const [email, code] of cases) {
      const res = await admin.post(`/api/v1/coops/${coopA.id}/invitations`, {
        email,
        displayName: 'Someone',
        role: 'worker',
      });
      expect(res.statusCode, email).toBe(409);
      expect(res.json().error.code).toBe(code);
    }
    expect(await tableCounts(t.deps)).toEqual(before);
  });

  it('refuses bad invitations with a 400, and other co-ops with a 404, changing nothing', async () => {
    const good = { email: 'new@espiga.example', displayName: 'New Person', role: 'worker' };
    const before = await tableCounts(t.deps);
    for (const body of [
      { ...good, extra: true },
      { ...good, email: 'not-an-email' },
      { ...good, role: 'coordinator' },
      { ...good, role: 'cashier' },
      { ...good, displayName: 'x'.repeat(121) },
      { ...good, displayName: '   ' },
      { ...good, displayName: 42 },
      { email: good.email },
    ]) {
      const res = await admin.post(`/api/v1/coops/${coopA.id}/invitations`, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().error.code).toBe('validation_failed');
    }
    expect((await admin.post(`/api/v1/coops/${coopB.id}/invitations`, good)).statusCode).toBe(404);
    expect((await visitor.post(`/api/v1/coops/${coopA.id}/invitations`, good)).statusCode).toBe(401);
    expect(await tableCounts(t.deps)).toEqual(before);
  });

  it('lets no one change the workers of a co-op that left the network', async () => {
    const gone = await makeCoop(t.deps, { status: 'left' });
    expect((await coordinator.get(`/api/v1/coops/${gone.id}/workers`)).statusCode).toBe(200);
    const res = await coordinator.post(`/api/v1/coops/${gone.id}/invitations`, {
      email: 'late@example.org',
      displayName: 'Late',
      role: 'worker',
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('people.coop_left');
  });

  it('removes a worker: left, roles at the co-op gone, signed out everywhere, tokens revoked, card hook told, audited', async () => {
    const w = await makePerson(t.deps, {
      coopId: coopA.id,
      roles: [{ role: 'cashier', coopId: coopA.id }, { role: 'coordinator' }],
    });
    const session = await signIn(t.app, w.email);
    const { id: tokenId, token } = await makeApiToken(t.deps, w.id);
    const heard: WorkerLeftEvent[] = [];
    const stop = onWorkerLeft(async (_trx, e) => void heard.push(e));
    try {
      const res = await admin.delete(`/api/v1/coops/${coopA.id}/workers/${w.id}`);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ id: w.id, status: 'left', roles: [] });
    } finally {
      stop();
    }
    expect(heard).toEqual([
      { personId: w.id, coopId: coopA.id, actorId: adminId, reason: 'removed', at: expect.any(String) },
    ]);
    expect((await statusOf(w.id)).left_at).toEqual(expect.any(String));
    // Only the roles at this co-op go; a network role is not the co-op's to take.
    expect(await rolesOf(w.id)).toEqual(['coordinator']);
    expect((await session.get('/api/v1/auth/session')).json().person).toBeNull();
    const token_ = await t.deps.db
      .selectFrom('api_tokens')
      .select('revoked_at')
      .where('id', '=', tokenId)
      .executeTakeFirstOrThrow();
    expect(token_.revoked_at).not.toBeNull();
    const bearer = new Client(t.app);
    bearer.bearer = token;
    expect((await bearer.get('/api/v1/me')).statusCode).toBe(401);
    expect(await auditOf(w.id)).toContain('worker.removed');
    expect(
      (await admin.get(`/api/v1/coops/${coopA.id}/workers?status=left`)).json().items.map((x: { id: string }) => x.id),
    ).toContain(w.id);

    const again = await admin.delete(`/api/v1/coops/${coopA.id}/workers/${w.id}`);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('people.already_left');
  });

  it('withdraws an invitation by removing the invited worker, so the link no longer works', async () => {
    await admin.post(`/api/v1/coops/${coopA.id}/invitations`, {
      email: 'gil@espiga.example',
      displayName: 'Gil',
      role: 'worker',
    });
    const gil = await t.deps.db
      .selectFrom('people')
      .select('id')
      .where('email', '=', 'gil@espiga.example')
      .executeTakeFirstOrThrow();
    expect((await admin.delete(`/api/v1/coops/${coopA.id}/workers/${gil.id}`)).statusCode).toBe(200);
    const inv = await t.deps.db
      .selectFrom('invitations')
      .select('expires_at')
      .where('email', '=', 'gil@espiga.example')
      .executeTakeFirstOrThrow();
    expect(Date.parse(inv.expires_at)).toBeLessThanOrEqual(Date.now());
    // Invited again later, the same person comes back as invited.
    expect(
      (
        await admin.post(`/api/v1/coops/${coopA.id}/invitations`, {
          email: 'gil@espiga.example',
          displayName: 'Gil',
          role: 'worker',
        })
      ).statusCode,
    ).toBe(201);
    expect((await statusOf(gil.id)).status).toBe('invited');
  });

  it("refuses to remove another co-op's worker, an unknown person, or the last admin", async () => {
    const dana = await t.deps.db
      .selectFrom('people')
      .select('id')
      .where('email', '=', 'dana@bicis.example')
      .executeTakeFirstOrThrow();
    const before = await tableCounts(t.deps);
    expect((await admin.delete(`/api/v1/coops/${coopA.id}/workers/${dana.id}`)).statusCode).toBe(404);
    expect((await admin.delete(`/api/v1/coops/${coopB.id}/workers/${dana.id}`)).statusCode).toBe(404);
    expect(
      (await admin.delete(`/api/v1/coops/${coopA.id}/workers/00000000-0000-4000-8000-000000000000`)).statusCode,
    ).toBe(404);
    expect((await admin.delete(`/api/v1/coops/${coopA.id}/workers/nope`)).statusCode).toBe(400);
    const last = await admin.delete(`/api/v1/coops/${coopA.id}/workers/${adminId}`);
    expect(last.statusCode).toBe(409);
    expect(last.json().error.code).toBe('people.last_admin');
    expect(await tableCounts(t.deps)).toEqual(before);
    expect((await statusOf(dana.id)).status).toBe('active');
  });

  it('undoes a removal when a listener of the leaving fails, so a card is never left alive', async () => {
    const w = await makePerson(t.deps, { coopId: coopA.id });
    const stop = onWorkerLeft(async () => {
      throw new Error('card service down');
    });
    try {
      expect((await admin.delete(`/api/v1/coops/${coopA.id}/workers/${w.id}`)).statusCode).toBe(500);
    } finally {
      stop();
    }
    expect((await statusOf(w.id)).status).toBe('active');
  });

  it('grants and takes back co-op roles, keeping at least one admin', async () => {
    const w = await makePerson(t.deps, { coopId: coopA.id });
    const grant = await admin.post(`/api/v1/coops/${coopA.id}/roles`, { personId: w.id, role: 'cashier' });
    expect(grant.statusCode).toBe(201);
    expect(grant.json()).toMatchObject({ id: w.id, roles: ['cashier'] });
    const twice = await admin.post(`/api/v1/coops/${coopA.id}/roles`, { personId: w.id, role: 'cashier' });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.code).toBe('people.role_already_granted');
    expect(
      (await admin.post(`/api/v1/coops/${coopA.id}/roles`, { personId: w.id, role: 'coop_admin' })).json().roles,
    ).toEqual(['cashier', 'coop_admin']);
    expect(await auditOf(w.id)).toEqual(['role.granted', 'role.granted']);

    const revoked = await admin.delete(`/api/v1/coops/${coopA.id}/roles/${w.id}/cashier`);
    expect(revoked.statusCode).toBe(200);
    expect(revoked.json().roles).toEqual(['coop_admin']);
    expect((await admin.delete(`/api/v1/coops/${coopA.id}/roles/${w.id}/cashier`)).statusCode).toBe(404);

    // Two admins: one may step down; then the other is the last and may not.
    expect((await admin.delete(`/api/v1/coops/${coopA.id}/roles/${w.id}/coop_admin`)).statusCode).toBe(200);
    const last = await admin.delete(`/api/v1/coops/${coopA.id}/roles/${adminId}/coop_admin`);
    expect(last.statusCode).toBe(409);
    expect(last.json().error.code).toBe('people.last_admin');
    const lastByCoordinator = await coordinator.delete(`/api/v1/coops/${coopA.id}/roles/${adminId}/coop_admin`);
    expect(lastByCoordinator.statusCode).toBe(409);
    expect(await rolesOf(adminId)).toEqual(['coop_admin']);
    expect(await auditOf(w.id)).toEqual(['role.granted', 'role.granted', 'role.revoked', 'role.revoked']);
  });

  it('gives roles only to active workers of the co-op, and refuses bad requests', async () => {
    const dana = await t.deps.db
      .selectFrom('people')
      .select('id')
      .where('email', '=', 'dana@bicis.example')
      .executeTakeFirstOrThrow();
    const invited = await t.deps.db
      .selectFrom('people')
      .select('id')
      .where('email', '=', 'elena@espiga.example')
      .executeTakeFirstOrThrow();
    const before = await tableCounts(t.deps);
    expect(
      (await admin.post(`/api/v1/coops/${coopA.id}/roles`, { personId: dana.id, role: 'cashier' })).statusCode,
    ).toBe(404);
    expect(
      (await admin.post(`/api/v1/coops/${coopB.id}/roles`, { personId: dana.id, role: 'cashier' })).statusCode,
    ).toBe(404);
    expect(
      (
        await admin.post(`/api/v1/coops/${coopA.id}/roles`, {
          personId: '00000000-0000-4000-8000-000000000000',
          role: 'cashier',
        })
      ).statusCode,
    ).toBe(404);
    const notActive = await admin.post(`/api/v1/coops/${coopA.id}/roles`, { personId: invited.id, role: 'cashier' });
    expect(notActive.statusCode).toBe(409);
    expect(notActive.json().error.code).toBe('people.not_active');
    for (const body of [
      { personId: dana.id, role: 'coordinator' },
      { personId: dana.id, role: 'treasurer' },
      { personId: 'x', role: 'cashier' },
      { personId: dana.id, role: 'cashier', coopId: coopA.id },
      {},
    ]) {
      expect((await admin.post(`/api/v1/coops/${coopA.id}/roles`, body)).statusCode, JSON.stringify(body)).toBe(400);
    }
    expect((await admin.delete(`/api/v1/coops/${coopA.id}/roles/${adminId}/coordinator`)).statusCode).toBe(400);
    expect((await admin.delete(`/api/v1/coops/${coopB.id}/roles/${dana.id}/cashier`)).statusCode).toBe(404);
    expect(await tableCounts(t.deps)).toEqual(before);
  });
});

describeOnDatabases('me', (t) => {
  it('shows the signed-in person as the session does, with their co-op', async () => {
    const coop = await makeCoop(t.deps, { name: 'Imprenta Roja' });
    const { client } = await actorClient(t.deps, t.app, {
      coopId: coop.id,
      displayName: 'Iris',
      roles: [{ role: 'cashier', coopId: coop.id }],
    });
    const res = await client.get('/api/v1/me');
    expect(res.statusCode).toBe(200);
    const me = res.json();
    expect(me.person).toEqual((await client.get('/api/v1/auth/session')).json().person);
    expect(me.coop).toMatchObject({ id: coop.id, name: 'Imprenta Roja' });
    expect(me.locale).toBeNull();
    expect((await new Client(t.app).get('/api/v1/me')).statusCode).toBe(401);
    const { client: supporter } = await actorClient(t.deps, t.app, { supporter: true });
    expect((await supporter.get('/api/v1/me')).json()).toMatchObject({ coop: null, person: { supporter: true } });
  });

  it('changes one’s own name and language, audited; refuses bad input', async () => {
    const { client, id } = await actorClient(t.deps, t.app, { displayName: 'Juan' });
    const res = await client.patch('/api/v1/me', { displayName: '  Juan Pérez ', locale: 'es' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ person: { displayName: 'Juan Pérez' }, locale: 'es' });
    const audit = await t.deps.db.selectFrom('audit_events').selectAll().where('subject_id', '=', id).execute();
    expect(audit.map((a) => a.action)).toEqual(['person.updated']);
    expect(JSON.parse(audit[0]!.after_json!)).toEqual({ display_name: 'Juan Pérez', locale: 'es' });
    // Nothing new: nothing recorded.
    expect((await client.patch('/api/v1/me', { locale: 'es' })).statusCode).toBe(200);
    expect((await client.patch('/api/v1/me', {})).statusCode).toBe(200);
    const before = await tableCounts(t.deps);
    for (const body of [
      { locale: 'fr' },
      { displayName: '' },
      { displayName: 'x'.repeat(121) },
      { email: 'new@example.org' },
      { displayName: 7 },
    ]) {
      expect((await client.patch('/api/v1/me', body)).statusCode, JSON.stringify(body)).toBe(400);
    }
    expect((await new Client(t.app).patch('/api/v1/me', { locale: 'en' })).statusCode).toBe(401);
    expect(await tableCounts(t.deps)).toEqual(before);
  });

  it('lets a supporter leave the network: signed out, cannot sign in, history kept', async () => {
    const { client, id, email } = await actorClient(t.deps, t.app, { supporter: true, roles: [{ role: 'treasurer' }] });
    await makeApiToken(t.deps, id);
    const res = await client.post('/api/v1/me/leave');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ ok: true });
    expect((await client.get('/api/v1/auth/session')).json().person).toBeNull();
    const login = await new Client(t.app).post('/api/v1/auth/login', { email, password: 'correct horse battery' });
    expect(login.statusCode).toBe(401);
    const row = await t.deps.db.selectFrom('people').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'left', email });
    const grants = await t.deps.db.selectFrom('role_grants').select('id').where('person_id', '=', id).execute();
    expect(grants).toHaveLength(0);
    const tokens = await t.deps.db.selectFrom('api_tokens').select('revoked_at').where('person_id', '=', id).execute();
    expect(tokens.every((tk) => tk.revoked_at !== null)).toBe(true);
    const audit = await t.deps.db.selectFrom('audit_events').selectAll().where('subject_id', '=', id).execute();
    expect(audit.map((a) => a.action)).toEqual(['person.left']);
    expect(JSON.parse(audit[0]!.before_json!)).toEqual({
      status: 'active',
      roles: [{ role: 'treasurer', coopId: null }],
    });
  });

  it('tells the card hook when a worker leaves, and refuses leaving through an API token', async () => {
    const coop = await makeCoop(t.deps);
    const { client, id } = await actorClient(t.deps, t.app, { coopId: coop.id });
    const bearer = new Client(t.app);
    bearer.bearer = (await makeApiToken(t.deps, id)).token;
    const refused = await bearer.post('/api/v1/me/leave');
    expect(refused.statusCode).toBe(403);
    const heard: string[] = [];
    const stop = onWorkerLeft(async (_trx, e) => void heard.push(`${e.personId}:${e.coopId}:${e.reason}`));
    try {
      expect((await client.post('/api/v1/me/leave', { extra: 1 })).statusCode).toBe(400);
      expect((await client.post('/api/v1/me/leave')).statusCode).toBe(200);
    } finally {
      stop();
    }
    expect(heard).toEqual([`${id}:${coop.id}:left`]);
    expect((await new Client(t.app).post('/api/v1/me/leave')).statusCode).toBe(401);
  });
});
