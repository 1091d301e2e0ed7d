/**
 * A real SMTP server in the test process: secret links (resets, invitations,
 * sign-up confirmations) reach only the mail's recipient, so a test reads
 * them where the recipient would, here, and never from the outbox. Use
 * `const smtp = smtpCatcher()` at the top of a file and pass `smtp.config` as
 * the overrides of `describeOnDatabases`.
 */
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll } from 'vitest';
import type { Config } from '../src/config.ts';
import type { AppDeps } from '../src/deps.ts';
import { settled } from '../src/platform/after-response.ts';

export interface Caught {
  to: string[];
  subject: string;
  body: string;
}

/** The text of a message as a reader sees it (undoing quoted-printable if the mailer used it). */
function bodyOf(raw: string): string {
  const [head = '', ...rest] = raw.split(/\r?\n\r?\n/);
  const body = rest.join('\n\n');
  if (!/content-transfer-encoding:\s*quoted-printable/i.test(head)) return body;
  return body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
}

export function smtpCatcher() {
  const received: Caught[] = [];
  let server: SMTPServer;
  let port = 0;
  beforeAll(async () => {
    server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          const raw = Buffer.concat(chunks).toString('utf8');
          received.push({
            to: session.envelope.rcptTo.map((r) => r.address),
            subject: /^Subject: (.*)$/m.exec(raw)?.[1]?.trim() ?? '',
            body: bodyOf(raw),
          });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(resolve));
  });

  /** Waits for work done after answers and for the outbox to be sent. */
  async function delivered(deps: AppDeps): Promise<void> {
    await settled();
    await deps.mailer.flush();
  }

  return {
    received,
    config: (): Partial<Config> => ({ smtpUrl: `smtp://127.0.0.1:${port}` }),
    delivered,
    /** The mails an address received, newest first. */
    to: (address: string) => received.filter((m) => m.to.includes(address.toLowerCase())).reverse(),
    /** The token of the newest `<path>/<token>` link an address received, or null. */
    async tokenFor(deps: AppDeps, address: string, path: 'reset-password' | 'invitations' | 'sign-up') {
      await delivered(deps);
      for (const m of received.filter((x) => x.to.includes(address.toLowerCase())).reverse()) {
        const token = new RegExp(`/${path}/([A-Za-z0-9_-]{10,})`).exec(m.body)?.[1];
        if (token) return token;
      }
      return null;
    },
  };
}
