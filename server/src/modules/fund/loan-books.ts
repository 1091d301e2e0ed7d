/**
 * A loan's money in the books, each act inside the caller's transaction:
 * paying it out, a repayment (interest first, then principal) and forgiving
 * what is left. The loans service calls them for a treasurer's request, the
 * bank statement import for a matched line, the demo to replay its history
 * on the days it happened (`asOf`).
 *
 * Paying out an approved loan application books, in one movement, the money
 * leaving the bank as a loan receivable from the co-op, and moves the amount
 * from the development sub-fund to "loans outstanding": the development
 * sub-fund can lend only what it holds, and the fund's worth does not change
 * (a loan is still the fund's money). The terms are frozen into the loan.
 *
 * A repayment pays the interest counted so far first, then the principal:
 * the interest (simple, yearly, on the principal still owed, from the last
 * repayment to this one, never while the loan is frozen; unpaid interest is
 * carried and never earns interest) is income of the development sub-fund;
 * the principal repaid goes back from "loans outstanding" to development.
 * Interest is booked as income when it is paid. A repayment beyond what is
 * owed is refused.
 */
import { fund as rules } from '@coopnet/domain';
import type { Tx } from '../../db/database.ts';
import type { FundApplicationTable } from '../../db/schema-fund.ts';
import { newId, nowIso } from '../../platform/clock.ts';
import { badRequest, conflict, notFound } from '../../platform/errors.ts';
import * as changesRepo from './loan-changes.repository.ts';
import * as repo from './loans.repository.ts';
import { movementByKey } from './ledger.repository.ts';
import { type LedgerDeps, postIn, todayIn } from './ledger.service.ts';

export interface LoanTermsStored {
  termMonths: number;
  rateBasisPoints: number;
  graceMonths: number;
  schedule: rules.LoanSchedule;
  shareBasisPoints?: number | undefined;
}

/** The changes as the schedule's rules read them. */
export const changesOf = (rows: changesRepo.ChangeRow[]): rules.LoanChange[] =>
  rows.map((c) =>
    c.kind === 'reschedule'
      ? { kind: c.kind, on: c.effective_on, termMonths: Number(c.term_months), graceMonths: Number(c.grace_months) }
      : { kind: c.kind, on: c.effective_on },
  );

/** Books an approved loan application's payout and makes the loan; returns the movement and the loan. */
export async function disburseIn(
  trx: Tx,
  deps: LedgerDeps,
  a: FundApplicationTable,
  terms: LoanTermsStored,
  actorId: string,
  key: string,
) {
  const cents = Number(a.amount_cents);
  const today = await todayIn(trx, deps);
  const posted = await postIn(
    trx,
    deps,
    {
      kind: 'loan',
      date: today,
      reason: a.purpose.slice(0, 500),
      decision: { kind: 'approval', id: a.id },
      lines: [
        { account: 'assets:loans-receivable', subFund: null, coopId: a.coop_id, cents },
        { account: 'assets:bank', subFund: null, coopId: null, cents: -cents },
        { account: 'equity:funds', subFund: a.sub_fund, coopId: null, cents },
        { account: 'equity:funds', subFund: 'loans', coopId: null, cents: -cents },
      ],
    },
    { actorId, key, request: { pay: a.id } },
  );
  const id = newId();
  await repo.insertLoan(trx, {
    id,
    application_id: a.id,
    coop_id: a.coop_id,
    principal_cents: cents,
    rate_basis_points: terms.rateBasisPoints,
    term_months: terms.termMonths,
    grace_months: terms.graceMonths,
    schedule: terms.schedule,
    reference: rules.referenceCode(today.slice(0, 7), id, 'L'),
    disbursed_on: today,
    interest_through: today,
    interest_unpaid_cents: 0,
    written_off_cents: 0,
    written_off_movement_id: null,
    created_at: nowIso(),
    share_basis_points: terms.schedule === 'revenue_share' ? (terms.shareBasisPoints ?? null) : null,
  });
  return { ...posted, loanId: id };
}

export interface Standing {
  principalRepaid: number;
  interestPaid: number;
  principalOutstanding: number;
  /** interest owed up to `on`: carried plus counted since the last repayment */
  interestDue: number;
}

