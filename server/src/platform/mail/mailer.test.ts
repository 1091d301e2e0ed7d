/**
 * Mail over real SMTP: an SMTP server from the `smtp-server` package runs in
 * this process, the app is built with SMTP_URL pointing at it, and a password
 * reset travels the whole way: outbox row, SMTP delivery, link, new password.
 * A refused mail is tried again, each attempt logged, and given up after the
 * last; the coordinators' outbox shows where each mail stands.
 */
import { createServer } from 'node:net';
import { expect, it } from 'vitest';
import { Client, describeOnDatabases } from '../../../test/harness.ts';
import { actorClient, makePerson } from '../../../test/factories.ts';
import { tokenInLink } from '../../../test/auth-factories.ts';
import { smtpCatcher } from '../../../test/smtp-catcher.ts';
import { loggedLines, loggedText } from '../../../test/test-log.ts';
import { settled } from '../after-response.ts';
import { MAX_ATTEMPTS } from './outbox.repository.ts';

// Addresses starting with "bounce" are refused, as a mail server refuses an unknown mailbox.
const smtp = smtpCatcher({ refuse: (address) => address.startsWith('bounce') });
const received = smtp.received;

describeOnDatabases(
  'mail over SMTP',
  (t) => {
    it('delivers a password reset by SMTP, marks it sent, and its link sets a new password', async () => {
      expect(t.deps.mailer.delivers).toBe(true);
      const p = await makePerson(t.deps, { email: `smtp-${t.dialect}@example.org`, displayName: 'Carmen' });
      const res = await new Client(t.app).post('/api/v1/auth/password-reset', { email: p.email });
      expect(res.json()).toEqual({ ok: true });
      await settled();
      await t.deps.mailer.flush();

      const message = received.find((m) => m.to.includes(p.email));
      expect(message, 'the SMTP server received the mail').toBeDefined();
      expect(message!.from).toBe('no-reply@coopnet.test');
      expect(message!.raw).toMatch(/^Subject: Reset your Coopnet password\r?$/m);
      const body = message!.body;
      expect(body).toContain('Hello Carmen');
      const token = tokenInLink(body, 'reset-password');
      expect(body).toContain(`http://coopnet.test/reset-password/${token}`);

      const row = await t.deps.db
        .selectFrom('outbox_mail')
        .selectAll()
        .where('to_address', '=', p.email)
        .executeTakeFirstOrThrow();
      expect(row.sent_at).not.toBeNull();
      expect(row.attempts).toBe(0);
      expect(row.last_error).toBeNull();
      // Stored masked; the secret kept beside it for SMTP is forgotten once sent.
      expect(row.body_text).toContain('http://coopnet.test/reset-password/[link hidden]');
      expect(row.body_text).not.toContain(token!);
      expect(row.secret).toBeNull();

      const visitor = new Client(t.app);
      const confirm = await visitor.post('/api/v1/auth/password-reset/confirm', {
        token,
        password: 'delivered by smtp at last',
      });
      expect(confirm.statusCode).toBe(200);
      const login = await visitor.post('/api/v1/auth/login', { email: p.email, password: 'delivered by smtp at last' });
      expect(login.statusCode).toBe(200);
      expect(login.json().person.email).toBe(p.email);
    });

    it('records a refused message as failed, tries it once per pass, and still sends the others', async () => {
      const bounce = await makePerson(t.deps, { email: `bounce-${t.dialect}@example.org` });
      const fine = await makePerson(t.deps, { email: `fine-${t.dialect}@example.org` });
      for (const p of [bounce, fine]) await new Client(t.app).post('/api/v1/auth/password-reset', { email: p.email });
      await settled();
      await t.deps.mailer.flush();

      const outbox = async (to: string) =>
        t.deps.db.selectFrom('outbox_mail').selectAll().where('to_address', '=', to).executeTakeFirstOrThrow();
      const refused = await outbox(bounce.email);
      expect(refused.sent_at).toBeNull();
      // Each request started a pass of its own, and the test one more: at most one attempt each.
      expect(refused.attempts).toBeGreaterThanOrEqual(1);
      expect(refused.attempts).toBeLessThanOrEqual(3);
      expect(refused.last_error).toContain('no such mailbox');
      expect((await outbox(fine.email)).sent_at).not.toBeNull();
      expect(received.some((m) => m.to.includes(fine.email))).toBe(true);

      await t.deps.mailer.flush();
      expect((await outbox(bounce.email)).attempts).toBe(refused.attempts + 1);
    });

    it('logs each attempt of a refused mail, gives it up after the last, and the outbox shows its state, attempts and the answer', async () => {
      const bounce = await makePerson(t.deps, { email: `bounce-given-up-${t.dialect}@example.org` });
      const fine = await makePerson(t.deps, { email: `fine-again-${t.dialect}@example.org` });
      for (const p of [bounce, fine]) await new Client(t.app).post('/api/v1/auth/password-reset', { email: p.email });
      await settled();
      // More passes than attempts: a mail given up is not tried again.
      for (let pass = 0; pass <= MAX_ATTEMPTS; pass++) await t.deps.mailer.flush();

      const row = await t.deps.db
        .selectFrom('outbox_mail')
        .selectAll()
        .where('to_address', '=', bounce.email)
        .executeTakeFirstOrThrow();
      expect(row).toMatchObject({ sent_at: null, attempts: MAX_ATTEMPTS, secret: null });
      expect(row.last_error).toMatch(/550 .*no such mailbox/);

      // One line per attempt, the last an error; the mail's id finds it in the outbox.
      const attempts = loggedLines().filter((l) => (l.mail as { id?: string } | undefined)?.id === row.id);
      expect(attempts.map((l) => [l.level, (l.mail as { attempt: number }).attempt])).toEqual([
        [40, 1],
        [40, 2],
        [40, 3],
        [40, 4],
        [50, 5],
      ]);
      expect(attempts[4]).toMatchObject({
        msg: `mail not sent: given up after ${MAX_ATTEMPTS} attempts`,
        mail: { id: row.id, attempt: 5, of: MAX_ATTEMPTS, to: 'b***@example.org' },
        smtp: {
          code: 'EENVELOPE',
          responseCode: 550,
          command: 'RCPT TO',
          message: expect.stringContaining('no such mailbox'),
        },
      });
      // Never the address in full (the server's answer quotes it), the subject, the text or the link.
      const logged = loggedText();
      expect(logged).not.toContain(bounce.email);
      expect(logged).not.toContain(row.subject);
      expect(logged).not.toContain('reset-password/');
      const sentLine = loggedLines().find(
        (l) => (l.mail as { to?: string } | undefined)?.to === 'f***@example.org' && l.msg === 'mail sent',
      );
      expect(sentLine).toMatchObject({ level: 30, mail: { attempt: 1, of: MAX_ATTEMPTS } });

      const coordinator = await actorClient(t.deps, t.app, { roles: [{ role: 'coordinator' }] });
      const outbox = await coordinator.client.get('/api/v1/outbox?limit=100');
      expect(outbox.statusCode).toBe(200);
      const items = outbox.json().items as { to: string }[];
      expect(items.find((m) => m.to === bounce.email)).toMatchObject({
        state: 'failed',
        attempts: MAX_ATTEMPTS,
        lastError: expect.stringMatching(/550 .*no such mailbox/),
        sentAt: null,
        withheld: true,
      });
      expect(items.find((m) => m.to === fine.email)).toMatchObject({
        state: 'sent',
        attempts: 0,
        lastError: null,
        sentAt: expect.any(String),
      });
    });
  },
  smtp.config,
);

