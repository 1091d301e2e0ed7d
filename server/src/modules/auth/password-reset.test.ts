import { expect, it } from 'vitest';
import { Client, describeOnDatabases } from '../../../test/harness.ts';
import { PASSWORD, makePerson, signIn } from '../../../test/factories.ts';
import { accountCounts, mailsTo, makeInvitedPerson } from '../../../test/auth-factories.ts';
import { smtpCatcher } from '../../../test/smtp-catcher.ts';
import { settled } from '../../platform/after-response.ts';
import { hashToken } from '../../platform/tokens.ts';

const NEW_PASSWORD = 'another long passphrase';
const smtp = smtpCatcher();

describeOnDatabases('password reset', (t) => {
  const visitor = () => new Client(t.app);

  /** The mail as the outbox keeps it, and the token as its recipient got it by SMTP. */
  async function requestReset(email: string) {
    const before = smtp.to(email).length;
    const res = await visitor().post('/api/v1/auth/password-reset', { email });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ ok: true });
    await smtp.delivered(t.deps);
    const [mail] = await mailsTo(t.deps, email.toLowerCase());
    const token = smtp.to(email).length > before ? await smtp.tokenFor(t.deps, email, 'reset-password') : null;
    return { mail, token };
  }

  it('mails a reset link valid for an hour, storing only a hash of its token', async () => {
    const p = await makePerson(t.deps, { displayName: 'Lucía' });
    const { mail, token } = await requestReset(p.email.toUpperCase());
    expect(mail!.subject).toBe('Reset your Coopnet password');
    expect(mail!.body_text).toContain('Hello Lucía');
    // The outbox keeps the link masked; only the recipient got the token.
    expect(mail!.body_text).toContain('http://coopnet.test/reset-password/[link hidden]');
    expect(mail!.body_text).not.toContain(token!);
    expect(smtp.to(p.email)[0]!.body).toContain(`http://coopnet.test/reset-password/${token}`);
    expect(mail!.body_text).toContain('within 60 minutes');
    const reset = await t.deps.db
      .selectFrom('password_resets')
      .selectAll()
      .where('person_id', '=', p.id)
      .executeTakeFirstOrThrow();
    expect(reset.token_hash).toBe(hashToken(t.deps.config.sessionSecret, token!));
    expect(reset.token_hash).not.toContain(token!);
    expect(Date.parse(reset.expires_at) - Date.parse(reset.created_at)).toBe(60 * 60_000);
    const audit = await t.deps.db.selectFrom('audit_events').select('action').where('subject_id', '=', p.id).execute();
    expect(audit.map((a) => a.action)).toEqual(['password_reset.requested']);
  });

  it('answers the same for unknown and not-yet-active e-mails, and sends nothing', async () => {
    await makeInvitedPerson(t.deps, { email: 'imported@example.org', coopId: null });
    const before = await accountCounts(t.deps);
    for (const email of ['nobody@example.org', 'imported@example.org']) {
      const { mail } = await requestReset(email);
      expect(mail).toBeUndefined();
    }
    expect(await accountCounts(t.deps)).toEqual(before);
  });

  it('writes in the person’s language, else in the network’s', async () => {
    const p = await makePerson(t.deps, { displayName: 'Jordi' });
    await t.deps.db.updateTable('people').set({ locale: 'es' }).where('id', '=', p.id).execute();
    const { mail } = await requestReset(p.email);
    expect(mail!.subject).toBe('Restablece tu contraseña de Coopnet');
    expect(mail!.body_text).toContain('Hola Jordi');

    const network = await t.deps.db.selectFrom('network').select('id').executeTakeFirstOrThrow();
    await t.deps.db.updateTable('network').set({ locale: 'es' }).where('id', '=', network.id).execute();
    t.deps.network.invalidate(); // written behind the app's back
    try {
      const q = await makePerson(t.deps);
      expect((await requestReset(q.email)).mail!.subject).toBe('Restablece tu contraseña de Coopnet');
    } finally {
      await t.deps.db.updateTable('network').set({ locale: 'en' }).where('id', '=', network.id).execute();
      t.deps.network.invalidate();
    }
  });

  it('sets the new password once, signs the person out everywhere, and audits it', async () => {
    const p = await makePerson(t.deps);
    const elsewhere = await signIn(t.app, p.email);
    const { token: older } = await requestReset(p.email);
    const { token } = await requestReset(p.email);
    expect(token).not.toBe(older);

    const res = await visitor().post('/api/v1/auth/password-reset/confirm', { token, password: NEW_PASSWORD });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ ok: true, sessionsEnded: 1, tokensRevoked: 0 });

    expect((await elsewhere.get('/api/v1/auth/session')).json().person).toBeNull();
    expect((await visitor().post('/api/v1/auth/login', { email: p.email, password: PASSWORD })).statusCode).toBe(401);
    expect((await visitor().post('/api/v1/auth/login', { email: p.email, password: NEW_PASSWORD })).statusCode).toBe(
      200,
    );

    // The same link, or an older one sent before, no longer works.
    for (const used of [token, older]) {
      const again = await visitor().post('/api/v1/auth/password-reset/confirm', {
        token: used,
        password: 'yet another passphrase',
      });
      expect(again.statusCode).toBe(400);
      expect(again.json().error.code).toBe('auth.invalid_token');
    }
    expect((await visitor().post('/api/v1/auth/login', { email: p.email, password: NEW_PASSWORD })).statusCode).toBe(
      200,
    );
    const audit = await t.deps.db
      .selectFrom('audit_events')
      .select('action')
      .where('subject_id', '=', p.id)
      .orderBy('seq')
      .execute();
    expect(audit.map((a) => a.action)).toEqual([
      'password_reset.requested',
      'password_reset.requested',
      'person.password_reset',
    ]);
  });

  it('lets a link work once when it is used twice at the same moment', async () => {
    const p = await makePerson(t.deps);
    const { token } = await requestReset(p.email);
    const results = await Promise.all(
      ['first long passphrase', 'second long passphrase'].map((password) =>
        visitor().post('/api/v1/auth/password-reset/confirm', { token, password }),
      ),
    );
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 400]);
    const winner = results[0]!.statusCode === 200 ? 'first long passphrase' : 'second long passphrase';
    expect((await visitor().post('/api/v1/auth/login', { email: p.email, password: winner })).statusCode).toBe(200);
    const audit = await t.deps.db
      .selectFrom('audit_events')
      .select('action')
      .where('subject_id', '=', p.id)
      .where('action', '=', 'person.password_reset')
      .execute();
    expect(audit).toHaveLength(1);
  });

  it('refuses an expired or unknown link with 400 auth.invalid_token and changes nothing', async () => {
    const p = await makePerson(t.deps);
    const { token } = await requestReset(p.email);
    await t.deps.db
      .updateTable('password_resets')
      .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
      .where('person_id', '=', p.id)
      .execute();
    const before = await accountCounts(t.deps);
    for (const bad of [token, 'x'.repeat(32), `${token}x`]) {
      const res = await visitor().post('/api/v1/auth/password-reset/confirm', { token: bad, password: NEW_PASSWORD });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('auth.invalid_token');
    }
    expect(await accountCounts(t.deps)).toEqual(before);
    expect((await visitor().post('/api/v1/auth/login', { email: p.email, password: PASSWORD })).statusCode).toBe(200);
  });

  it('limits requests to 5 per 15 minutes for one e-mail from one address', async () => {
    const p = await makePerson(t.deps);
    for (let i = 0; i < 5; i++) await requestReset(p.email);
    const res = await visitor().post('/api/v1/auth/password-reset', { email: p.email });
    expect(res.statusCode).toBe(429);
    expect(res.json().error.code).toBe('rate_limited');
    await settled();
    expect(await mailsTo(t.deps, p.email)).toHaveLength(5);
    expect(
      (await visitor().post('/api/v1/auth/password-reset', { email: 'someone-else@example.org' })).statusCode,
    ).toBe(200);
  });

  it('refuses bad input with 400 and changes nothing', async () => {
    const p = await makePerson(t.deps);
    const { token } = await requestReset(p.email);
    const before = await accountCounts(t.deps);
    const badRequests = [
      {},
      { email: 'not-an-email' },
      { email: 7 },
      { email: p.email, extra: true },
      { email: `${'a'.repeat(250)}@example.org` },
    ];
    for (const body of badRequests) {
      const res = await visitor().post('/api/v1/auth/password-reset', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().error.code).toBe('validation_failed');
    }
    const badConfirms = [
      {},
      { token },
      { token, password: 'short' },
      { token, password: 'x'.repeat(201) },
      { token, password: NEW_PASSWORD, email: p.email },
      { token: 123456789012, password: NEW_PASSWORD },
      { token: 'short', password: NEW_PASSWORD },
      { token: 'x'.repeat(201), password: NEW_PASSWORD },
    ];
    for (const body of badConfirms) {
      const res = await visitor().post('/api/v1/auth/password-reset/confirm', body);
      expect(res.statusCode, JSON.stringify(body).slice(0, 80)).toBe(400);
      expect(res.json().error.code).toBe('validation_failed');
    }
    expect(await accountCounts(t.deps)).toEqual(before);
    expect((await visitor().post('/api/v1/auth/login', { email: p.email, password: PASSWORD })).statusCode).toBe(200);
  });
}, smtp.config);
