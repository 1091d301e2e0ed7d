/**
 * The store of retried writes' first answers (`idempotency_keys`), for every
 * write except a till's sale (which keeps its key on its own row: see
 * docs/decisions/0014-idempotency-keys.md). A write looks up (scope, key)
 * before it acts and saves its answer in the same transaction; a retry with
 * another request hash is a conflict the caller answers with 409.
 */
import type { Executor } from '../db/database.ts';

export async function findIdempotent(ex: Executor, scope: string, key: string) {
  return ex.selectFrom('idempotency_keys').selectAll().where('scope', '=', scope).where('key', '=', key).executeTakeFirst();
}

/** `key` and `requestHash` are the caller's to make: a ballot keys them with the voter's secret (ballot-binding.ts). */
export async function saveIdempotent(ex: Executor, row: { scope: string; key: string; requestHash: string; statusCode: number; response: unknown; at: string }): Promise<void> {
  await ex
    .insertInto('idempotency_keys')
    .values({ scope: row.scope, key: row.key, request_hash: row.requestHash, status_code: row.statusCode, response_json: JSON.stringify(row.response), created_at: row.at })
    .execute();
}
