/**
 * The solidarity fund's ledger: its chart of accounts and sub-funds, the
 * books' closed date, and movements — balanced sets of entries in cents,
 * appended and never changed. Kept balances (per account, sub-fund and
 * co-op; per sub-fund) are updated in the same transaction as the entries
 * they sum, and so are each month's debits and credits per account and
 * sub-fund. Where a line has no sub-fund or co-op, the column holds '' (not
 * NULL), so a balance's key is unique on both engines.
 */
import { type Kysely, sql } from 'kysely';

const text = 'text' as const;
const int = 'integer' as const;
const cents = 'bigint' as const;

/** The starting chart: code, whether it is money held (never below zero), English and Spanish names. */
const ACCOUNTS: readonly (readonly [code: string, noOverdraft: 0 | 1, en: string, es: string])[] = [
  ['assets:bank', 1, 'Bank account', 'Cuenta bancaria'],
  ['assets:contributions-receivable', 0, 'Contributions receivable', 'Aportaciones por cobrar'],
  ['assets:loans-receivable', 0, 'Loans receivable', 'Préstamos por cobrar'],
  ['assets:interest-receivable', 0, 'Interest receivable', 'Intereses por cobrar'],
  ['liabilities:owed-to-coops', 0, 'Owed to co-ops', 'Debido a cooperativas'],
  ['equity:funds', 0, 'Fund balances', 'Saldos de los fondos'],
  ['income:contributions', 0, 'Contributions', 'Aportaciones'],
  ['income:gifts', 0, 'Gifts', 'Donaciones'],
  ['income:interest', 0, 'Interest', 'Intereses'],
  ['expenses:grants', 0, 'Grants', 'Ayudas'],
  ['expenses:programmes', 0, 'Programme spending', 'Gasto en programas'],
  ['expenses:write-offs', 0, 'Write-offs', 'Cancelaciones de deuda'],
];

/** The starting sub-funds (each may go down to zero until the network sets a minimum). */
const SUB_FUNDS: readonly (readonly [code: string, en: string, es: string])[] = [
  ['emergency', 'Emergency', 'Emergencias'],
  ['development', 'Development (new co-ops)', 'Desarrollo (nuevas cooperativas)'],
  ['programmes', 'Community programmes', 'Programas comunitarios'],
  ['reserve', 'Reserve', 'Reserva'],
  // What is lent and not yet repaid: moved here from development when a loan is paid out, back when it is repaid.
  ['loans', 'Loans outstanding', 'Préstamos en curso'],
];

