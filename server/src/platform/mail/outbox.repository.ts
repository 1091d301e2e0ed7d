/** The mail outbox: every message is written here in the transaction that causes it. */
import type { Executor } from '../../db/database.ts';
import { newId, nowIso } from '../clock.ts';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

export async function queueMail(ex: Executor, m: MailMessage): Promise<string> {
  const id = newId();
  await ex
    .insertInto('outbox_mail')
    .values({ id, to_address: m.to, subject: m.subject, body_text: m.text, created_at: nowIso(), sent_at: null, attempts: 0, last_error: null })
    .execute();
  return id;
}

/** Many messages at once (an import of workers), in chunks well under the engines' parameter limits. */
export async function queueMails(ex: Executor, messages: MailMessage[]): Promise<void> {
  const now = nowIso();
  for (let i = 0; i < messages.length; i += 400) {
    const rows = messages.slice(i, i + 400).map((m) => ({
      id: newId(),
      to_address: m.to,
      subject: m.subject,
      body_text: m.text,
      created_at: now,
      sent_at: null,
      attempts: 0,
      last_error: null,
    }));
    await ex.insertInto('outbox_mail').values(rows).execute();
  }
}

export async function unsentMail(ex: Executor, limit: number) {
  return ex
    .selectFrom('outbox_mail')
    .selectAll()
    .where('sent_at', 'is', null)
    .where('attempts', '<', 5)
    .orderBy('created_at')
    .limit(limit)
    .execute();
}

export async function markSent(ex: Executor, id: string): Promise<void> {
  await ex.updateTable('outbox_mail').set({ sent_at: nowIso() }).where('id', '=', id).execute();
}

export async function markFailed(ex: Executor, id: string, attempts: number, error: string): Promise<void> {
  await ex.updateTable('outbox_mail').set({ attempts, last_error: error.slice(0, 500) }).where('id', '=', id).execute();
}

export async function listOutbox(ex: Executor, opts: { limit: number; offset: number }) {
  const rows = await ex
    .selectFrom('outbox_mail')
    .selectAll()
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
