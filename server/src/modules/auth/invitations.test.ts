import { expect, it } from 'vitest';
import { Client, describeOnDatabases } from '../../../test/harness.ts';
import { makeCoop, makePerson } from '../../../test/factories.ts';
import { accountCounts, makeInvitation, makeInvitedPerson } from '../../../test/auth-factories.ts';

const PASSWORD = 'my chosen passphrase';

describeOnDatabases('accepting invitations', (t) => {
  const visitor = () => new Client(t.app);
  const accept = (client: Client, token: string, displayName = 'Rosa Parks') =>
    client.post('/api/v1/auth/invitations/accept', { token, password: PASSWORD, displayName });

  it('shows a valid invitation to whoever holds the link', async () => {
    const coop = await makeCoop(t.deps, { name: 'Tienda Común' });
    const inv = await makeInvitation(t.deps, {
      email: 'rosa@example.org',
      displayName: 'Rosa',
      coopId: coop.id,
      coopName: coop.name,
      role: 'coop_admin',
    });
    const res = await visitor().get(`/api/v1/auth/invitations/${inv.token}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      email: 'rosa@example.org',
      displayName: 'Rosa',
      coopName: 'Tienda Común',
      role: 'coop_admin',
      existingAccount: false,
    });
  });

  it('makes a new worker of the co-op, signed in, with the invitation marked and audited', async () => {
    const coop = await makeCoop(t.deps, { name: 'Pan y Rosas' });
    const inv = await makeInvitation(t.deps, { coopId: coop.id, coopName: coop.name, role: 'worker' });
    const client = visitor();
    const res = await accept(client, inv.token, '  Rosa  ');
    expect(res.statusCode).toBe(200);
    const { person, csrfToken } = res.json();
    expect(person).toMatchObject({
      email: inv.email,
      displayName: 'Rosa',
      coopId: coop.id,
      coopName: 'Pan y Rosas',
      supporter: false,
      roles: [],
    });
    client.csrf = csrfToken;
    expect((await client.get('/api/v1/auth/session')).json().person.id).toBe(person.id);

    const row = await t.deps.db
      .selectFrom('invitations')
      .selectAll()
      .where('id', '=', inv.id)
      .executeTakeFirstOrThrow();
    expect(row.accepted_at).not.toBeNull();
    expect(row.person_id).toBe(person.id);
    const audit = await t.deps.db
      .selectFrom('audit_events')
      .select('action')
      .where('actor_id', '=', person.id)
      .orderBy('seq')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['person.created', 'invitation.accepted']);
    expect((await visitor().post('/api/v1/auth/login', { email: inv.email, password: PASSWORD })).statusCode).toBe(200);

    // The link is spent.
    expect((await visitor().get(`/api/v1/auth/invitations/${inv.token}`)).statusCode).toBe(404);
    expect((await accept(visitor(), inv.token)).statusCode).toBe(404);
  });

  it('grants co-op admin of that co-op, or coordinator, when the invitation says so', async () => {
    const coop = await makeCoop(t.deps);
    const admin = await makeInvitation(t.deps, { coopId: coop.id, coopName: coop.name, role: 'coop_admin' });
    const adminClient = visitor();
    const a = await accept(adminClient, admin.token);
    expect(a.json().person.roles).toEqual([{ role: 'coop_admin', coopId: coop.id }]);
    expect(a.json().person.coopId).toBe(coop.id);
    expect((await adminClient.get('/api/v1/auth/session')).json().abilities.adminOfCoops).toEqual([coop.id]);

    const coordinator = await makeInvitation(t.deps, { role: 'coordinator' });
    const c = await accept(visitor(), coordinator.token);
    expect(c.statusCode).toBe(200);
    expect(c.json().person).toMatchObject({ coopId: null, roles: [{ role: 'coordinator', coopId: null }] });
    const audit = await t.deps.db
      .selectFrom('audit_events')
      .select('action')
      .where('subject_id', '=', c.json().person.id)
      .execute();
    expect(audit.map((e) => e.action)).toContain('role.granted');
  });

  it('activates a person a CSV import created, keeping their id', async () => {
    const coop = await makeCoop(t.deps);
    const imported = await makeInvitedPerson(t.deps, {
      email: 'imported@example.org',
      coopId: coop.id,
      displayName: 'Imported',
    });
    const inv = await makeInvitation(t.deps, { email: 'imported@example.org', coopId: coop.id, coopName: coop.name });
    const before = await accountCounts(t.deps);
    const res = await accept(visitor(), inv.token, 'Imported Worker');
    expect(res.statusCode).toBe(200);
    expect(res.json().person).toMatchObject({ id: imported.id, displayName: 'Imported Worker', coopId: coop.id });
    const row = await t.deps.db
      .selectFrom('people')
      .selectAll()
      .where('id', '=', imported.id)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe('active');
    expect(row.password_hash).toMatch(/^scrypt\$/);
    expect((await accountCounts(t.deps)).people).toBe(before.people);
  });

  it('refuses an e-mail that is already an active account to anyone but its owner, and changes nothing', async () => {
    const p = await makePerson(t.deps);
    const coop = await makeCoop(t.deps);
    const inv = await makeInvitation(t.deps, {
      email: p.email,
      coopId: coop.id,
      coopName: coop.name,
      role: 'coop_admin',
    });
    const before = await accountCounts(t.deps);
    const res = await accept(visitor(), inv.token);
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('auth.invitation_owner_only');
    expect(await accountCounts(t.deps)).toEqual(before);
    const row = await t.deps.db
      .selectFrom('invitations')
      .select('accepted_at')
      .where('id', '=', inv.id)
      .executeTakeFirstOrThrow();
    expect(row.accepted_at).toBeNull();
  });

  it('lets a link work once when it is used twice at the same moment', async () => {
    const coop = await makeCoop(t.deps);
    // Twenty rounds: the second request may land at any point of the first one's transaction.
    for (const [round, imported] of Array.from({ length: 20 }, (_, i) => [i, i % 2 === 1] as const)) {
      const email = `race-${round}@example.org`;
      if (imported) await makeInvitedPerson(t.deps, { email, coopId: coop.id });
      const inv = await makeInvitation(t.deps, { email, coopId: coop.id, coopName: coop.name, role: 'coop_admin' });
      const results = await Promise.all([
        accept(visitor(), inv.token, 'First'),
        accept(visitor(), inv.token, 'Second'),
      ]);
      const codes = results.map((r) => r.statusCode).sort();
      expect(codes[0]).toBe(200);
      expect([404, 409]).toContain(codes[1]);
      expect(await t.deps.db.selectFrom('people').select('id').where('email', '=', email).execute()).toHaveLength(1);
      const grants = await t.deps.db
        .selectFrom('role_grants')
        .innerJoin('people', 'people.id', 'role_grants.person_id')
        .select('role')
        .where('people.email', '=', email)
        .execute();
      expect(grants).toHaveLength(1);
    }
  });

  it('answers 404 for unknown, expired or accepted links and for a co-op that is no longer a member', async () => {
    const suspended = await makeCoop(t.deps);
    const left = await makeCoop(t.deps);
    const ofSuspended = await makeInvitation(t.deps, { coopId: suspended.id, coopName: suspended.name });
    const ofLeft = await makeInvitation(t.deps, { coopId: left.id, coopName: left.name });
    await t.deps.db.updateTable('coops').set({ status: 'suspended' }).where('id', '=', suspended.id).execute();
    await t.deps.db.updateTable('coops').set({ status: 'left' }).where('id', '=', left.id).execute();
    const expired = await makeInvitation(t.deps, { role: 'coordinator' });
    await t.deps.db
      .updateTable('invitations')
      .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
      .where('id', '=', expired.id)
      .execute();

    const before = await accountCounts(t.deps);
    for (const token of [ofSuspended.token, ofLeft.token, expired.token, 'x'.repeat(32)]) {
      const view = await visitor().get(`/api/v1/auth/invitations/${token}`);
      expect(view.statusCode).toBe(404);
      expect(view.json().error.code).toBe('not_found');
      const res = await accept(visitor(), token);
      expect(res.statusCode).toBe(404);
    }
    expect(await accountCounts(t.deps)).toEqual(before);
  });

  it('refuses bad input with 400 and changes nothing', async () => {
    const coop = await makeCoop(t.deps);
    const inv = await makeInvitation(t.deps, { coopId: coop.id, coopName: coop.name });
    const good = { token: inv.token, password: PASSWORD, displayName: 'Good Name' };
    const before = await accountCounts(t.deps);
    const bad = [
      {},
      { ...good, extra: 1 },
      { ...good, role: 'coordinator' },
      { ...good, password: 'short' },
      { ...good, password: 'x'.repeat(201) },
      { ...good, displayName: '' },
      { ...good, displayName: 'x'.repeat(121) },
      { ...good, displayName: 12 },
      { ...good, token: 'short' },
      { ...good, token: 'x'.repeat(201) },
      { ...good, token: ['x'.repeat(20)] },
    ];
    for (const body of bad) {
      const res = await visitor().post('/api/v1/auth/invitations/accept', body);
      expect(res.statusCode, JSON.stringify(body).slice(0, 80)).toBe(400);
      expect(res.json().error.code).toBe('validation_failed');
    }
    expect((await visitor().get('/api/v1/auth/invitations/short')).statusCode).toBe(400);
    // Past Fastify's path-parameter limit the answer is 414, still a 4xx.
    expect((await visitor().get(`/api/v1/auth/invitations/${'x'.repeat(201)}`)).statusCode).toBe(414);
    expect(await accountCounts(t.deps)).toEqual(before);
    expect((await visitor().get(`/api/v1/auth/invitations/${inv.token}`)).statusCode).toBe(200);
  });
});
