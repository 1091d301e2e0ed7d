/**
 * Loans' schedules as decided over time (decision 0020): a revenue-share
 * loan keeps its share of monthly revenue; each change to a loan that moves
 * no money — a freeze, its end, a reschedule, the month a co-op covers its
 * costs — is a row with who, when, why and the decision it rests on; and each
 * month's revenue a co-op declares is kept, a correction being a later row
 * for the same month.
 */
import type { Kysely } from 'kysely';

const text = 'text' as const;
const int = 'integer' as const;
const cents = 'bigint' as const;

export async function up(db: Kysely<unknown>): Promise<void> {
  // basis points of each month's revenue (500 = 5 %), for a revenue_share loan
  await db.schema.alterTable('fund_loans').addColumn('share_basis_points', int).execute();

  await db.schema
    .createTable('fund_loan_changes')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('loan_id', text, (c) => c.notNull().references('fund_loans.id'))
    .addColumn('kind', text, (c) => c.notNull()) // freeze | unfreeze | reschedule | viable
    .addColumn('effective_on', text, (c) => c.notNull()) // the day it takes effect (viable: the month's first day)
    .addColumn('term_months', int) // reschedule
    .addColumn('grace_months', int) // reschedule
    .addColumn('reason', text, (c) => c.notNull())
    .addColumn('decision_kind', text) // proposal, for a treasurer's change
    .addColumn('decision_id', text)
    .addColumn('recorded_by', text, (c) => c.references('people.id'))
    .addColumn('recorded_at', text, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('fund_loan_changes_loan')
    .on('fund_loan_changes')
    .columns(['loan_id', 'recorded_at'])
    .execute();

  await db.schema
    .createTable('fund_loan_revenues')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('loan_id', text, (c) => c.notNull().references('fund_loans.id'))
    .addColumn('month', text, (c) => c.notNull())
    .addColumn('revenue_cents', cents, (c) => c.notNull())
    .addColumn('declared_by', text, (c) => c.references('people.id'))
    .addColumn('declared_at', text, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('fund_loan_revenues_loan')
    .on('fund_loan_revenues')
    .columns(['loan_id', 'month', 'declared_at'])
    .execute();
}
