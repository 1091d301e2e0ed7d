/**
 * A real SMTP server in the test process: secret links (resets, invitations,
 * sign-up confirmations) reach only the mail's recipient, so a test reads
 * them where the recipient would, here, and never from the outbox. Use
 * `const smtp = smtpCatcher()` at the top of a file and pass `smtp.config` as
 * the overrides of `describeOnDatabases`; `smtpCatcher({ refuse })` refuses
 * some recipients, as a real mail server refuses an unknown mailbox.
 */
import { afterAll, beforeAll } from 'vitest';
import type { Config } from '../src/config.ts';
import type { AppDeps } from '../src/deps.ts';
import { settled } from '../src/platform/after-response.ts';
import { type Caught, type SmtpServerOptions, startSmtpServer } from './smtp-server.ts';

export type { Caught };

/** `refuse`: recipients the server refuses with a 550 (see smtp-server.ts). */
export function smtpCatcher(options: Pick<SmtpServerOptions, 'refuse'> = {}) {
  const received: Caught[] = [];
  let server: Awaited<ReturnType<typeof startSmtpServer>>;
  let port = 0;
  beforeAll(async () => {
    server = await startSmtpServer({ ...options, into: received });
    port = server.port;
  });
  afterAll(async () => {
    await server.close();
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
