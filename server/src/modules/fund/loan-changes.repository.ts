/** A loan's changes that move no money, and the monthly revenue declared for it. */
import type { Executor } from '../../db/database.ts';
import type { FundLoanChangeTable, FundLoanRevenueTable } from '../../db/schema-fund.ts';

export async function insertChange(ex: Executor, row: FundLoanChangeTable): Promise<void> {
  await ex.insertInto('fund_loan_changes').values(row).execute();
}

export async function insertRevenue(ex: Executor, row: FundLoanRevenueTable): Promise<void> {
  await ex.insertInto('fund_loan_revenues').values(row).execute();
}

/** The loans' changes by the day they take effect (in the order recorded, as each is dated on or after the last), with who recorded them. */
export async function changesOf(ex: Executor, loanIds: string[]) {
  if (loanIds.length === 0) return [];
  return ex
    .selectFrom('fund_loan_changes as c')
    .leftJoin('people as p', 'p.id', 'c.recorded_by')
    .selectAll('c')
    .select('p.display_name as recorded_by_name')
    .where('c.loan_id', 'in', loanIds)
    .orderBy('c.effective_on')
    .orderBy('c.recorded_at')
    .orderBy('c.id')
    .execute();
}
export type ChangeRow = Awaited<ReturnType<typeof changesOf>>[number];

/** Every revenue declared for the loans, newest first, with who declared it. */
export async function revenuesOf(ex: Executor, loanIds: string[]) {
  if (loanIds.length === 0) return [];
  return ex
    .selectFrom('fund_loan_revenues as r')
    .leftJoin('people as p', 'p.id', 'r.declared_by')
    .selectAll('r')
    .select('p.display_name as declared_by_name')
    .where('r.loan_id', 'in', loanIds)
    .orderBy('r.declared_at', 'desc')
    .orderBy('r.id', 'desc')
    .execute();
}
export type RevenueRow = Awaited<ReturnType<typeof revenuesOf>>[number];
