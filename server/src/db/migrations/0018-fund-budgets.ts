/**
 * Each sub-fund's budget for a year: what it plans to spend and, if it says,
 * to receive. A change is a new version, never an update in place: who set
 * it, when and why stay in the history (decision 0022).
 */
import type { Kysely } from 'kysely';

const text = 'text' as const;
const int = 'integer' as const;
const cents = 'bigint' as const;

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('fund_budgets')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('year', int, (c) => c.notNull())
    .addColumn('sub_fund', text, (c) => c.notNull().references('ledger_sub_funds.code'))
    .addColumn('version', int, (c) => c.notNull()) // 1, 2, …: the latest is the budget
    .addColumn('spend_cents', cents, (c) => c.notNull())
    .addColumn('receive_cents', cents) // null: the budget says nothing of what comes in
    .addColumn('note', text)
    .addColumn('set_by', text)
    .addColumn('set_at', text, (c) => c.notNull())
    .addUniqueConstraint('fund_budgets_version', ['year', 'sub_fund', 'version'])
    .execute();
}
