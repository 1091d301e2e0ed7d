import { beforeAll, expect, it } from 'vitest';
import { Client, describeOnDatabases } from '../../../test/harness.ts';
import { actorClient, makeCoop } from '../../../test/factories.ts';
import { accountCounts } from '../../../test/auth-factories.ts';
import { hashToken } from '../../platform/tokens.ts';

describeOnDatabases('API tokens', (t) => {
  let coopA: { id: string };
  let coopB: { id: string };
  let boss: Awaited<ReturnType<typeof actorClient>>;

  /** A client that authenticates only with the Bearer token: no cookie, no CSRF header. */
  const bearer = (token: string) => {
    const c = new Client(t.app);
    c.bearer = token;
    return c;
  };

  beforeAll(async () => {
    coopA = await makeCoop(t.deps);
    coopB = await makeCoop(t.deps);
    // Someone holding many roles, to see a token keep only some of them.
    boss = await actorClient(t.deps, t.app, {
      coopId: coopA.id,
      roles: [{ role: 'cashier', coopId: coopA.id }, { role: 'coop_admin', coopId: coopA.id }, { role: 'coordinator' }],
    });
  });

  it('creates a token shown once, prefixed cn_, stored only as a hash, and audited', async () => {
    const res = await boss.client.post('/api/v1/auth/tokens', { name: 'Till 1', scopes: [`cashier:${coopA.id}`] });
    expect(res.statusCode).toBe(201);
    const created = res.json();
    expect(created).toMatchObject({ name: 'Till 1', scopes: [`cashier:${coopA.id}`], lastUsedAt: null });
    expect(created.token).toMatch(/^cn_[A-Za-z0-9_-]{20,}$/);
    const row = await t.deps.db
      .selectFrom('api_tokens')
      .selectAll()
      .where('id', '=', created.id)
      .executeTakeFirstOrThrow();
    expect(row.token_hash).toBe(hashToken(t.deps.config.sessionSecret, created.token));
    expect(JSON.stringify(row)).not.toContain(created.token);

    const list = (await boss.client.get('/api/v1/auth/tokens')).json();
    const listed = list.items.find((i: { id: string }) => i.id === created.id);
    expect(listed).toEqual({
      id: created.id,
      name: 'Till 1',
      scopes: [`cashier:${coopA.id}`],
      createdAt: created.createdAt,
      lastUsedAt: null,
    });
    expect(JSON.stringify(list)).not.toContain(created.token);
    const audit = await t.deps.db
      .selectFrom('audit_events')
      .select(['action', 'actor_id'])
      .where('subject_id', '=', created.id)
      .execute();
    expect(audit).toEqual([{ action: 'api_token.created', actor_id: boss.id }]);
  });

  it('acts with only the roles in its scopes, and needs no CSRF header', async () => {
    const { token } = (
      await boss.client.post('/api/v1/auth/tokens', { name: 'Till 2', scopes: [`cashier:${coopA.id}`] })
    ).json();
    const till = bearer(token);
    const session = (await till.get('/api/v1/auth/session')).json();
    expect(session.person.id).toBe(boss.id);
    expect(session.person.roles).toEqual([{ role: 'cashier', coopId: coopA.id }]);
    expect(session.abilities).toMatchObject({
      cashierOfCoops: [coopA.id],
      adminOfCoops: [],
      manageNetwork: false,
      decideApplications: false,
    });
    // The person is an admin of the co-op, but this token is not.
    const refused = await till.patch(`/api/v1/coops/${coopA.id}`, { description: 'from the till' });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('auth.token_scope');

    const { token: adminToken } = (
      await boss.client.post('/api/v1/auth/tokens', { name: 'Shop site', scopes: [`coop_admin:${coopA.id}`] })
    ).json();
    const res = await bearer(adminToken).patch(`/api/v1/coops/${coopA.id}`, { description: 'written with a token' });
    expect(res.statusCode).toBe(200);
    expect(res.json().description).toBe('written with a token');

    const list = (await boss.client.get('/api/v1/auth/tokens')).json();
    expect(list.items.find((i: { name: string }) => i.name === 'Till 2').lastUsedAt).not.toBeNull();
  });

  it('gives a read token the person without any role', async () => {
    const { token } = (await boss.client.post('/api/v1/auth/tokens', { name: 'Reader', scopes: ['read'] })).json();
    const session = (await bearer(token).get('/api/v1/auth/session')).json();
    expect(session.person).toMatchObject({ id: boss.id, coopId: coopA.id, roles: [] });
  });

  it('revokes a token: it then gets 401 and leaves the list', async () => {
    const created = (
      await boss.client.post('/api/v1/auth/tokens', { name: 'Old till', scopes: [`cashier:${coopA.id}`, 'read'] })
    ).json();
    expect((await bearer(created.token).get('/api/v1/auth/session')).statusCode).toBe(200);
    const res = await boss.client.delete(`/api/v1/auth/tokens/${created.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ ok: true });
    const after = await bearer(created.token).get('/api/v1/auth/session');
    expect(after.statusCode).toBe(401);
    expect(after.json().error.code).toBe('auth.invalid_token');
    expect((await bearer('cn_made-up-token-value-xxxxxxxx').get('/api/v1/coops')).statusCode).toBe(401);
    const ids = (await boss.client.get('/api/v1/auth/tokens')).json().items.map((i: { id: string }) => i.id);
    expect(ids).not.toContain(created.id);
    expect((await boss.client.delete(`/api/v1/auth/tokens/${created.id}`)).statusCode).toBe(404);
    const audit = await t.deps.db
      .selectFrom('audit_events')
      .select('action')
      .where('subject_id', '=', created.id)
      .orderBy('seq')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['api_token.created', 'api_token.revoked']);
  });

  it('refuses a scope the person does not hold with 403 auth.scope_not_held', async () => {
    const worker = await actorClient(t.deps, t.app, {
      coopId: coopB.id,
      roles: [{ role: 'cashier', coopId: coopB.id }],
    });
    const before = await accountCounts(t.deps);
    for (const scopes of [
      ['coordinator'],
      [`cashier:${coopA.id}`],
      [`coop_admin:${coopB.id}`],
      ['read', 'treasurer'],
    ]) {
      const res = await worker.client.post('/api/v1/auth/tokens', { name: 'Greedy', scopes });
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe('auth.scope_not_held');
    }
    expect(await accountCounts(t.deps)).toEqual(before);
  });

  it('keeps tokens personal: someone else’s token id is 404 and only my tokens are listed', async () => {
    const mine = (await boss.client.post('/api/v1/auth/tokens', { name: 'Mine', scopes: ['read'] })).json();
    const other = await actorClient(t.deps, t.app);
    expect((await other.client.get('/api/v1/auth/tokens')).json().items).toEqual([]);
    const before = await accountCounts(t.deps);
    const res = await other.client.delete(`/api/v1/auth/tokens/${mine.id}`);
    expect(res.statusCode).toBe(404);
    expect((await other.client.delete(`/api/v1/auth/tokens/${crypto.randomUUID()}`)).statusCode).toBe(404);
    expect(await accountCounts(t.deps)).toEqual(before);
    expect((await bearer(mine.token).get('/api/v1/auth/session')).statusCode).toBe(200);
  });

  it('lets only a signed-in session manage tokens: a visitor gets 401, a token gets 403', async () => {
    const created = (
      await boss.client.post('/api/v1/auth/tokens', { name: 'Coordinator tool', scopes: ['coordinator', 'read'] })
    ).json();
    const before = await accountCounts(t.deps);
    const visitor = new Client(t.app);
    expect((await visitor.get('/api/v1/auth/tokens')).statusCode).toBe(401);
    expect((await visitor.post('/api/v1/auth/tokens', { name: 'x', scopes: ['read'] })).statusCode).toBe(401);
    expect((await visitor.delete(`/api/v1/auth/tokens/${created.id}`)).statusCode).toBe(401);
    const tool = bearer(created.token);
    expect((await tool.get('/api/v1/auth/tokens')).statusCode).toBe(403);
    expect((await tool.post('/api/v1/auth/tokens', { name: 'child', scopes: ['read'] })).statusCode).toBe(403);
    expect((await tool.delete(`/api/v1/auth/tokens/${created.id}`)).statusCode).toBe(403);
    expect(await accountCounts(t.deps)).toEqual(before);
  });

  it('refuses bad input with 400 and changes nothing', async () => {
    const before = await accountCounts(t.deps);
    const bad = [
      {},
      { name: 'x' },
      { scopes: ['read'] },
      { name: 'x', scopes: [] },
      { name: 'x', scopes: 'read' },
      { name: 'x', scopes: ['admin'] },
      { name: 'x', scopes: ['cashier:not-a-uuid'] },
      { name: 'x', scopes: ['read'], expiresAt: '2030-01-01' },
      { name: '', scopes: ['read'] },
      { name: 'x'.repeat(81), scopes: ['read'] },
      { name: 5, scopes: ['read'] },
      { name: 'x', scopes: Array.from({ length: 21 }, () => 'read') },
      { name: 'till\u0007\u001b[31m', scopes: ['read'] },
    ];
    for (const body of bad) {
      const res = await boss.client.post('/api/v1/auth/tokens', body);
      expect(res.statusCode, JSON.stringify(body).slice(0, 80)).toBe(400);
      expect(res.json().error.code).toBe('validation_failed');
    }
    expect((await boss.client.delete('/api/v1/auth/tokens/not-a-uuid')).statusCode).toBe(400);
    expect(await accountCounts(t.deps)).toEqual(before);
  });
});
