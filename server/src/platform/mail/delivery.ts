/**
 * The log lines of mail delivery, one per attempt: the mail's id (to find it
 * in the outbox), the attempt, the recipient masked (`m***@example.org`: the
 * domain says which provider refused; the full address is in the outbox, for
 * coordinators) and, on failure, what the SMTP server or the connection said.
 * Never the subject, the text or a link.
 */
import type { FastifyBaseLogger } from 'fastify';

export interface Attempt {
  id: string;
  /** 1 for the first attempt */
  attempt: number;
  /** attempts a mail gets before it is given up */
  of: number;
  to: string;
}

const ADDRESS = /([^\s<>()[\]@"',;:]+)@([A-Za-z0-9.-]+\.[A-Za-z]{2,})/g;

/** `maria@example.org` → `m***@example.org`; also every address inside a text (an SMTP reply quotes them). */
export function maskAddresses(text: string): string {
  return text.replace(ADDRESS, (_, local: string, domain: string) => `${local.slice(0, 1)}***@${domain}`);
}

const mailFields = (a: Attempt) => ({ id: a.id, attempt: a.attempt, of: a.of, to: maskAddresses(a.to) });

export function logDelivered(log: FastifyBaseLogger, a: Attempt): void {
  log.info({ mail: mailFields(a) }, 'mail sent');
}

/** What nodemailer tells of a failure: its code (EENVELOPE, ECONNECTION…), the SMTP reply code and command, and the message. */
function smtpFields(err: unknown) {
  const e = err as { message?: string; code?: string; responseCode?: number; command?: string };
  return {
    message: maskAddresses(String(e.message ?? err)).slice(0, 500),
    ...(e.code && { code: e.code }),
    ...(e.responseCode && { responseCode: e.responseCode }),
    ...(e.command && { command: e.command }),
  };
}

export function logFailed(log: FastifyBaseLogger, a: Attempt, err: unknown): void {
  const fields = { mail: mailFields(a), smtp: smtpFields(err) };
  if (a.attempt >= a.of) log.error(fields, `mail not sent: given up after ${a.of} attempts`);
  else log.warn(fields, 'mail not sent: it will be tried again');
}
