import { expect, it } from 'vitest';
import { Client, describeOnDatabases } from '../../../test/harness.ts';
import { PASSWORD, makeCoop, makePerson, signIn } from '../../../test/factories.ts';
import { accountCounts, mailsTo } from '../../../test/auth-factories.ts';
import { makeApiToken } from '../../../test/people-factories.ts';
import { smtpCatcher } from '../../../test/smtp-catcher.ts';

const NEW_PASSWORD = 'a new long passphrase';
const CHANGE = '/api/v1/me/password';
const smtp = smtpCatcher();

describeOnDatabases('changing one’s password while signed in', (t) => {
  const visitor = () => new Client(t.app);
  const login = (email: string, password: string) => visitor().post('/api/v1/auth/login', { email, password });
  const signedIn = async (c: Client) => (await c.get('/api/v1/auth/session')).json().person !== null;
  const auditOf = (personId: string) =>
    t.deps.db
      .selectFrom('audit_events')
      .select(['action', 'actor_id', 'after_json'])
      .where('subject_id', '=', personId)
      .where('action', '=', 'person.password_changed')
      .execute();

  it('sets the new password, keeps this session, signs the others out, voids reset links, audits and mails', async () => {
    const p = await makePerson(t.deps, { displayName: 'Aina' });
    const here = await signIn(t.app, p.email);
    const phone = await signIn(t.app, p.email);
    const laptop = await signIn(t.app, p.email);
    const { token: apiToken } = await makeApiToken(t.deps, p.id, ['read']);
    expect((await visitor().post('/api/v1/auth/password-reset', { email: p.email })).statusCode).toBe(200);
    const resetToken = await smtp.tokenFor(t.deps, p.email, 'reset-password');

    const res = await here.post(CHANGE, { currentPassword: PASSWORD, newPassword: NEW_PASSWORD });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ ok: true, sessionsEnded: 2 });

    expect(await signedIn(here)).toBe(true);
    expect(await signedIn(phone)).toBe(false);
    expect(await signedIn(laptop)).toBe(false);
    expect((await login(p.email, PASSWORD)).statusCode).toBe(401);
    expect((await login(p.email, NEW_PASSWORD)).statusCode).toBe(200);
    // A link asked for before the change no longer works.
    const reset = await visitor().post('/api/v1/auth/password-reset/confirm', { token: resetToken, password: 'a third passphrase' });
    expect(reset.statusCode).toBe(400);
    expect(reset.json().error.code).toBe('auth.invalid_token');
    // API tokens are the person's to revoke: they keep working.
    const withToken = new Client(t.app);
    withToken.bearer = apiToken;
    expect((await withToken.get('/api/v1/me')).statusCode).toBe(200);

    const audit = await auditOf(p.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]!.actor_id).toBe(p.id);
    expect(JSON.parse(audit[0]!.after_json!)).toMatchObject({ by: 'signed in', sessionsEnded: 2 });
    expect(audit[0]!.after_json).not.toContain(NEW_PASSWORD);

    await smtp.delivered(t.deps);
    const [mail] = smtp.to(p.email);
    expect(mail!.subject).toBe('Your Coopnet password was changed');
    expect(mail!.body).toContain('Hello Aina');
    expect(mail!.body).toMatch(/http:\/\/coopnet\.test\/reset-password\r?\n/);
    for (const secret of [PASSWORD, NEW_PASSWORD, resetToken!]) expect(mail!.body).not.toContain(secret);
    const [stored] = await mailsTo(t.deps, p.email);
    expect(stored!.has_secret).toBe(0);
  });

  it('refuses a wrong current password with 400 auth.wrong_password and changes nothing', async () => {
    const p = await makePerson(t.deps);
    const client = await signIn(t.app, p.email);
    const other = await signIn(t.app, p.email);
    const before = await accountCounts(t.deps);
    for (const currentPassword of [`${PASSWORD}x`, PASSWORD.toUpperCase(), ' ', NEW_PASSWORD]) {
      const res = await client.post(CHANGE, { currentPassword, newPassword: NEW_PASSWORD });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('auth.wrong_password');
    }
    expect(await accountCounts(t.deps)).toEqual(before);
    expect(await signedIn(other)).toBe(true);
    expect((await login(p.email, NEW_PASSWORD)).statusCode).toBe(401);
    expect((await login(p.email, PASSWORD)).statusCode).toBe(200);
  });

  it('counts each try in the sign-in limit of the account: no faster a way to guess than signing in', async () => {
    const p = await makePerson(t.deps);
    const client = await signIn(t.app, p.email); // the first of the 10 tries
    for (let i = 0; i < 9; i++) {
      expect((await client.post(CHANGE, { currentPassword: `guess number ${i}`, newPassword: NEW_PASSWORD })).statusCode).toBe(400);
    }
    const guess = await client.post(CHANGE, { currentPassword: PASSWORD, newPassword: NEW_PASSWORD });
    expect(guess.statusCode).toBe(429);
    expect(guess.json().error.code).toBe('rate_limited');
    // Signing in to the account from the same address is refused too, even with the right password.
    expect((await login(p.email, PASSWORD)).statusCode).toBe(429);
    // Another account is not held up.
    const q = await makePerson(t.deps);
    expect((await login(q.email, PASSWORD)).statusCode).toBe(200);
    await smtp.delivered(t.deps);
    expect(smtp.to(p.email)).toHaveLength(0);
  });

  it('refuses a weak or unchanged new password with 400 and changes nothing', async () => {
    const p = await makePerson(t.deps);
    const client = await signIn(t.app, p.email);
    const before = await accountCounts(t.deps);
    for (const newPassword of ['short', '123456789', 'x'.repeat(201), '', 12345678901]) {
      const res = await client.post(CHANGE, { currentPassword: PASSWORD, newPassword });
      expect(res.statusCode, String(newPassword)).toBe(400);
      expect(res.json().error.code).toBe('validation_failed');
      expect(res.json().error.details[0].path).toBe('body/newPassword');
    }
    const same = await client.post(CHANGE, { currentPassword: PASSWORD, newPassword: PASSWORD });
    expect(same.statusCode).toBe(400);
    expect(same.json().error.code).toBe('auth.same_password');
    for (const body of [{}, { currentPassword: PASSWORD }, { newPassword: NEW_PASSWORD }]) {
      expect((await client.post(CHANGE, body)).statusCode).toBe(400);
    }
    expect(await accountCounts(t.deps)).toEqual(before);
    expect((await login(p.email, PASSWORD)).statusCode).toBe(200);
  });

  it('refuses a visitor (401), a session without its CSRF token (403) and every kind of API token (403)', async () => {
    const coop = await makeCoop(t.deps);
    const p = await makePerson(t.deps, {
      coopId: coop.id,
      roles: [{ role: 'coordinator' }, { role: 'treasurer' }, { role: 'coop_admin', coopId: coop.id }, { role: 'cashier', coopId: coop.id }],
    });
    const body = { currentPassword: PASSWORD, newPassword: NEW_PASSWORD };
    const scopes = [['read'], [`cashier:${coop.id}`], [`coop_admin:${coop.id}`], ['coordinator'], ['treasurer']];
    scopes.push(scopes.flat());
    const tokens = [];
    for (const s of scopes) tokens.push({ scopes: s, token: (await makeApiToken(t.deps, p.id, s)).token });
    const noCsrf = await signIn(t.app, p.email);
    noCsrf.csrf = null;
    const before = await accountCounts(t.deps);

    const anonymous = await visitor().post(CHANGE, body);
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json().error.code).toBe('auth.required');

    const forged = await noCsrf.post(CHANGE, body);
    expect(forged.statusCode).toBe(403);
    expect(forged.json().error.code).toBe('auth.csrf');

    for (const { scopes: s, token } of tokens) {
      const c = new Client(t.app);
      c.bearer = token;
      const res = await c.post(CHANGE, body);
      expect(res.statusCode, s.join(' ')).toBe(403);
      expect(res.json().error.code).toBe('auth.token_scope');
    }
    expect(await accountCounts(t.deps)).toEqual(before);
    expect(await auditOf(p.id)).toHaveLength(0);
    expect((await login(p.email, PASSWORD)).statusCode).toBe(200);
  });

  it('changes only the password of the session’s own account: another account cannot be named', async () => {
    const a = await makePerson(t.deps);
    const b = await makePerson(t.deps);
    const aSession = await signIn(t.app, a.email);
    const bSession = await signIn(t.app, b.email);
    for (const extra of [{ personId: a.id }, { email: a.email }, { id: a.id }]) {
      const res = await bSession.post(CHANGE, { currentPassword: PASSWORD, newPassword: NEW_PASSWORD, ...extra });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('validation_failed');
    }
    // B's own change (both accounts had the same password) leaves A's account as it was.
    expect((await bSession.post(CHANGE, { currentPassword: PASSWORD, newPassword: NEW_PASSWORD })).statusCode).toBe(200);
    expect(await signedIn(aSession)).toBe(true);
    expect((await login(a.email, PASSWORD)).statusCode).toBe(200);
    expect((await login(a.email, NEW_PASSWORD)).statusCode).toBe(401);
    expect(await auditOf(a.id)).toHaveLength(0);
    await smtp.delivered(t.deps);
    expect(smtp.to(a.email)).toHaveLength(0);
  });

  it('refuses hostile text (huge values, control characters) with a 4xx and changes nothing', async () => {
    const p = await makePerson(t.deps);
    const client = await signIn(t.app, p.email);
    const before = await accountCounts(t.deps);
    const bodies = [
      { currentPassword: PASSWORD, newPassword: 'x'.repeat(100_000) },
      { currentPassword: 'x'.repeat(100_000), newPassword: NEW_PASSWORD },
      { currentPassword: PASSWORD, newPassword: `${NEW_PASSWORD}\u0000` },
      { currentPassword: PASSWORD, newPassword: `line one\nline two` },
      { currentPassword: PASSWORD, newPassword: `\u001b[31m${NEW_PASSWORD}` },
      { currentPassword: PASSWORD, newPassword: `${NEW_PASSWORD}\u0085` },
      { currentPassword: PASSWORD, newPassword: ['a long passphrase'] },
      { currentPassword: { $ne: null }, newPassword: NEW_PASSWORD },
    ];
    for (const body of bodies) {
      const res = await client.post(CHANGE, body);
      expect(res.statusCode, JSON.stringify(body).slice(0, 60)).toBe(400);
      expect(res.json().error.code).toBe('validation_failed');
      expect(res.body.length).toBeLessThan(2000);
    }
    // A current password with control characters is only a wrong one.
    const odd = await client.post(CHANGE, { currentPassword: `\u0000${PASSWORD}`, newPassword: NEW_PASSWORD });
    expect(odd.statusCode, odd.body).toBe(400);
    expect(odd.json().error.code).toBe('auth.wrong_password');
    const huge = await client.request('POST', CHANGE, { currentPassword: PASSWORD, newPassword: 'x'.repeat(5 * 1024 * 1024) });
    expect(huge.statusCode).toBe(413);
    expect(await accountCounts(t.deps)).toEqual(before);
    expect((await login(p.email, PASSWORD)).statusCode).toBe(200);
  });
}, smtp.config);
