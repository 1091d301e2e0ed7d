/**
 * Mail over real SMTP: an SMTP server from the `smtp-server` package runs in
 * this process, the app is built with SMTP_URL pointing at it, and a password
 * reset travels the whole way: outbox row, SMTP delivery, link, new password.
 */
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { Client, describeOnDatabases } from '../../../test/harness.ts';
import { makePerson } from '../../../test/factories.ts';
import { tokenInLink } from '../../../test/auth-factories.ts';
import { settled } from '../after-response.ts';

interface Received {
  from: string;
  to: string[];
  raw: string;
}

const received: Received[] = [];
let smtp: SMTPServer;
let port = 0;

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    // Addresses starting with "bounce" are refused, as a mail server refuses an unknown mailbox.
    onRcptTo(address, _session, callback) {
      if (address.address.startsWith('bounce')) callback(new Error('550 no such mailbox'));
      else callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  port = (smtp.server.address() as AddressInfo).port;
});

afterAll(async () => {
  await new Promise<void>((resolve) => smtp.close(resolve));
});

/** The text of a message as a reader sees it (undoing quoted-printable if the mailer used it). */
function bodyOf(raw: string): string {
  const [head = '', ...rest] = raw.split(/\r?\n\r?\n/);
  const body = rest.join('\n\n');
  if (!/content-transfer-encoding:\s*quoted-printable/i.test(head)) return body;
  return body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
}

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
      const body = bodyOf(message!.raw);
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
  },
  () => ({ smtpUrl: `smtp://127.0.0.1:${port}` }),
);
