/**
 * Delivers the outbox through SMTP when SMTP_URL is set, putting a mail's
 * secret link back into its text on the way out. Without it, mail stays in
 * the outbox, where coordinators read it in the web app, secret links masked:
 * mails with a secret link cannot be delivered at all then. Each attempt is
 * logged (delivery.ts): the mail's id, the attempt, the SMTP error, never the
 * text or a link.
 */
import type { FastifyBaseLogger } from 'fastify';
import nodemailer, { type Transporter } from 'nodemailer';
import type { Db } from '../../db/database.ts';
import { logDelivered, logFailed } from './delivery.ts';
import { MAX_ATTEMPTS, markFailed, markSent, textToSend, unsentMail } from './outbox.repository.ts';

export interface Mailer {
  /** true when messages leave the machine by SMTP */
  readonly delivers: boolean;
  /** send what is pending now; resolves when done (tests await it) */
  flush(): Promise<void>;
  close(): void;
}

export function createMailer(db: Db, smtpUrl: string | undefined, from: string, log: FastifyBaseLogger): Mailer {
  if (!smtpUrl) return { delivers: false, flush: async () => {}, close: () => {} };
  // A pooled transport keeps connections open, so a batch (an import's hundred
  // invitations) does not pay a new SMTP handshake per message.
  const url = new URL(smtpUrl);
  if (!url.searchParams.has('pool')) url.searchParams.set('pool', 'true');
  const transport: Transporter = nodemailer.createTransport(url.toString());
  let running: Promise<void> | null = null;

  async function sendPending(): Promise<void> {
    // Each message is tried at most once per pass, so a server that is down for
    // a moment does not use up all of a message's attempts in one go.
    const failed = new Set<string>();
    for (;;) {
      const batch = (await unsentMail(db, 20 + failed.size)).filter((m) => !failed.has(m.id));
      if (batch.length === 0) return;
      for (const m of batch) {
        const attempt = { id: m.id, attempt: m.attempts + 1, of: MAX_ATTEMPTS, to: m.to_address };
        try {
          await transport.sendMail({ from, to: m.to_address, subject: m.subject, text: textToSend(m) });
          await markSent(db, m.id);
          logDelivered(log, attempt);
        } catch (err) {
          failed.add(m.id);
          await markFailed(db, m.id, attempt.attempt, (err as Error).message);
          logFailed(log, attempt, err);
        }
      }
    }
  }

  const flush = async () => {
    while (running) await running;
    running = sendPending()
      .catch((err: unknown) => {
        log.error({ err }, 'mail: the outbox could not be delivered; the next pass tries again');
        throw err;
      })
      .finally(() => {
        running = null;
      });
    await running;
  };
  const timer = setInterval(() => void flush().catch(() => {}), 30_000);
  timer.unref();
  return { delivers: true, flush, close: () => { clearInterval(timer); transport.close(); } };
}
