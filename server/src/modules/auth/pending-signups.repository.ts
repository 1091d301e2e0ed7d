/** Sign-ups waiting for their address to be confirmed: one row per link sent, used at most once. */
import type { Executor } from '../../db/database.ts';

export async function insertPendingSignup(
  ex: Executor,
  row: {
    id: string;
    token_hash: string;
    email: string;
    display_name: string;
    password_hash: string;
    created_at: string;
    expires_at: string;
  },
): Promise<void> {
  await ex
    .insertInto('pending_signups')
    .values({ ...row, used_at: null })
    .execute();
}

export async function findUsableSignup(ex: Executor, tokenHash: string, now: string) {
  return ex
    .selectFrom('pending_signups')
    .selectAll()
    .where('token_hash', '=', tokenHash)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .executeTakeFirst();
}

/** Marks a link used if nobody did so first: two requests with one link make one account. */
export async function useSignup(ex: Executor, id: string, now: string): Promise<boolean> {
  const r = await ex
    .updateTable('pending_signups')
    .set({ used_at: now })
    .where('id', '=', id)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
