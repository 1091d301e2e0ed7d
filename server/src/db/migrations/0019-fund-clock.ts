/**
 * The fund's clock remembers what it sent: one row per notice (a fast-track
 * application's reminder, its overdue notice, a loan's arrears alert for one
 * stretch of lateness and one threshold). The primary key makes each notice
 * go once, even when two servers tick together: whoever inserts the row
 * sends the notice, in the same transaction.
 */
import type { Kysely } from 'kysely';

const text = 'text' as const;

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('fund_notices_sent')
    // the application or loan the notice is about
    .addColumn('subject_id', text, (c) => c.notNull())
    // fast_track_reminder | fast_track_overdue | arrears_30 | arrears_60 | arrears_90
    .addColumn('notice', text, (c) => c.notNull())
    // for arrears, the day the loan fell behind (a loan that catches up and falls behind again has a new one); '' otherwise
    .addColumn('since', text, (c) => c.notNull())
    .addColumn('sent_at', text, (c) => c.notNull())
    .addPrimaryKeyConstraint('fund_notices_sent_pk', ['subject_id', 'notice', 'since'])
    .execute();
}
