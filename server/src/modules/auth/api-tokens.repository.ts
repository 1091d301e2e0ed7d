/** API tokens: stored only as a hash; revoked, never deleted, so the audit log keeps its subject. */
import type { Executor } from '../../db/database.ts';

export async function insertApiToken(
  ex: Executor,
  row: { id: string; token_hash: string; person_id: string; name: string; scopes: string[]; created_at: string },
): Promise<void> {
  await ex
    .insertInto('api_tokens')
    .values({ ...row, scopes: JSON.stringify(row.scopes), last_used_at: null, revoked_at: null })
    .execute();
}

export async function activeTokensOf(ex: Executor, personId: string) {
  return ex
    .selectFrom('api_tokens')
    .select(['id', 'name', 'scopes', 'created_at', 'last_used_at'])
    .where('person_id', '=', personId)
    .where('revoked_at', 'is', null)
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .execute();
}

export async function findActiveToken(ex: Executor, id: string, personId: string) {
  return ex
    .selectFrom('api_tokens')
    .select(['id', 'name', 'scopes', 'created_at', 'last_used_at'])
    .where('id', '=', id)
    .where('person_id', '=', personId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
}

/** Revokes a token of this person; false if it is not theirs or already revoked. */
export async function revokeToken(ex: Executor, id: string, personId: string, now: string): Promise<boolean> {
  const r = await ex
    .updateTable('api_tokens')
    .set({ revoked_at: now })
    .where('id', '=', id)
    .where('person_id', '=', personId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Revokes every token of a person (a password reset); how many were still working. */
export async function revokeAllTokensOf(ex: Executor, personId: string, now: string): Promise<number> {
  const r = await ex
    .updateTable('api_tokens')
    .set({ revoked_at: now })
    .where('person_id', '=', personId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}