/** A loopback port nothing listens on: connecting is refused at once. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

const unreachable = await closedPort();
describeOnDatabases(
  'mail when the mail server cannot be reached',
  (t) => {
    it('keeps the mail queued, says why in the outbox and logs the failed attempt', async () => {
      const p = await makePerson(t.deps, { email: `unreached-${t.dialect}@example.org` });
      await new Client(t.app).post('/api/v1/auth/password-reset', { email: p.email });
      await settled();
      await t.deps.mailer.flush();

      const row = await t.deps.db
        .selectFrom('outbox_mail')
        .selectAll()
        .where('to_address', '=', p.email)
        .executeTakeFirstOrThrow();
      expect(row.sent_at).toBeNull();
      expect(row.attempts).toBeGreaterThanOrEqual(1);
      expect(row.last_error).toContain(`ECONNREFUSED 127.0.0.1:${unreachable}`);
      const coordinator = await actorClient(t.deps, t.app, { roles: [{ role: 'coordinator' }] });
      const items = (await coordinator.client.get('/api/v1/outbox?limit=100')).json().items as { to: string }[];
      expect(items.find((m) => m.to === p.email)).toMatchObject({
        state: 'queued',
        attempts: row.attempts,
        lastError: row.last_error,
      });
      const line = loggedLines().find((l) => (l.mail as { id?: string } | undefined)?.id === row.id);
      expect(line).toMatchObject({
        level: 40,
        mail: { attempt: 1, to: 'u***@example.org' },
        smtp: { code: 'ESOCKET', message: expect.stringContaining('ECONNREFUSED') },
      });
    });
  },
  { smtpUrl: `smtp://127.0.0.1:${unreachable}` },
);
