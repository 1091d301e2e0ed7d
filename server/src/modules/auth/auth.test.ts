import { beforeAll, expect, it } from 'vitest';
import { Client, describeOnDatabases } from '../../../test/harness.ts';
import { PASSWORD, makeCoop, makePerson, signIn } from '../../../test/factories.ts';
import { accountCounts } from '../../../test/auth-factories.ts';
import { smtpCatcher } from '../../../test/smtp-catcher.ts';

const NEW_PASSWORD = 'a new long passphrase';
const smtp = smtpCatcher();

describeOnDatabases('sign in, sign out and sign up', (t) => {
  let visitor: Client;
  beforeAll(() => {
    visitor = new Client(t.app);
  });

  it('signs in with the right password and shows the session, roles and abilities', async () => {
    const coop = await makeCoop(t.deps, { name: 'Bicis' });
    const p = await makePerson(t.deps, { coopId: coop.id, roles: [{ role: 'cashier', coopId: coop.id }] });
    const res = await new Client(t.app).post('/api/v1/auth/login', {
      email: p.email.toUpperCase(),
      password: PASSWORD,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().person).toMatchObject({
      email: p.email,
      coopId: coop.id,
      coopName: 'Bicis',
      supporter: false,
      roles: [{ role: 'cashier', coopId: coop.id }],
    });

    const client = await signIn(t.app, p.email);
    const session = (await client.get('/api/v1/auth/session')).json();
    expect(session.person.id).toBe(p.id);
    expect(session.csrfToken).toBeTypeOf('string');
    expect(session.abilities.cashierOfCoops).toEqual([coop.id]);
  });

  it('sets the session cookie HttpOnly and SameSite=Lax', async () => {
    const p = await makePerson(t.deps);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: p.email, password: PASSWORD },
    });
    const cookie = res.cookies.find((c) => c.name === 'coopnet_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
    expect(cookie.path).toBe('/');
    expect(res.body).not.toContain(cookie.value);
  });

  it('refuses a wrong password or an unknown e-mail alike, with 401 auth.bad_credentials', async () => {
    const p = await makePerson(t.deps);
    for (const body of [
      { email: p.email, password: 'wrong password' },
      { email: 'nobody@example.org', password: PASSWORD },
    ]) {
      const res = await visitor.post('/api/v1/auth/login', body);
      expect(res.statusCode).toBe(401);
      expect(res.json().error.code).toBe('auth.bad_credentials');
    }
    expect(visitor.cookie).toBeNull();
  });

  it('slows brute force: the 11th attempt in the window gets 429, even with the right password', async () => {
    const p = await makePerson(t.deps);
    for (let i = 0; i < 10; i++) {
      expect(
        (await visitor.post('/api/v1/auth/login', { email: p.email, password: `guess number ${i}` })).statusCode,
      ).toBe(401);
    }
    const res = await visitor.post('/api/v1/auth/login', { email: p.email, password: PASSWORD });
    expect(res.statusCode).toBe(429);
    expect(res.json().error.code).toBe('rate_limited');
    // Another account from the same address is not locked out.
    const other = await makePerson(t.deps);
    expect(
      (await new Client(t.app).post('/api/v1/auth/login', { email: other.email, password: PASSWORD })).statusCode,
    ).toBe(200);
  });

  it('ends the session on logout, also for a copy of the cookie', async () => {
    const p = await makePerson(t.deps);
    const client = await signIn(t.app, p.email);
    const stolen = client.cookie!;
    const res = await client.post('/api/v1/auth/logout');
    expect(res.statusCode).toBe(200);
    expect(client.cookie).toBeNull();
    const after = await t.app.inject({ method: 'GET', url: '/api/v1/auth/session', headers: { cookie: stolen } });
    expect(after.json().person).toBeNull();
    expect(after.json().csrfToken).toBeNull();
  });

  it('refuses a logout without the CSRF header', async () => {
    const p = await makePerson(t.deps);
    const client = await signIn(t.app, p.email);
    client.csrf = null;
    expect((await client.post('/api/v1/auth/logout')).json().error.code).toBe('auth.csrf');
    expect((await client.get('/api/v1/auth/session')).json().person.id).toBe(p.id);
  });

  /** Signs up and waits for the mail; the token of the confirmation link the address got, if any. */
  async function signUp(body: { email: string; displayName: string; password: string }) {
    const res = await new Client(t.app).post('/api/v1/auth/signup', body);
    expect(res.statusCode).toBe(202);
    expect(res.json()).toEqual({ ok: true });
    await smtp.delivered(t.deps);
  }

  it('signs up a community supporter once the mailed link confirms the address, signed in, with an audit event', async () => {
    await signUp({ email: 'Marta@Example.org', displayName: '  Marta  ', password: NEW_PASSWORD });
    // Nothing is made before the address is confirmed.
    expect(await t.deps.db.selectFrom('people').select('id').where('email', '=', 'marta@example.org').execute()).toEqual([]);
    const [mail] = smtp.to('marta@example.org');
    expect(mail!.subject).toBe('Confirm your Coopnet account');
    const token = await smtp.tokenFor(t.deps, 'marta@example.org', 'sign-up');
    const stored = await t.deps.db.selectFrom('outbox_mail').selectAll().where('to_address', '=', 'marta@example.org').executeTakeFirstOrThrow();
    expect(stored.body_text).toContain('http://coopnet.test/sign-up/[link hidden]');
    expect(stored.body_text).not.toContain(token!);

    const client = new Client(t.app);
    const res = await client.post('/api/v1/auth/signup/confirm', { token });
    expect(res.statusCode).toBe(201);
    const { person, csrfToken } = res.json();
    expect(person).toMatchObject({
      email: 'marta@example.org',
      displayName: 'Marta',
      supporter: true,
      coopId: null,
      roles: [],
    });
    client.csrf = csrfToken;
    expect((await client.get('/api/v1/auth/session')).json().person.id).toBe(person.id);
    const row = await t.deps.db.selectFrom('people').selectAll().where('id', '=', person.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ supporter: 1, status: 'active', coop_id: null });
    expect(row.password_hash).toMatch(/^scrypt\$/);
    const audit = await t.deps.db.selectFrom('audit_events').selectAll().where('subject_id', '=', person.id).execute();
    expect(audit.map((a) => a.action)).toEqual(['person.signed_up']);
    expect(audit[0]!.after_json).not.toContain(NEW_PASSWORD);

    // And the new password works for a later sign-in; the link works once.
    expect(
      (await new Client(t.app).post('/api/v1/auth/login', { email: 'marta@example.org', password: NEW_PASSWORD }))
        .statusCode,
    ).toBe(200);
    const again = await new Client(t.app).post('/api/v1/auth/signup/confirm', { token });
    expect(again.statusCode).toBe(400);
    expect(again.json().error.code).toBe('auth.invalid_token');
  });

  it('finding 11: answers a sign-up with a known address as with a new one, mails its owner, and changes nothing else', async () => {
    const p = await makePerson(t.deps, { displayName: 'Known Person' });
    await t.deps.db
      .insertInto('people')
      .values({
        id: crypto.randomUUID(),
        email: 'imported@example.org',
        display_name: 'Imported',
        password_hash: null,
        coop_id: null,
        supporter: 0,
        status: 'invited',
        locale: null,
        created_at: new Date().toISOString(),
        updated_at: new Date().toISOString(),
        left_at: null,
      })
      .execute();
    const before = await accountCounts(t.deps);
    const answers: string[] = [];
    for (const email of [p.email, p.email.toUpperCase(), 'imported@example.org', 'brand-new@example.org']) {
      const res = await visitor.post('/api/v1/auth/signup', { email, displayName: 'Someone', password: NEW_PASSWORD });
      answers.push(`${res.statusCode} ${res.body} ${res.headers['set-cookie'] ?? ''}`);
    }
    // The same answer, known address or not, and no session.
    expect(new Set(answers).size).toBe(1);
    expect(answers[0]).toBe('202 {"ok":true} ');
    expect(visitor.cookie).toBeNull();
    await smtp.delivered(t.deps);
    const told = smtp.to(p.email);
    expect(told).toHaveLength(2);
    expect(told[0]!.subject).toBe('Someone tried to sign up on Coopnet with your address');
    expect(told[0]!.body).toContain('Hello Known Person');
    expect(told[0]!.body).not.toMatch(/\/sign-up\//);
    expect(await smtp.tokenFor(t.deps, 'imported@example.org', 'sign-up')).toBeNull();
    // Only the new address got a link, and no account was made or changed.
    expect(await smtp.tokenFor(t.deps, 'brand-new@example.org', 'sign-up')).not.toBeNull();
    const after = await accountCounts(t.deps);
    expect({ ...after, outbox_mail: before.outbox_mail, pending_signups: before.pending_signups }).toEqual(before);
    expect(after.pending_signups).toBe(before.pending_signups! + 1);
    const known = await t.deps.db.selectFrom('people').selectAll().where('id', '=', p.id).executeTakeFirstOrThrow();
    expect(known.display_name).toBe('Known Person');
  });

  it('makes one account when two confirmation links of one address are used at the same moment', async () => {
    const body = { email: 'twice@example.org', displayName: 'Twice', password: NEW_PASSWORD };
    await signUp(body);
    const first = await smtp.tokenFor(t.deps, body.email, 'sign-up');
    await signUp(body);
    const second = await smtp.tokenFor(t.deps, body.email, 'sign-up');
    expect(second).not.toBe(first);
    const codes = (
      await Promise.all(
        [first, second].map((token) => new Client(t.app).post('/api/v1/auth/signup/confirm', { token })),
      )
    ).map((r) => r.statusCode);
    expect(codes.sort()).toEqual([201, 409]);
    const rows = await t.deps.db.selectFrom('people').select('id').where('email', '=', 'twice@example.org').execute();
    expect(rows).toHaveLength(1);
  });

  it('refuses bad sign-up and login input with 400 and changes nothing', async () => {
    const good = { email: 'new@example.org', displayName: 'New', password: NEW_PASSWORD };
    const before = await accountCounts(t.deps);
    const badSignups = [
      {},
      { ...good, extra: 1 },
      { ...good, supporter: false },
      { ...good, email: 'not-an-email' },
      { ...good, email: 42 },
      { ...good, email: `${'a'.repeat(250)}@example.org` },
      { ...good, password: 'short' },
      { ...good, password: 'x'.repeat(201) },
      { ...good, password: 1234567890123 },
      { ...good, displayName: '   ' },
      { ...good, displayName: 'x'.repeat(121) },
      { ...good, displayName: null },
      { ...good, displayName: 'Ana\u202Egro' },
      { ...good, displayName: 'An\u200Ba' },
    ];
    for (const body of badSignups) {
      const res = await visitor.post('/api/v1/auth/signup', body);
      expect(res.statusCode, JSON.stringify(body).slice(0, 80)).toBe(400);
      expect(res.json().error.code).toBe('validation_failed');
    }
    const badLogins = [
      {},
      { email: 'a@example.org' },
      { email: 'a@example.org', password: '' },
      { email: 'a@example.org', password: 'x'.repeat(201) },
      { email: ['a@example.org'], password: 'x' },
      { email: 'a@example.org', password: 'xxxxxxxxxx', remember: true },
    ];
    for (const body of badLogins) {
      const res = await visitor.post('/api/v1/auth/login', body);
      expect(res.statusCode, JSON.stringify(body).slice(0, 80)).toBe(400);
    }
    const malformed = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/signup',
      headers: { 'content-type': 'application/json' },
      payload: '{"email": ',
    });
    expect(malformed.json().error.code).toBe('invalid_json');
    const badConfirms = [{}, { token: 'short' }, { token: 'x'.repeat(201) }, { token: 'x'.repeat(32), extra: 1 }];
    for (const body of badConfirms) {
      const res = await visitor.post('/api/v1/auth/signup/confirm', body);
      expect(res.statusCode, JSON.stringify(body).slice(0, 80)).toBe(400);
      expect(res.json().error.code).toBe('validation_failed');
    }
    const unknown = await visitor.post('/api/v1/auth/signup/confirm', { token: 'x'.repeat(32) });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.code).toBe('auth.invalid_token');
    await smtp.delivered(t.deps);
    expect(await accountCounts(t.deps)).toEqual(before);
  });
}, smtp.config);
