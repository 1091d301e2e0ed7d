/** People as accounts: look-ups by e-mail and password changes. */
import type { Executor } from '../../db/database.ts';

export async function findActiveByEmail(ex: Executor, email: string) {
  return ex.selectFrom('people').selectAll().where('email', '=', email).where('status', '=', 'active').executeTakeFirst();
}

export async function findPersonById(ex: Executor, id: string) {
  return ex.selectFrom('people').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function coopName(ex: Executor, coopId: string | null): Promise<string | null> {
  if (!coopId) return null;
  const row = await ex.selectFrom('coops').select('name').where('id', '=', coopId).executeTakeFirst();
  return row?.name ?? null;
}

export async function setPassword(ex: Executor, personId: string, hash: string, at: string) {
  await ex.updateTable('people').set({ password_hash: hash, updated_at: at }).where('id', '=', personId).execute();
}
