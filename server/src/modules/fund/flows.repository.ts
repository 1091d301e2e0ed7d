/**
 * The sums the fund's flows and budgets are read from: a period's debits and
 * credits per account and sub-fund (the kept month figures), the sub-funds'
 * lines on `equity:funds` by the kind of movement they were in, what each
 * sub-fund held before the period, and the budgets' versions.
 */
import { sql } from 'kysely';
import type { Executor } from '../../db/database.ts';
import type { FundBudgetTable } from '../../db/schema-fund.ts';

const EQUITY = 'equity:funds';

/** Debits and credits per account and sub-fund from month `from` to month `to` (YYYY-MM), but `equity:funds`. */
export async function periodSums(ex: Executor, from: string, to: string) {
  const rows = await ex
    .selectFrom('ledger_months')
    .select([
      'account_code',
      'sub_fund',
      (eb) => eb.fn.sum<number | string>('debit_cents').as('debit'),
      (eb) => eb.fn.sum<number | string>('credit_cents').as('credit'),
    ])
    .where('month', '>=', from)
    .where('month', '<=', to)
    .where('sub_fund', '<>', '')
    .where('account_code', '<>', EQUITY)
    .groupBy(['account_code', 'sub_fund'])
    .execute();
  return rows.map((r) => ({
    account: r.account_code,
    subFund: r.sub_fund,
    debitCents: Number(r.debit),
    creditCents: Number(r.credit),
  }));
}

/** The sub-funds' lines on `equity:funds` dated from day `from` to day `to`, summed per kind of movement. */
export async function equitySums(ex: Executor, from: string, to: string) {
  const rows = await ex
    .selectFrom('ledger_entries as e')
    .innerJoin('ledger_movements as m', 'm.id', 'e.movement_id')
    .select([
      'm.kind',
      'e.sub_fund',
      sql<number | string>`sum(case when e.cents > 0 then e.cents else 0 end)`.as('debit'),
      sql<number | string>`sum(case when e.cents < 0 then -e.cents else 0 end)`.as('credit'),
    ])
    .where('e.account_code', '=', EQUITY)
    .where('m.date', '>=', from)
    .where('m.date', '<=', to)
    .groupBy(['m.kind', 'e.sub_fund'])
    .execute();
  return rows.map((r) => ({
    kind: r.kind,
    subFund: r.sub_fund,
    debitCents: Number(r.debit),
    creditCents: Number(r.credit),
  }));
}

/** What each sub-fund held before month `month` (YYYY-MM): the credit side of its lines. */
export async function heldBefore(ex: Executor, month: string): Promise<Map<string, number>> {
  const rows = await ex
    .selectFrom('ledger_months')
    .select(['sub_fund', sql<number | string>`sum(credit_cents - debit_cents)`.as('held')])
    .where('month', '<', month)
    .where('sub_fund', '<>', '')
    .groupBy('sub_fund')
    .execute();
  return new Map(rows.map((r) => [r.sub_fund, Number(r.held)]));
}

/** The first month of the books (YYYY-MM), if anything was ever posted. */
export async function firstMonth(ex: Executor): Promise<string | null> {
  const row = await ex
    .selectFrom('ledger_months')
    .select((eb) => eb.fn.min<string>('month').as('month'))
    .executeTakeFirst();
  return row?.month ?? null;
}

/** The years some budget was set for. */
export async function budgetYears(ex: Executor): Promise<number[]> {
  const rows = await ex.selectFrom('fund_budgets').select('year').distinct().execute();
  return rows.map((r) => Number(r.year));
}

/** Every version of every sub-fund's budget for a year, newest first, with who set it. */
export async function budgetsOf(ex: Executor, year: number) {
  return ex
    .selectFrom('fund_budgets as b')
    .leftJoin('people as p', 'p.id', 'b.set_by')
    .selectAll('b')
    .select('p.display_name as set_by_name')
    .where('b.year', '=', year)
    .orderBy('b.sub_fund')
    .orderBy('b.version', 'desc')
    .execute();
}

/** A sub-fund's budget for a year as it stands: its latest version. */
export async function latestBudget(ex: Executor, year: number, subFund: string) {
  return ex
    .selectFrom('fund_budgets')
    .selectAll()
    .where('year', '=', year)
    .where('sub_fund', '=', subFund)
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
}

const isUniqueViolation = (e: unknown) => {
  const code = (e as { code?: string } | null)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE';
};

/** Adds a version; false when that version was just added by someone else (the year, sub-fund and version are unique). */
export async function insertBudget(ex: Executor, row: FundBudgetTable): Promise<boolean> {
  try {
    await ex.insertInto('fund_budgets').values(row).execute();
    return true;
  } catch (e) {
    if (isUniqueViolation(e)) return false;
    throw e;
  }
}
