/** Loans from the fund and their repayments. */
import type { DialectName, Executor } from '../../db/database.ts';
import type { FundLoanRepaymentTable, FundLoanTable } from '../../db/schema-fund.ts';

export async function insertLoan(ex: Executor, row: FundLoanTable): Promise<void> {
  await ex.insertInto('fund_loans').values(row).execute();
}

export async function insertRepayment(ex: Executor, row: FundLoanRepaymentTable): Promise<void> {
  await ex.insertInto('fund_loan_repayments').values(row).execute();
}

const withCoop = (ex: Executor) =>
  ex
    .selectFrom('fund_loans as l')
    .innerJoin('coops as c', 'c.id', 'l.coop_id')
    .selectAll('l')
    .select('c.name as coop_name');
export type LoanRow = Awaited<ReturnType<ReturnType<typeof withCoop>['execute']>>[number];

export async function loanById(ex: Executor, id: string): Promise<LoanRow | undefined> {
  return withCoop(ex).where('l.id', '=', id).executeTakeFirst();
}

export async function loans(ex: Executor, coopId: string | null): Promise<LoanRow[]> {
  let q = withCoop(ex).orderBy('l.disbursed_on', 'desc').orderBy('l.id');
  if (coopId) q = q.where('l.coop_id', '=', coopId);
  return q.execute();
}

/** The loan's row; on PostgreSQL locked until the transaction ends, so its repayments are counted one at a time. */
export async function lockLoan(ex: Executor, dialect: DialectName, id: string) {
  let q = ex.selectFrom('fund_loans').select('id').where('id', '=', id);
  if (dialect === 'postgres') q = q.forUpdate();
  return q.executeTakeFirst();
}

export async function repaymentsOf(ex: Executor, loanIds: string[]) {
  if (loanIds.length === 0) return [];
  return ex
    .selectFrom('fund_loan_repayments')
    .selectAll()
    .where('loan_id', 'in', loanIds)
    .orderBy('paid_on')
    .orderBy('recorded_at')
    .execute();
}

export async function setInterest(ex: Executor, id: string, through: string, unpaidCents: number): Promise<void> {
  await ex
    .updateTable('fund_loans')
    .set({ interest_through: through, interest_unpaid_cents: unpaidCents })
    .where('id', '=', id)
    .execute();
}

export async function loanOfApplication(ex: Executor, applicationId: string) {
  return ex.selectFrom('fund_loans').select('id').where('application_id', '=', applicationId).executeTakeFirst();
}

/** What a co-op still owes in principal on all its loans: the share of the fund lent to it. */
export async function principalOwedBy(ex: Executor, coopId: string): Promise<number> {
  const lent = await ex
    .selectFrom('fund_loans')
    .select((eb) => eb.fn.sum<number>('principal_cents').as('n'))
    .where('coop_id', '=', coopId)
    .executeTakeFirst();
  const repaid = await ex
    .selectFrom('fund_loan_repayments as r')
    .innerJoin('fund_loans as l', 'l.id', 'r.loan_id')
    .select((eb) => eb.fn.sum<number>('r.principal_cents').as('n'))
    .where('l.coop_id', '=', coopId)
    .executeTakeFirst();
  return Number(lent?.n ?? 0) - Number(repaid?.n ?? 0);
}

/** What the fund is worth: the sum of its sub-funds. */
export async function fundWorth(ex: Executor): Promise<number> {
  const row = await ex
    .selectFrom('ledger_sub_funds')
    .select((eb) => eb.fn.sum<number>('balance_cents').as('n'))
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

export async function writeOff(ex: Executor, id: string, cents: number, movementId: string): Promise<void> {
  await ex
    .updateTable('fund_loans')
    .set({ written_off_cents: cents, written_off_movement_id: movementId, interest_unpaid_cents: 0 })
    .where('id', '=', id)
    .execute();
}

/** The loan a repayment booked under this Idempotency-Key repaid, if one was. */
export async function repaymentByKey(ex: Executor, key: string) {
  return ex
    .selectFrom('fund_loan_repayments as r')
    .innerJoin('ledger_movements as m', 'm.id', 'r.movement_id')
    .select('r.loan_id')
    .where('m.idempotency_key', '=', key)
    .executeTakeFirst();
}
