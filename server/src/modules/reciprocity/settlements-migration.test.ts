/**
 * A network that settled months before settlements went through the fund's
 * ledger: migrating keeps every obligation and puts what the fund owes (and
 * what it paid) into the books, as movements.
 */
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { openDatabase } from '../../db/database.ts';
import { migrateTo, migrateToLatest } from '../../db/migrate.ts';
import { DIALECTS, dropDatabases, freshDatabaseUrl } from '../../../test/harness.ts';

const coop = (id: string, name: string) =>
  sql`insert into coops (id, slug, name, search_text, legal_form, sector, address, city, description, worker_count, status, created_at, updated_at)
      values (${id}, ${name.toLowerCase()}, ${name}, ${name.toLowerCase()}, 'worker co-op', 'food', '1 Main St', 'Town', '', 5, 'member', '2025-01-01T00:00:00Z', '2025-01-01T00:00:00Z')`;

const obligation = (id: string, month: string, coopId: string, cents: number, status: 'owed' | 'paid') =>
  sql`insert into settlement_obligations (id, month, coop_id, net_given_cents, threshold_cents, amount_cents, status, created_by, created_at, paid_at)
      values (${id}, ${month}, ${coopId}, ${cents + 5000}, 5000, ${cents}, ${status}, ${null}, ${`${month}-28T10:00:00.000Z`}, ${status === 'paid' ? '2025-03-03T09:00:00.000Z' : null})`;

for (const dialect of DIALECTS) {
  it(`moves settlements made before into the fund's ledger [${dialect}]`, async () => {
    const url = await freshDatabaseUrl(dialect);
    const { db, close } = openDatabase(url);
    try {
      await migrateTo(db, '0014-fund-loans');
      const [a, b] = ['00000000-0000-4000-8000-00000000000a', '00000000-0000-4000-8000-00000000000b'];
      await coop(a, 'Alpha').execute(db);
      await coop(b, 'Beta').execute(db);
      await obligation('00000000-0000-4000-8000-000000000001', '2025-01', a, 2500, 'owed').execute(db);
      await obligation('00000000-0000-4000-8000-000000000002', '2025-01', b, 4000, 'paid').execute(db);
      await obligation('00000000-0000-4000-8000-000000000003', '2025-02', a, 1000, 'owed').execute(db);

      await migrateToLatest(db);

      const rows = await db.selectFrom('settlement_obligations').selectAll().orderBy('id').execute();
      expect(rows.map((r) => [r.month, r.coop_id, Number(r.amount_cents)])).toEqual([
        ['2025-01', a, 2500],
        ['2025-01', b, 4000],
        ['2025-02', a, 1000],
      ]);
      // The column updated in place is gone; each obligation names the movement that recorded it.
      expect(Object.keys(rows[0]!).sort()).not.toContain('status');
      expect(rows[0]!.movement_id).toBe(rows[1]!.movement_id);
      expect(rows[2]!.movement_id).not.toBe(rows[0]!.movement_id);

      const movements = await db.selectFrom('ledger_movements').selectAll().orderBy('seq').execute();
      expect(movements.map((m) => [Number(m.seq), m.kind, m.date, m.reason])).toEqual([
        [1, 'settlement', '2025-01-28', 'Reimbursements to givers for 2025-01'],
        [2, 'settlement', '2025-03-03', 'Reimbursement to a giver for 2025-01 paid'],
        [3, 'settlement', '2025-02-28', 'Reimbursements to givers for 2025-02'],
      ]);
      const payments = await db.selectFrom('settlement_payments').selectAll().execute();
      expect(payments).toMatchObject([{ obligation_id: '00000000-0000-4000-8000-000000000002', movement_id: movements[1]!.id, date: '2025-03-03' }]);

      // Every movement balances; the kept figures are the sums of the entries.
      const entries = await db.selectFrom('ledger_entries').selectAll().execute();
      for (const m of movements) {
        expect(entries.filter((e) => e.movement_id === m.id).reduce((s, e) => s + Number(e.cents), 0)).toBe(0);
      }
      const balance = async (account: string, coopId = '', subFund = '') =>
        Number(
          (
            await db
              .selectFrom('ledger_balances')
              .select('cents')
              .where('account_code', '=', account)
              .where('coop_id', '=', coopId)
              .where('sub_fund', '=', subFund)
              .executeTakeFirst()
          )?.cents ?? 0,
        );
      expect(await balance('liabilities:owed-to-coops', a)).toBe(-3500);
      expect(await balance('liabilities:owed-to-coops', b)).toBe(0);
      expect(await balance('assets:bank')).toBe(-4000);
      expect(await balance('expenses:reimbursements', '', 'programmes')).toBe(7500);
      const programmes = await db.selectFrom('ledger_sub_funds').select('balance_cents').where('code', '=', 'programmes').executeTakeFirstOrThrow();
      expect(Number(programmes.balance_cents)).toBe(-7500);
      const months = await db.selectFrom('ledger_months').selectAll().where('account_code', '=', 'expenses:reimbursements').orderBy('month').execute();
      expect(months.map((m) => [m.month, Number(m.debit_cents), Number(m.credit_cents)])).toEqual([
        ['2025-01', 6500, 0],
        ['2025-02', 1000, 0],
      ]);
      const books = await db.selectFrom('ledger_books').selectAll().executeTakeFirstOrThrow();
      expect(Number(books.last_seq)).toBe(3);
    } finally {
      await close();
      if (dialect === 'postgres') await dropDatabases([url]);
    }
  });
}
