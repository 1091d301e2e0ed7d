/** Password resets: one row per link sent, used at most once. */
import type { Executor } from '../../db/database.ts';

export async function insertReset(
  ex: Executor,
  row: { id: string; token_hash: string; person_id: string; created_at: string; expires_at: string },
): Promise<void> {
  await ex
    .insertInto('password_resets')
    .values({ ...row, used_at: null })
    .execute();
}

/** A reset that can still be used, of a person who can still sign in. */
export async function findUsableReset(ex: Executor, tokenHash: string, now: string) {
  return ex
    .selectFrom('password_resets')
    .innerJoin('people', 'people.id', 'password_resets.person_id')
    .select(['password_resets.id', 'password_resets.person_id'])
    .where('password_resets.token_hash', '=', tokenHash)
    .where('password_resets.used_at', 'is', null)
    .where('password_resets.expires_at', '>', now)
    .where('people.status', '=', 'active')
    .executeTakeFirst();
}

/**
 * Marks a reset used if nobody did so first: the conditional update is the
 * lock, so two requests with the same link change the password once.
 */
export async function useReset(ex: Executor, id: string, now: string): Promise<boolean> {
  const r = await ex
    .updateTable('password_resets')
    .set({ used_at: now })
    .where('id', '=', id)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Once the password changed, older links sent to the same person die too. */
export async function useAllResetsOf(ex: Executor, personId: string, now: string): Promise<void> {
  await ex
    .updateTable('password_resets')
    .set({ used_at: now })
    .where('person_id', '=', personId)
    .where('used_at', 'is', null)
    .execute();
}
