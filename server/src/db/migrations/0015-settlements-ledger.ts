/**
 * Reciprocity settlements through the fund's ledger (decision 0019).
 *
 * What the fund owes a giver is a liability in the ledger, posted when the
 * month is settled (an expense of reimbursements to givers, borne by the
 * community programmes sub-fund); paying it is a movement from the bank. So
 * an obligation keeps the movement that recorded it, a payment is a row of
 * its own naming its movement, and the `status` and `paid_at` columns that
 * were updated in place go.
 *
 * Obligations recorded before this migration become movements here, written
 * as the ledger writes them (entries, kept balances, month figures, the
 * sub-fund's balance, the books' sequence) — a frozen copy, so this migration
 * does not change when the ledger's code does. Their dates are the days they
 * were recorded; the books' closed date does not apply to history.
 */
import { type Kysely, sql } from 'kysely';

const text = 'text' as const;
const cents = 'bigint' as const;

const ACCOUNT = 'expenses:reimbursements';
/** The accounts this migration adds to every new network's chart (a restore counts them as made by the start, not as data). */
export const ADDED_ACCOUNTS = 1;
const SUB_FUND = 'programmes';
/** a movement holds at most 50 lines: 49 co-ops and the expense */
const PER_MOVEMENT = 49;

interface Old {
  id: string;
  month: string;
  coop_id: string;
  amount_cents: number | string;
  status: string;
  created_by: string | null;
  created_at: string;
  paid_at: string | null;
}

interface Line {
  account: string;
  subFund: string;
  coopId: string;
  cents: number;
}

export async function up(db: Kysely<unknown>): Promise<void> {
  const now = new Date().toISOString();
  await sql`insert into ledger_accounts (code, type, no_overdraft, name_en, name_es, created_at) values (${ACCOUNT}, 'expenses', 0, 'Reimbursements to givers', 'Reembolsos a quienes dan', ${now})`.execute(
    db,
  );
  await db.schema.alterTable('settlement_obligations').addColumn('movement_id', text).execute();
  await db.schema
    .createTable('settlement_payments')
    .addColumn('obligation_id', text, (c) => c.primaryKey().references('settlement_obligations.id')) // paid once
    .addColumn('movement_id', text, (c) => c.notNull().unique().references('ledger_movements.id'))
    .addColumn('cents', cents, (c) => c.notNull())
    .addColumn('date', text, (c) => c.notNull()) // the day the transfer left the bank: the movement's date
    .addColumn('idempotency_key', text, (c) => c.notNull().unique()) // the payment's, as its movement's
    .addColumn('paid_by', text)
    .addColumn('paid_at', text, (c) => c.notNull())
    .execute();

  const old = (
    await sql<Old>`select id, month, coop_id, amount_cents, status, created_by, created_at, paid_at from settlement_obligations order by month, coop_id, id`.execute(
      db,
    )
  ).rows;
  const byMonth = new Map<string, Old[]>();
  for (const o of old) byMonth.set(o.month, [...(byMonth.get(o.month) ?? []), o]);

  for (const [month, rows] of byMonth) {
    for (let i = 0; i < rows.length; i += PER_MOVEMENT) {
      const chunk = rows.slice(i, i + PER_MOVEMENT);
      const total = chunk.reduce((s, o) => s + Number(o.amount_cents), 0);
      const movementId = await post(db, {
        key: `settlement:${month}:${i / PER_MOVEMENT + 1}`,
        kind: 'settlement',
        date: chunk[0]!.created_at.slice(0, 10),
        reason: `Reimbursements to givers for ${month}`,
        actorId: chunk[0]!.created_by,
        lines: [
          { account: ACCOUNT, subFund: SUB_FUND, coopId: '', cents: total },
          ...chunk.map((o) => ({ account: 'liabilities:owed-to-coops', subFund: '', coopId: o.coop_id, cents: -Number(o.amount_cents) })),
        ],
      });
      for (const o of chunk) {
        await sql`update settlement_obligations set movement_id = ${movementId} where id = ${o.id}`.execute(db);
      }
    }
    for (const o of rows.filter((r) => r.status === 'paid')) {
      const amount = Number(o.amount_cents);
      const paidAt = o.paid_at ?? o.created_at;
      const key = `settlement-payment:${o.id}`;
      const movementId = await post(db, {
        key,
        kind: 'settlement',
        date: paidAt.slice(0, 10),
        reason: `Reimbursement to a giver for ${month} paid`,
        actorId: null,
        lines: [
          { account: 'liabilities:owed-to-coops', subFund: '', coopId: o.coop_id, cents: amount },
          { account: 'assets:bank', subFund: '', coopId: '', cents: -amount },
        ],
      });
      await sql`insert into settlement_payments (obligation_id, movement_id, cents, date, idempotency_key, paid_by, paid_at) values (${o.id}, ${movementId}, ${amount}, ${paidAt.slice(0, 10)}, ${key}, ${null}, ${paidAt})`.execute(
        db,
      );
    }
  }

  await db.schema.alterTable('settlement_obligations').dropColumn('status').execute();
  await db.schema.alterTable('settlement_obligations').dropColumn('paid_at').execute();
}

/** Writes one movement as the ledger of this version writes it. */
async function post(
  db: Kysely<unknown>,
  m: { key: string; kind: string; date: string; reason: string; actorId: string | null; lines: Line[] },
): Promise<string> {
  const books = (await sql<{ last_seq: number | string }>`select last_seq from ledger_books where id = 1`.execute(db)).rows[0]!;
  const seq = Number(books.last_seq) + 1;
  const id = crypto.randomUUID();
  const at = new Date().toISOString();
  await sql`insert into ledger_movements (id, seq, kind, date, reason, decision_kind, decision_id, reverses_id, actor_id, posted_at, idempotency_key, request_hash)
    values (${id}, ${seq}, ${m.kind}, ${m.date}, ${m.reason}, ${null}, ${null}, ${null}, ${m.actorId}, ${at}, ${m.key}, ${'migrated'})`.execute(db);
  for (const [i, l] of m.lines.entries()) {
    await sql`insert into ledger_entries (movement_id, line, account_code, sub_fund, coop_id, cents) values (${id}, ${i}, ${l.account}, ${l.subFund}, ${l.coopId}, ${l.cents})`.execute(
      db,
    );
    await sql`insert into ledger_balances (account_code, sub_fund, coop_id, cents) values (${l.account}, ${l.subFund}, ${l.coopId}, ${l.cents})
      on conflict (account_code, sub_fund, coop_id) do update set cents = ledger_balances.cents + excluded.cents`.execute(db);
    const debit = l.cents > 0 ? l.cents : 0;
    const credit = l.cents < 0 ? -l.cents : 0;
    await sql`insert into ledger_months (month, account_code, sub_fund, debit_cents, credit_cents) values (${m.date.slice(0, 7)}, ${l.account}, ${l.subFund}, ${debit}, ${credit})
      on conflict (month, account_code, sub_fund) do update set debit_cents = ledger_months.debit_cents + excluded.debit_cents, credit_cents = ledger_months.credit_cents + excluded.credit_cents`.execute(
      db,
    );
    if (l.subFund !== '') {
      await sql`update ledger_sub_funds set balance_cents = balance_cents - ${l.cents}, updated_at = ${at} where code = ${l.subFund}`.execute(db);
    }
  }
  await sql`update ledger_books set last_seq = ${seq} where id = 1`.execute(db);
  return id;
}

export async function down(): Promise<void> {
  throw new Error('migrations are append-only');
}
