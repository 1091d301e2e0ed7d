/** The mail outbox: every message is written here in the transaction that causes it. */
import type { Executor } from '../../db/database.ts';
import { newId, nowIso } from '../clock.ts';

/**
 * What a mail shows, in the outbox, where its secret link (reset, invitation,
 * sign-up confirmation) would be. The secret reaches only the recipient: the
 * mailer puts it back when it hands the mail to SMTP.
 */
export const SECRET_MASK = '[link hidden]';

/** How many times a mail is tried before it is given up. */
export const MAX_ATTEMPTS = 5;

export interface MailMessage {
  to: string;
  subject: string;
  /** the text as stored and shown in the outbox; a secret appears in it as SECRET_MASK */
  text: string;
  /**
   * The secret the text masks. A string is kept (beside the mail, never in
   * its text) until the mail is sent; null when it cannot be sent (no SMTP),
   * so it is never stored at all. Absent for mails without a secret.
   */
  secret?: string | null;
}

/** A mail's secret part: kept only when a mailer will deliver it. */
export const secretFor = (delivers: boolean, token: string): string | null => (delivers ? token : null);

/** The text the recipient gets: the stored text with its secret put back. */
export function textToSend(m: { body_text: string; secret: string | null }): string {
  return m.secret === null ? m.body_text : m.body_text.split(SECRET_MASK).join(m.secret);
}

const row = (m: MailMessage, at: string) => ({
  id: newId(),
  to_address: m.to,
  subject: m.subject,
  body_text: m.text,
  created_at: at,
  sent_at: null,
  attempts: 0,
  last_error: null,
  has_secret: m.secret === undefined ? 0 : 1,
  secret: m.secret ?? null,
});

export async function queueMail(ex: Executor, m: MailMessage): Promise<string> {
  const values = row(m, nowIso());
  await ex.insertInto('outbox_mail').values(values).execute();
  return values.id;
}

/** Many messages at once (an import of workers), in chunks well under the engines' parameter limits. */
export async function queueMails(ex: Executor, messages: MailMessage[]): Promise<void> {
  const now = nowIso();
  for (let i = 0; i < messages.length; i += 400) {
    const rows = messages.slice(i, i + 400).map((m) => row(m, now));
    await ex.insertInto('outbox_mail').values(rows).execute();
  }
}

/** Mail still to send; a mail whose secret was not kept is never sent (its link would not work). */
export async function unsentMail(ex: Executor, limit: number) {
  return ex
    .selectFrom('outbox_mail')
    .selectAll()
    .where('sent_at', 'is', null)
    .where('attempts', '<', MAX_ATTEMPTS)
    .where((eb) => eb.or([eb('has_secret', '=', 0), eb('secret', 'is not', null)]))
    .orderBy('created_at')
    .limit(limit)
    .execute();
}

/** Sent: the secret has reached its recipient and is forgotten here. */
export async function markSent(ex: Executor, id: string): Promise<void> {
  await ex.updateTable('outbox_mail').set({ sent_at: nowIso(), secret: null }).where('id', '=', id).execute();
}

/** After the last attempt the secret is forgotten too: the mail will never be sent. */
export async function markFailed(ex: Executor, id: string, attempts: number, error: string): Promise<void> {
  await ex
    .updateTable('outbox_mail')
    .set({ attempts, last_error: error.slice(0, 500), ...(attempts >= MAX_ATTEMPTS && { secret: null }) })
    .where('id', '=', id)
    .execute();
}

/** Where a mail stands, as the outbox shows it: `kept` when no mail server is set (it will stay unsent). */
export function mailState(m: { sentAt: string | null; attempts: number; withheld: boolean; delivers: boolean }): 'sent' | 'queued' | 'failed' | 'kept' {
  if (m.sentAt !== null) return 'sent';
  if (m.attempts >= MAX_ATTEMPTS) return 'failed';
  if (!m.delivers) return 'kept';
  // A mail server is set, but the mail's secret link was not kept (it was queued while there was none).
  return m.withheld ? 'failed' : 'queued';
}

/** For coordinators to read: every column but the secret. */
export async function listOutbox(ex: Executor, opts: { limit: number; offset: number }) {
  const rows = await ex
    .selectFrom('outbox_mail')
    .select(['id', 'to_address', 'subject', 'body_text', 'created_at', 'sent_at', 'attempts', 'last_error', 'has_secret'])
    .select((eb) => eb('secret', 'is not', null).as('secret_kept'))
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .limit(opts.limit)
    .offset(opts.offset)
    .execute();
  const { total } = await ex
    .selectFrom('outbox_mail')
    .select((eb) => eb.fn.countAll<number>().as('total'))
    .executeTakeFirstOrThrow();
  return { rows, total: Number(total) };
}

/** How many mails are queued (still to send), sent, and failed (given up after the last attempt), for monitoring. */
export async function countOutboxByState(ex: Executor): Promise<{ queued: number; sent: number; failed: number }> {
  const row = await ex
    .selectFrom('outbox_mail')
    .select((eb) => [
      eb.fn.countAll<number>().as('total'),
      eb.fn.count<number>('sent_at').as('sent'),
      eb.fn
        .sum<number | null>(eb.case().when(eb.and([eb('sent_at', 'is', null), eb('attempts', '>=', MAX_ATTEMPTS)])).then(1).else(0).end())
        .as('failed'),
    ])
    .executeTakeFirstOrThrow();
  const total = Number(row.total);
  const sent = Number(row.sent);
  const failed = Number(row.failed ?? 0);
  return { queued: total - sent - failed, sent, failed };
}
