/**
 * When a proposal's discussion began: the bylaws' minDiscussionHours is
 * counted from it when voting is opened.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('proposals').addColumn('discussion_opened_at', 'text').execute();
}

export async function down(): Promise<void> {
  throw new Error('migrations are append-only');
}