/** How many rows the migration makes in each table: a restore counts them as made by the start, not as data. */
export const STARTING_LEDGER = {
  ledger_accounts: ACCOUNTS.length,
  ledger_sub_funds: SUB_FUNDS.length,
  ledger_books: 1,
};

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('ledger_accounts')
    .addColumn('code', text, (c) => c.primaryKey())
    .addColumn('type', text, (c) => c.notNull()) // assets | liabilities | equity | income | expenses
    .addColumn('no_overdraft', int, (c) => c.notNull()) // 1: money held, never below zero
    .addColumn('name_en', text, (c) => c.notNull())
    .addColumn('name_es', text, (c) => c.notNull())
    .addColumn('created_at', text, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('ledger_sub_funds')
    .addColumn('code', text, (c) => c.primaryKey())
    .addColumn('name_en', text, (c) => c.notNull())
    .addColumn('name_es', text, (c) => c.notNull())
    .addColumn('position', int, (c) => c.notNull()) // the order people read them in
    .addColumn('minimum_cents', cents, (c) => c.notNull())
    .addColumn('balance_cents', cents, (c) => c.notNull()) // kept: the credit-side sum of its entries
    .addColumn('created_at', text, (c) => c.notNull())
    .addColumn('updated_at', text, (c) => c.notNull())
    .execute();

  // One row: the books' state. Every posting locks it, so movements are numbered and applied one at a time.
  await db.schema
    .createTable('ledger_books')
    .addColumn('id', int, (c) => c.primaryKey())
    .addColumn('closed_through', text) // YYYY-MM-DD: nothing may be posted on or before it
    .addColumn('last_seq', cents, (c) => c.notNull())
    .addColumn('updated_at', text, (c) => c.notNull())
    .addColumn('updated_by', text)
    .execute();

  await db.schema
    .createTable('ledger_movements')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('seq', cents, (c) => c.notNull().unique())
    .addColumn('kind', text, (c) => c.notNull())
    .addColumn('date', text, (c) => c.notNull()) // the day it counts in the books
    .addColumn('reason', text, (c) => c.notNull())
    .addColumn('decision_kind', text) // proposal | approval
    .addColumn('decision_id', text)
    .addColumn('reverses_id', text, (c) => c.unique().references('ledger_movements.id')) // reversed at most once
    .addColumn('actor_id', text)
    .addColumn('posted_at', text, (c) => c.notNull())
    .addColumn('idempotency_key', text, (c) => c.notNull().unique())
    .addColumn('request_hash', text, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('ledger_movements_date').on('ledger_movements').columns(['date', 'seq']).execute();

  await db.schema
    .createTable('ledger_entries')
    .addColumn('movement_id', text, (c) => c.notNull().references('ledger_movements.id'))
    .addColumn('line', int, (c) => c.notNull())
    .addColumn('account_code', text, (c) => c.notNull().references('ledger_accounts.code'))
    .addColumn('sub_fund', text, (c) => c.notNull()) // '' on assets and liabilities
    .addColumn('coop_id', text, (c) => c.notNull()) // '' when the line is with no co-op
    .addColumn('cents', cents, (c) => c.notNull()) // debit positive, credit negative
    .addPrimaryKeyConstraint('ledger_entries_pk', ['movement_id', 'line'])
    .execute();
  await db.schema
    .createIndex('ledger_entries_account')
    .on('ledger_entries')
    .columns(['account_code', 'sub_fund', 'coop_id'])
    .execute();
  await db.schema.createIndex('ledger_entries_coop').on('ledger_entries').columns(['coop_id']).execute();

  await db.schema
    .createTable('ledger_balances')
    .addColumn('account_code', text, (c) => c.notNull())
    .addColumn('sub_fund', text, (c) => c.notNull())
    .addColumn('coop_id', text, (c) => c.notNull())
    .addColumn('cents', cents, (c) => c.notNull()) // debit positive: the sum of the entries with this key
    .addPrimaryKeyConstraint('ledger_balances_pk', ['account_code', 'sub_fund', 'coop_id'])
    .execute();

  // Kept per month of the books: what each account (and sub-fund) took in and gave out, for the fund's monthly figures.
  await db.schema
    .createTable('ledger_months')
    .addColumn('month', text, (c) => c.notNull()) // YYYY-MM of the movements' dates
    .addColumn('account_code', text, (c) => c.notNull())
    .addColumn('sub_fund', text, (c) => c.notNull())
    .addColumn('debit_cents', cents, (c) => c.notNull()) // the sum of its positive entries
    .addColumn('credit_cents', cents, (c) => c.notNull()) // the sum of its negative entries, as a positive amount
    .addPrimaryKeyConstraint('ledger_months_pk', ['month', 'account_code', 'sub_fund'])
    .execute();

  const now = new Date().toISOString();
  for (const [code, noOverdraft, en, es] of ACCOUNTS) {
    const type = code.slice(0, code.indexOf(':'));
    await sql`insert into ledger_accounts (code, type, no_overdraft, name_en, name_es, created_at) values (${code}, ${type}, ${noOverdraft}, ${en}, ${es}, ${now})`.execute(
      db,
    );
  }
  for (const [position, [code, en, es]] of SUB_FUNDS.entries()) {
    await sql`insert into ledger_sub_funds (code, name_en, name_es, position, minimum_cents, balance_cents, created_at, updated_at) values (${code}, ${en}, ${es}, ${position}, 0, 0, ${now}, ${now})`.execute(
      db,
    );
  }
  await sql`insert into ledger_books (id, closed_through, last_seq, updated_at) values (1, null, 0, ${now})`.execute(
    db,
  );
}