export function standing(
  l: repo.LoanRow,
  repayments: { interest_cents: number; principal_cents: number }[],
  changes: changesRepo.ChangeRow[],
  on: string,
): Standing {
  const principalRepaid = repayments.reduce((s, r) => s + Number(r.principal_cents), 0);
  const interestPaid = repayments.reduce((s, r) => s + Number(r.interest_cents), 0);
  const principalOutstanding = Number(l.principal_cents) - principalRepaid - Number(l.written_off_cents);
  const interestDue =
    Number(l.interest_unpaid_cents) +
    rules.interestOutsideFreezes(
      principalOutstanding,
      Number(l.rate_basis_points),
      l.interest_through,
      on,
      rules.frozenPeriods(changesOf(changes)),
    );
  return { principalRepaid, interestPaid, principalOutstanding, interestDue };
}

/** Books a repayment of a loan inside the caller's transaction (a treasurer's, or a bank statement's line). */
export async function repayIn(
  trx: Tx,
  deps: LedgerDeps,
  loanId: string,
  cents: number,
  date: string,
  actorId: string | null,
  key: string,
  bankLine: string | null,
) {
  await repo.lockLoan(trx, deps.dialect, loanId);
  const l = await repo.loanById(trx, loanId);
  if (!l) throw notFound('loan');
  if (date < l.interest_through)
    throw badRequest('fund.repayment_before_last', 'A repayment is dated on or after the loan’s last repayment.', {
      after: l.interest_through,
    });
  const s = standing(l, await repo.repaymentsOf(trx, [loanId]), await changesRepo.changesOf(trx, [loanId]), date);
  if (cents > s.principalOutstanding + s.interestDue) {
    throw conflict('fund.more_than_owed', 'This is more than the co-op still owes on the loan.', {
      owedCents: s.principalOutstanding + s.interestDue,
    });
  }
  const split = rules.allocate(cents, s.interestDue);
  const lines = [
    { account: 'assets:bank', subFund: null, coopId: null, cents },
    ...(split.interestCents > 0
      ? [{ account: 'income:interest', subFund: 'development', coopId: null, cents: -split.interestCents }]
      : []),
    ...(split.principalCents > 0
      ? [
          { account: 'assets:loans-receivable', subFund: null, coopId: l.coop_id, cents: -split.principalCents },
          { account: 'equity:funds', subFund: 'loans', coopId: null, cents: split.principalCents },
          { account: 'equity:funds', subFund: 'development', coopId: null, cents: -split.principalCents },
        ]
      : []),
  ];
  const posted = await postIn(
    trx,
    deps,
    { kind: 'repayment', date, reason: `Loan repayment by ${l.coop_name} (${l.reference})`, decision: null, lines },
    { actorId, key },
  );
  if (posted.status === 'duplicate') return { created: false };
  await repo.insertRepayment(trx, {
    id: newId(),
    loan_id: loanId,
    movement_id: posted.movementId,
    paid_on: date,
    interest_cents: split.interestCents,
    principal_cents: split.principalCents,
    bank_line: bankLine,
    recorded_by: actorId,
    recorded_at: nowIso(),
  });
  await repo.setInterest(trx, loanId, date, s.interestDue - split.interestCents);
  return { created: true };
}


/**
 * Forgives or writes off what is left of a loan's principal, on a passed
 * proposal, inside the caller's transaction: the receivable from the co-op
 * goes, as a write-off of the loans outstanding. Interest not yet paid is not
 * owed any more. Null for a retry of this very write-off (done already).
 */
export async function writeOffIn(
  trx: Tx,
  deps: LedgerDeps,
  loanId: string,
  input: { reason: string; decision: { kind: 'proposal'; id: string } },
  actorId: string | null,
  key: string,
): Promise<{ cents: number; coopId: string; movementId: string } | null> {
  await repo.lockLoan(trx, deps.dialect, loanId);
  const l = await repo.loanById(trx, loanId);
  if (!l) throw notFound('loan');
  const earlier = await movementByKey(trx, key);
  if (earlier && earlier.id === l.written_off_movement_id) return null;
  const today = await todayIn(trx, deps);
  const s = standing(l, await repo.repaymentsOf(trx, [loanId]), await changesRepo.changesOf(trx, [loanId]), today);
  if (s.principalOutstanding <= 0) throw conflict('fund.nothing_owed', 'Nothing is owed on this loan.');
  const posted = await postIn(
    trx,
    deps,
    {
      kind: 'write-off',
      date: today,
      reason: input.reason,
      decision: input.decision,
      lines: [
        { account: 'expenses:write-offs', subFund: 'loans', coopId: l.coop_id, cents: s.principalOutstanding },
        { account: 'assets:loans-receivable', subFund: null, coopId: l.coop_id, cents: -s.principalOutstanding },
      ],
    },
    { actorId, key },
  );
  await repo.writeOff(trx, loanId, s.principalOutstanding, posted.movementId);
  return { cents: s.principalOutstanding, coopId: l.coop_id, movementId: posted.movementId };
}
