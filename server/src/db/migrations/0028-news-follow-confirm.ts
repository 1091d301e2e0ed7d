/**
 * A visitor's follow is mailed nothing until the address's owner confirms it
 * from a link (so nobody can sign someone else up for mails). Follows made
 * before this, by signed-in people or visitors, count as confirmed.
 */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('news_followers').addColumn('confirmed_at', 'text').execute();
  await sql`update news_followers set confirmed_at = created_at`.execute(db);
}
