/**
 * Applications to the solidarity fund (emergency grants, seed capital,
 * programme funding) and the fund committee's answers to them. Who decides is
 * frozen into the application when it is made (the bylaws' band for its kind
 * and amount); approving and paying are separate acts by different people.
 */
import type { Kysely } from 'kysely';

const text = 'text' as const;
const int = 'integer' as const;
const cents = 'bigint' as const;

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('fund_applications')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('coop_id', text, (c) => c.notNull().references('coops.id'))
    .addColumn('kind', text, (c) => c.notNull()) // emergency_grant | loan | seed_capital | programme
    .addColumn('amount_cents', cents, (c) => c.notNull())
    .addColumn('purpose', text, (c) => c.notNull())
    .addColumn('plan', text, (c) => c.notNull())
    .addColumn('recipient_hidden', int, (c) => c.notNull()) // 1: the public list names no co-op (the amount is always shown)
    .addColumn('repayment', text) // a loan's repayment proposal
    .addColumn('sub_fund', text, (c) => c.notNull()) // the sub-fund it would be paid from
    .addColumn('track', text, (c) => c.notNull()) // committee | assembly
    .addColumn('approvals_needed', int) // committee: how many approvals decide it
    .addColumn('due_at', text) // a fast track's deadline
    .addColumn('status', text, (c) => c.notNull()) // open | approved | declined | paid | withdrawn
    .addColumn('applied_by', text, (c) => c.notNull())
    .addColumn('created_at', text, (c) => c.notNull())
    .addColumn('decided_at', text)
    .addColumn('paid_movement_id', text, (c) => c.unique().references('ledger_movements.id'))
    .addColumn('paid_by', text)
    .addColumn('paid_at', text)
    .execute();
  await db.schema
    .createIndex('fund_applications_coop')
    .on('fund_applications')
    .columns(['coop_id', 'created_at'])
    .execute();
  await db.schema
    .createIndex('fund_applications_status')
    .on('fund_applications')
    .columns(['status', 'created_at'])
    .execute();

  await db.schema
    .createTable('fund_approvals')
    .addColumn('application_id', text, (c) => c.notNull().references('fund_applications.id'))
    .addColumn('person_id', text, (c) => c.notNull().references('people.id'))
    .addColumn('decision', text, (c) => c.notNull()) // approve | decline
    .addColumn('note', text)
    .addColumn('at', text, (c) => c.notNull())
    .addPrimaryKeyConstraint('fund_approvals_pk', ['application_id', 'person_id'])
    .execute();
}
