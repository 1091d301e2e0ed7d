/**
 * What co-ops owe the fund and what they paid: obligations (a month's dues,
 * each with the reference code for the bank transfer and the movement that
 * booked it as owed) and payments (each the movement that booked it, and for
 * an imported one the fingerprint of its bank line, so a statement imported
 * twice posts once).
 */
import type { Kysely } from 'kysely';

const text = 'text' as const;
const cents = 'bigint' as const;

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('fund_obligations')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('coop_id', text, (c) => c.notNull().references('coops.id'))
    .addColumn('period', text, (c) => c.notNull()) // YYYY-MM
    .addColumn('kind', text, (c) => c.notNull()) // monthly_due
    .addColumn('amount_cents', cents, (c) => c.notNull())
    .addColumn('reference', text, (c) => c.notNull().unique())
    .addColumn('due_date', text, (c) => c.notNull())
    .addColumn('movement_id', text, (c) => c.notNull().references('ledger_movements.id'))
    .addColumn('created_by', text)
    .addColumn('created_at', text, (c) => c.notNull())
    .addUniqueConstraint('fund_obligations_once', ['coop_id', 'period', 'kind'])
    .execute();
  await db.schema
    .createIndex('fund_obligations_period')
    .on('fund_obligations')
    .columns(['period', 'coop_id'])
    .execute();

  await db.schema
    .createTable('fund_payments')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('obligation_id', text, (c) => c.notNull().references('fund_obligations.id'))
    .addColumn('movement_id', text, (c) => c.notNull().unique().references('ledger_movements.id'))
    .addColumn('cents', cents, (c) => c.notNull())
    .addColumn('paid_on', text, (c) => c.notNull())
    .addColumn('bank_line', text, (c) => c.unique()) // an imported line's fingerprint
    .addColumn('recorded_by', text)
    .addColumn('recorded_at', text, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('fund_payments_obligation').on('fund_payments').columns(['obligation_id']).execute();
}
