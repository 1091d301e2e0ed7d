import { expect, it } from 'vitest';
import { tableCounts, makePerson } from '../../test/factories.ts';
import { Client, describeOnDatabases } from '../../test/harness.ts';
import { createCoordinator } from './create-admin.ts';

describeOnDatabases('coopnet create-admin', (t) => {
  it('creates a coordinator who can sign in, with a generated password when none is given', async () => {
    const made = await createCoordinator(t.deps.db, { email: 'Rosa.Marti@Example.org', name: 'Rosa Martí' });
    expect(made).toMatchObject({ email: 'rosa.marti@example.org', created: true });
    expect(made.generatedPassword).toMatch(/^[\w-]{16}$/);
    const client = new Client(t.app);
    const res = await client.post('/api/v1/auth/login', { email: 'rosa.marti@example.org', password: made.generatedPassword });
    expect(res.statusCode).toBe(200);
    expect(res.json().person.roles).toEqual([{ role: 'coordinator', coopId: null }]);
    const audit = await t.deps.db.selectFrom('audit_events').select('action').where('subject_id', '=', made.personId).execute();
    expect(audit.map((a) => a.action).sort()).toEqual(['person.created', 'role.granted']);
  });

  it('uses the given password, and makes an existing account a coordinator without touching its password', async () => {
    const made = await createCoordinator(t.deps.db, { email: 'pau@example.org', name: 'Pau', password: 'a long enough password' });
    expect(made.generatedPassword).toBeNull();
    expect((await new Client(t.app).post('/api/v1/auth/login', { email: 'pau@example.org', password: 'a long enough password' })).statusCode).toBe(200);

    const existing = await makePerson(t.deps, { email: 'worker@example.org' });
    const again = await createCoordinator(t.deps.db, { email: 'worker@example.org', name: 'Ignored' });
    expect(again).toMatchObject({ personId: existing.id, created: false, generatedPassword: null });
    const twice = await createCoordinator(t.deps.db, { email: 'worker@example.org', name: 'Ignored' });
    expect(twice.created).toBe(false);
    const grants = await t.deps.db.selectFrom('role_grants').select('role').where('person_id', '=', existing.id).execute();
    expect(grants).toEqual([{ role: 'coordinator' }]);
  });

  it('refuses a bad e-mail, an empty name or a short password, changing nothing', async () => {
    const before = await tableCounts(t.deps);
    await expect(createCoordinator(t.deps.db, { email: 'not-an-email', name: 'X' })).rejects.toThrow(/--email/);
    await expect(createCoordinator(t.deps.db, { email: 'ok@example.org', name: '  ' })).rejects.toThrow(/--name/);
    await expect(createCoordinator(t.deps.db, { email: 'ok@example.org', name: 'X', password: 'short' })).rejects.toThrow(/COOPNET_ADMIN_PASSWORD/);
    await expect(createCoordinator(t.deps.db, { email: 'ok@example.org', name: 'x'.repeat(200) })).rejects.toThrow(/--name/);
    expect(await tableCounts(t.deps)).toEqual(before);
  });
});
