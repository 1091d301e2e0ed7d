/** Notifications in the app: one row per person; all SQL of notifications. */
import type { Executor } from '../../../db/database.ts';
import type { NotificationTable } from '../../../db/schema-governance.ts';

export async function insertNotifications(ex: Executor, rows: NotificationTable[]): Promise<void> {
  // In chunks well under both engines' limits on bound parameters.
  for (let i = 0; i < rows.length; i += 400) await ex.insertInto('notifications').values(rows.slice(i, i + 400)).execute();
}

/** Email, name and language of the people to write to, only those who can sign in. */
export async function recipients(ex: Executor, personIds: string[]) {
  const out: { id: string; email: string; display_name: string; locale: string | null }[] = [];
  for (let i = 0; i < personIds.length; i += 500) {
    const chunk = personIds.slice(i, i + 500);
    out.push(
      ...(await ex
        .selectFrom('people')
        .select(['id', 'email', 'display_name', 'locale'])
        .where('id', 'in', chunk)
        .where('status', '=', 'active')
        .execute()),
    );
  }
  return out;
}

export async function listNotifications(ex: Executor, personId: string, opts: { limit: number; offset: number; unread?: boolean }) {
  let q = ex.selectFrom('notifications').where('person_id', '=', personId);
  if (opts.unread) q = q.where('read_at', 'is', null);
  const rows = await q.selectAll().orderBy('created_at', 'desc').orderBy('id').limit(opts.limit).offset(opts.offset).execute();
  const { total } = await q.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  return { rows, total: Number(total) };
}

export async function findNotification(ex: Executor, id: string) {
  return ex.selectFrom('notifications').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function markNotificationRead(ex: Executor, id: string, at: string): Promise<void> {
  await ex.updateTable('notifications').set({ read_at: at }).where('id', '=', id).where('read_at', 'is', null).execute();
}

export async function unreadCount(ex: Executor, personId: string): Promise<number> {
  const { n } = await ex
    .selectFrom('notifications')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('person_id', '=', personId)
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(n);
}

export async function markAllRead(ex: Executor, personId: string, at: string): Promise<number> {
  const r = await ex.updateTable('notifications').set({ read_at: at }).where('person_id', '=', personId).where('read_at', 'is', null).executeTakeFirst();
  return Number(r.numUpdatedRows);
}
