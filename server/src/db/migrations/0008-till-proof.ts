/**
 * Sales that must be proven and months that stay closed (decision 0010):
 * each redemption carries the accounting month it counts in (the month of the
 * sale, or the next open month when its own was settled before it arrived),
 * and a flagged redemption carries the co-op admin's decision — accepted or
 * rejected — without which it does not count in the reciprocity accounts.
 *
 * Rows already there count where they counted: their accounting month is
 * their sale month; a flag already marked seen, or in a month already
 * settled (whose figures were counted with it), is accepted.
 */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('redemptions')
    .addColumn('accounting_month', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await db.schema.alterTable('redemptions').addColumn('flag_decision', 'text').execute(); // accepted | rejected
  await sql`update redemptions set accounting_month = month`.execute(db);
  await sql`
    update redemptions set flag_decision = 'accepted'
    where flag is not null and (
      flag_resolved_at is not null
      or month in (select subject_id from audit_events where action = 'reciprocity.month_settled' and subject_type = 'reciprocity_month')
    )`.execute(db);
  await db.schema.createIndex('redemptions_accounting').on('redemptions').columns(['accounting_month', 'coop_id']).execute();
}

export async function down(): Promise<void> {
  throw new Error('migrations are append-only');
}
