/**
 * The directory lists member co-ops by name, then id. An index in exactly that
 * order lets a page be read straight from the index (the first 50 rows and
 * stop) instead of sorting every member co-op for every page; it replaces the
 * (status, name) index, which it covers.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('coops_directory').on('coops').columns(['status', 'name', 'id']).execute();
  await db.schema.dropIndex('coops_status_name').execute();
}

export async function down(): Promise<void> {
  throw new Error('migrations are append-only');
}
