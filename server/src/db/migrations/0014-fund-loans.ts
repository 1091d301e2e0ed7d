/**
 * Loans from the fund: the terms frozen when a loan application is paid out
 * (principal, simple yearly interest, term, grace, schedule), a reference
 * code for the co-op's transfers, the day interest has been counted to, and
 * each repayment with its split between interest and principal.
 */
import type { Kysely } from 'kysely';

const text = 'text' as const;
const int = 'integer' as const;
const cents = 'bigint' as const;

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('fund_loans')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('application_id', text, (c) => c.notNull().unique().references('fund_applications.id'))
    .addColumn('coop_id', text, (c) => c.notNull().references('coops.id'))
    .addColumn('principal_cents', cents, (c) => c.notNull())
    .addColumn('rate_basis_points', int, (c) => c.notNull())
    .addColumn('term_months', int, (c) => c.notNull())
    .addColumn('grace_months', int, (c) => c.notNull())
    .addColumn('schedule', text, (c) => c.notNull()) // fixed | revenue_share | when_viable
    .addColumn('reference', text, (c) => c.notNull().unique())
    .addColumn('disbursed_on', text, (c) => c.notNull())
    .addColumn('interest_through', text, (c) => c.notNull()) // interest is counted up to this day
    .addColumn('interest_unpaid_cents', cents, (c) => c.notNull()) // counted and not yet paid (never itself earning interest)
    .addColumn('written_off_cents', cents, (c) => c.notNull()) // principal forgiven or written off by decision
    .addColumn('written_off_movement_id', text, (c) => c.references('ledger_movements.id'))
    .addColumn('created_at', text, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('fund_loans_coop').on('fund_loans').columns(['coop_id']).execute();

  await db.schema
    .createTable('fund_loan_repayments')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('loan_id', text, (c) => c.notNull().references('fund_loans.id'))
    .addColumn('movement_id', text, (c) => c.notNull().unique().references('ledger_movements.id'))
    .addColumn('paid_on', text, (c) => c.notNull())
    .addColumn('interest_cents', cents, (c) => c.notNull())
    .addColumn('principal_cents', cents, (c) => c.notNull())
    .addColumn('bank_line', text, (c) => c.unique())
    .addColumn('recorded_by', text)
    .addColumn('recorded_at', text, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('fund_loan_repayments_loan').on('fund_loan_repayments').columns(['loan_id', 'paid_on']).execute();

  // A loan application proposes its terms; they are frozen into the loan when it is paid out.
  await db.schema.alterTable('fund_applications').addColumn('loan_terms_json', text).execute();
}
