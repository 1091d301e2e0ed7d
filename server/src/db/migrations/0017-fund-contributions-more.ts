/**
 * More of what co-ops give the fund: each co-op's declared yearly accounts
 * (the surplus whose share it owes, once per year), voluntary gifts (who gave,
 * whether they may be named in public, the movement that booked them) and the
 * reminders sent of overdue obligations (one row per obligation and stage, so
 * a reminder is never sent twice).
 */
import type { Kysely } from 'kysely';

const text = 'text' as const;
const int = 'integer' as const;
const cents = 'bigint' as const;

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('fund_surplus_declarations')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('coop_id', text, (c) => c.notNull().references('coops.id'))
    .addColumn('year', int, (c) => c.notNull())
    .addColumn('closed_on', text, (c) => c.notNull())
    .addColumn('surplus_cents', cents, (c) => c.notNull()) // a loss is negative
    .addColumn('share_basis_points', int, (c) => c.notNull())
    .addColumn('obligation_id', text, (c) => c.references('fund_obligations.id')) // none when nothing is owed
    .addColumn('declared_by', text)
    .addColumn('declared_at', text, (c) => c.notNull())
    .addColumn('corrected_by', text)
    .addColumn('corrected_at', text)
    .addUniqueConstraint('fund_surplus_declarations_once', ['coop_id', 'year'])
    .execute();

  await db.schema
    .createTable('fund_gifts')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('movement_id', text, (c) => c.notNull().unique().references('ledger_movements.id'))
    .addColumn('giver_kind', text, (c) => c.notNull()) // coop | named | anonymous
    .addColumn('giver_coop_id', text, (c) => c.references('coops.id'))
    .addColumn('giver_name', text)
    .addColumn('name_public', int, (c) => c.notNull()) // 1: a named giver shown by name on the public page
    .addColumn('cents', cents, (c) => c.notNull())
    .addColumn('received_on', text, (c) => c.notNull())
    .addColumn('sub_fund', text, (c) => c.notNull())
    .addColumn('note', text, (c) => c.notNull())
    .addColumn('recorded_by', text)
    .addColumn('recorded_at', text, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('fund_gifts_received').on('fund_gifts').columns(['received_on']).execute();

  await db.schema
    .createTable('fund_reminders')
    .addColumn('obligation_id', text, (c) => c.notNull().references('fund_obligations.id'))
    .addColumn('stage', int, (c) => c.notNull())
    .addColumn('recipients', int, (c) => c.notNull())
    .addColumn('sent_at', text, (c) => c.notNull())
    .addPrimaryKeyConstraint('fund_reminders_pk', ['obligation_id', 'stage'])
    .execute();
}
