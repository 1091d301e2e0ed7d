/**
 * Secrets stay with their owner: no reset, invitation or sign-up link can be
 * read by anyone else (the outbox masks them), a reset shuts out every
 * session and API token, an invitation to an existing account is accepted
 * only by its owner, and answers never tell whether an address has an account.
 */
import { expect, it } from 'vitest';
import { Client, describeOnDatabases } from '../../../test/harness.ts';
import { PASSWORD, actorClient, makeCoop, makePerson, signIn } from '../../../test/factories.ts';
import { accountCounts, makeInvitation } from '../../../test/auth-factories.ts';
import { makeApiToken } from '../../../test/people-factories.ts';
import { smtpCatcher } from '../../../test/smtp-catcher.ts';
import { settled } from '../../platform/after-response.ts';

const smtp = smtpCatcher();
const NEW_PASSWORD = 'the attacker chose this one';

/** Every run of URL-safe characters long enough to be a token. */
const tokenLike = (text: string): string[] => text.match(/[A-Za-z0-9_-]{20,}/g) ?? [];

describeOnDatabases(
  'secrets of accounts, with a mail server',
  (t) => {
    const visitor = () => new Client(t.app);

    it('finding 2: the outbox shows a coordinator no usable reset or invitation token, stored or answered', async () => {
      const coop = await makeCoop(t.deps, { name: 'Cooperativa Secreta' });
      const victim = await makePerson(t.deps, { coopId: coop.id, displayName: 'Víctima' });
      const admin = await actorClient(t.deps, t.app, { coopId: coop.id, roles: [{ role: 'coop_admin', coopId: coop.id }] });
      const coordinator = await actorClient(t.deps, t.app, { roles: [{ role: 'coordinator' }] });

      expect((await visitor().post('/api/v1/auth/password-reset', { email: victim.email })).statusCode).toBe(200);
      const invited = await admin.client.post(`/api/v1/coops/${coop.id}/invitations`, {
        email: 'nueva@secreta.example',
        displayName: 'Nueva',
        role: 'worker',
      });
      expect(invited.statusCode).toBe(201);
      expect(invited.json()).toEqual({ id: expect.any(String), email: 'nueva@secreta.example', mailed: true });
      const resetToken = await smtp.tokenFor(t.deps, victim.email, 'reset-password');
      const inviteToken = await smtp.tokenFor(t.deps, 'nueva@secreta.example', 'invitations');
      expect(resetToken).not.toBeNull();
      expect(inviteToken).not.toBeNull();

      // Nothing the coordinator reads, and nothing stored in a mail's text, holds either token.
      const outbox = await coordinator.client.get('/api/v1/outbox?limit=100');
      expect(outbox.statusCode).toBe(200);
      const stored = await t.deps.db.selectFrom('outbox_mail').selectAll().execute();
      for (const text of [outbox.body, invited.body, ...stored.map((m) => m.body_text)]) {
        expect(text).not.toContain(resetToken!);
        expect(text).not.toContain(inviteToken!);
      }
      // Once sent, the secret kept for SMTP is gone too.
      expect(stored.filter((m) => m.secret !== null)).toEqual([]);
      const items = outbox.json().items as { to: string; text: string; secretHidden: boolean; withheld: boolean }[];
      const resetMail = items.find((m) => m.to === victim.email)!;
      expect(resetMail).toMatchObject({ secretHidden: true, withheld: false });
      expect(resetMail.text).toContain('/reset-password/[link hidden]');
      expect(items.find((m) => m.to === 'nueva@secreta.example')!.text).toContain('/invitations/[link hidden]');

      // No string in the outbox works as a reset or an invitation link.
      const before = await accountCounts(t.deps);
      for (const candidate of new Set(tokenLike(outbox.body).concat(stored.flatMap((m) => tokenLike(m.body_text))))) {
        const reset = await coordinator.client.post('/api/v1/auth/password-reset/confirm', {
          token: candidate,
          password: NEW_PASSWORD,
        });
        expect(reset.statusCode).toBe(400);
        expect((await coordinator.client.get(`/api/v1/auth/invitations/${candidate}`)).statusCode).toBe(404);
      }
      expect(await accountCounts(t.deps)).toEqual(before);
      expect((await visitor().post('/api/v1/auth/login', { email: victim.email, password: NEW_PASSWORD })).statusCode).toBe(401);

      // The tokens themselves reach their recipients and work.
      expect((await visitor().get(`/api/v1/auth/invitations/${inviteToken}`)).statusCode).toBe(200);
      const used = await visitor().post('/api/v1/auth/password-reset/confirm', { token: resetToken, password: 'the owner chose this' });
      expect(used.statusCode).toBe(200);
    });

    it('finding 2: the audit log names who asked for a reset, and does not credit its owner with using the link', async () => {
      const owner = await makePerson(t.deps, { displayName: 'Dueña' });
      const someone = await actorClient(t.deps, t.app, { displayName: 'Alguien' });
      expect((await visitor().post('/api/v1/auth/password-reset', { email: owner.email })).statusCode).toBe(200);
      await settled();
      expect((await someone.client.post('/api/v1/auth/password-reset', { email: owner.email })).statusCode).toBe(200);
      const token = await smtp.tokenFor(t.deps, owner.email, 'reset-password');
      expect((await visitor().post('/api/v1/auth/password-reset/confirm', { token, password: NEW_PASSWORD })).statusCode).toBe(200);

      const events = await t.deps.db
        .selectFrom('audit_events')
        .select(['action', 'actor_id', 'after_json'])
        .where('subject_id', '=', owner.id)
        .orderBy('seq')
        .execute();
      expect(events.map((e) => [e.action, e.actor_id])).toEqual([
        ['password_reset.requested', null],
        ['password_reset.requested', someone.id],
        ['person.password_reset', null],
      ]);
      const after = events.map((e) => JSON.parse(e.after_json!) as Record<string, unknown>);
      expect(after[0]).toMatchObject({ requestedBy: 'anonymous', ipHash: expect.stringMatching(/^[\w-]{16}$/) });
      expect(after[1]).toMatchObject({ requestedBy: someone.id });
      expect(after[2]).toMatchObject({ by: 'reset link', resetId: after[1]!.resetId });
      for (const e of events) expect(e.actor_id).not.toBe(owner.id);
    });

    it('finding 4: a password reset revokes the API tokens of the account, and says so', async () => {
      const p = await makePerson(t.deps);
      const session = await signIn(t.app, p.email);
      const { token: apiToken } = await makeApiToken(t.deps, p.id, ['read']);
      const withToken = new Client(t.app);
      withToken.bearer = apiToken;
      expect((await withToken.get('/api/v1/me')).statusCode).toBe(200);

      await visitor().post('/api/v1/auth/password-reset', { email: p.email });
      const token = await smtp.tokenFor(t.deps, p.email, 'reset-password');
      const res = await visitor().post('/api/v1/auth/password-reset/confirm', { token, password: 'my own new passphrase' });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({ ok: true, sessionsEnded: 1, tokensRevoked: 1 });

      expect((await withToken.get('/api/v1/me')).statusCode).toBe(401);
      const patch = await withToken.patch('/api/v1/me', { displayName: 'Taken Over' });
      expect(patch.statusCode).toBe(401);
      expect((await session.get('/api/v1/auth/session')).json().person).toBeNull();
      const row = await t.deps.db.selectFrom('people').select('display_name').where('id', '=', p.id).executeTakeFirstOrThrow();
      expect(row.display_name).not.toBe('Taken Over');
      const revoked = await t.deps.db.selectFrom('api_tokens').select('revoked_at').where('person_id', '=', p.id).execute();
      expect(revoked.every((r) => r.revoked_at !== null)).toBe(true);
    });

    it('finding 8: an admin cannot revive a departed member; only the owner, with their own password, accepts', async () => {
      const home = await makeCoop(t.deps, { name: 'Antigua' });
      const next = await makeCoop(t.deps, { name: 'Nueva Casa' });
      const departed = await makePerson(t.deps, { coopId: home.id, displayName: 'Marcha' });
      const leaving = await signIn(t.app, departed.email);
      expect((await leaving.post('/api/v1/me/leave')).statusCode).toBe(200);
      const admin = await actorClient(t.deps, t.app, { coopId: next.id, roles: [{ role: 'coop_admin', coopId: next.id }] });

      const invited = await admin.client.post(`/api/v1/coops/${next.id}/invitations`, {
        email: departed.email,
        displayName: 'Marcha',
        role: 'coop_admin',
      });
      expect(invited.statusCode).toBe(201);
      // The API gives the admin no link.
      expect(Object.keys(invited.json()).sort()).toEqual(['email', 'id', 'mailed']);
      expect(invited.body).not.toMatch(/invitations\//);
      const token = await smtp.tokenFor(t.deps, departed.email, 'invitations');
      // Suppose the admin got the link anyway: it shows an existing account, and refuses them.
      expect((await admin.client.get(`/api/v1/auth/invitations/${token}`)).json().existingAccount).toBe(true);
      const passwordBefore = (
        await t.deps.db.selectFrom('people').select('password_hash').where('id', '=', departed.id).executeTakeFirstOrThrow()
      ).password_hash;
      const before = await accountCounts(t.deps);
      const attempts = [
        () => admin.client.post('/api/v1/auth/invitations/accept', { token, password: NEW_PASSWORD, displayName: 'Marcha' }),
        () => admin.client.post('/api/v1/auth/invitations/accept', { token }),
        () => visitor().post('/api/v1/auth/invitations/accept', { token, password: NEW_PASSWORD, displayName: 'Marcha' }),
        () => visitor().post('/api/v1/auth/invitations/accept', { token }),
      ];
      for (const attempt of attempts) {
        const res = await attempt();
        expect(res.statusCode).toBe(403);
        expect(res.json().error.code).toBe('auth.invitation_owner_only');
      }
      expect(await accountCounts(t.deps)).toEqual(before);
      const still = await t.deps.db.selectFrom('people').selectAll().where('id', '=', departed.id).executeTakeFirstOrThrow();
      expect(still.password_hash).toBe(passwordBefore);
      expect(still.status).not.toBe('active');
      expect((await visitor().post('/api/v1/auth/login', { email: departed.email, password: NEW_PASSWORD })).statusCode).toBe(401);

      // The owner, with their own password, accepts: the same account, the same password.
      const owner = visitor();
      const res = await owner.post('/api/v1/auth/invitations/accept', { token, password: PASSWORD });
      expect(res.statusCode).toBe(200);
      expect(res.json().person).toMatchObject({ id: departed.id, coopId: next.id });
      const after = await t.deps.db.selectFrom('people').selectAll().where('id', '=', departed.id).executeTakeFirstOrThrow();
      expect(after).toMatchObject({ status: 'active', coop_id: next.id, password_hash: passwordBefore, left_at: null });
      expect((await visitor().post('/api/v1/auth/login', { email: departed.email, password: PASSWORD })).statusCode).toBe(200);
    });

    it('finding 8: an active account accepts an invitation signed in as itself, and nobody else can', async () => {
      const coop = await makeCoop(t.deps, { name: 'Admitida' });
      const supporter = await makePerson(t.deps, { displayName: 'Simpatizante' });
      const inv = await makeInvitation(t.deps, { email: supporter.email, coopId: coop.id, coopName: coop.name, role: 'coop_admin' });
      const other = await actorClient(t.deps, t.app, { displayName: 'Otra' });
      const before = await accountCounts(t.deps);
      const refused = await other.client.post('/api/v1/auth/invitations/accept', { token: inv.token });
      expect(refused.statusCode).toBe(403);
      expect(await accountCounts(t.deps)).toEqual(before);

      const self = await signIn(t.app, supporter.email);
      const res = await self.post('/api/v1/auth/invitations/accept', { token: inv.token });
      expect(res.statusCode).toBe(200);
      expect(res.json().person).toMatchObject({ id: supporter.id, coopId: coop.id, roles: [{ role: 'coop_admin', coopId: coop.id }] });
      // Still the same session, and the same password.
      expect((await self.get('/api/v1/auth/session')).json().person.id).toBe(supporter.id);
      expect((await visitor().post('/api/v1/auth/login', { email: supporter.email, password: PASSWORD })).statusCode).toBe(200);
    });

    it('finding 11: a reset request takes as long for a real account as for an unknown address', async () => {
      const p = await makePerson(t.deps);
      const time = async (email: string) => {
        const start = process.hrtime.bigint();
        const res = await t.app.inject({
          method: 'POST',
          url: '/api/v1/auth/password-reset',
          payload: { email },
          remoteAddress: `10.0.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`,
        });
        const ms = Number(process.hrtime.bigint() - start) / 1e6;
        expect(res.statusCode).toBe(200);
        await settled();
        return ms;
      };
      const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
      const known: number[] = [];
      const unknown: number[] = [];
      for (let i = 0; i < 7; i++) {
        known.push(await time(p.email));
        unknown.push(await time(`nobody-${i}@example.org`));
      }
      // The account's work (a transaction, a mail, SMTP) happens after the answer.
      expect(Math.abs(median(known) - median(unknown))).toBeLessThan(5);
    });
  },
  smtp.config,
);

describeOnDatabases('secrets of accounts, without a mail server', (t) => {
  it('finding 2: without SMTP a mail with a secret link is kept masked, marked withheld, and its secret never stored', async () => {
    const p = await makePerson(t.deps);
    const coordinator = await actorClient(t.deps, t.app, { roles: [{ role: 'coordinator' }] });
    expect((await new Client(t.app).post('/api/v1/auth/password-reset', { email: p.email })).statusCode).toBe(200);
    await settled();
    const [stored] = await t.deps.db.selectFrom('outbox_mail').selectAll().where('to_address', '=', p.email).execute();
    expect(stored).toMatchObject({ has_secret: 1, secret: null, sent_at: null });
    expect(stored!.body_text).toContain('/reset-password/[link hidden]');
    const item = (await coordinator.client.get('/api/v1/outbox?limit=100')).json().items.find((m: { to: string }) => m.to === p.email);
    expect(item).toMatchObject({ secretHidden: true, withheld: true, sentAt: null });
  });

  it('finding 11: names refuse control, bidirectional-override and zero-width characters, and are stored in NFC', async () => {
    const me = await actorClient(t.deps, t.app, { displayName: 'Plain' });
    const before = await accountCounts(t.deps);
    for (const displayName of ['Ana\u202Egro', 'An\u200Ba', 'Ana\u2066x\u2069', 'A\uFEFFna', 'Ana\u0085', 'Ana\u200F']) {
      const res = await me.client.patch('/api/v1/me', { displayName });
      expect(res.statusCode, JSON.stringify(displayName)).toBe(400);
      expect(res.json().error).toMatchObject({ code: 'validation_failed', details: [{ path: 'body/displayName' }] });
    }
    expect(await accountCounts(t.deps)).toEqual(before);
    const decomposed = 'Jose\u0301 Mun\u0303oz';
    const res = await me.client.patch('/api/v1/me', { displayName: decomposed });
    expect(res.statusCode).toBe(200);
    expect(res.json().person.displayName).toBe('José Muñoz');
    const row = await t.deps.db.selectFrom('people').select('display_name').where('id', '=', me.id).executeTakeFirstOrThrow();
    expect(row.display_name).toBe(decomposed.normalize('NFC'));
  });

  it('finding 11: a request with 50,000 bad keys gets a short 400, with at most 20 details', async () => {
    const me = await actorClient(t.deps, t.app);
    const body: Record<string, string> = {};
    for (let i = 0; i < 50_000; i++) body[`key_${i}_${'x'.repeat(5)}`] = 'v';
    const res = await me.client.patch('/api/v1/me', body);
    expect(res.statusCode).toBe(400);
    expect(res.body.length).toBeLessThan(10_000);
    const { error } = res.json();
    expect(error.code).toBe('validation_failed');
    expect(error.details.length).toBeLessThanOrEqual(21);
    for (const d of error.details) expect(d.message.length).toBeLessThanOrEqual(200);
  });
});
