/**
 * Loans from the fund, without a bank.
 *
 * Paying out an approved loan application books, in one movement, the money
 * leaving the bank as a loan receivable from the co-op, and moves the amount
 * from the development sub-fund to "loans outstanding": the development
 * sub-fund can lend only what it holds, and the fund's worth does not change
 * (a loan is still the fund's money). The terms are frozen into the loan.
 *
 * A repayment pays the interest counted so far first, then the principal:
 * the interest (simple, yearly, on the principal still owed, from the last
 * repayment to this one; unpaid interest is carried and never earns interest)
 * is income of the development sub-fund; the principal repaid goes back from
 * "loans outstanding" to development. Interest is booked as income when it is
 * paid. A repayment beyond what is owed is refused.
 */
import type { LoanStatement } from '@coopnet/contract/fund';
import { fund as rules } from '@coopnet/domain';
import type { Tx } from '../../db/database.ts';
import type { FundApplicationTable } from '../../db/schema-fund.ts';
import type { AppDeps } from '../../deps.ts';
import type { MaybeActor } from '../../platform/auth/actor.ts';
import { authorize } from '../../platform/auth/authorize.ts';
import { recordAudit } from '../../platform/audit/audit.repository.ts';
import { newId, nowIso } from '../../platform/clock.ts';
import { badRequest, conflict, notFound } from '../../platform/errors.ts';
import { fundPolicy } from './fund.policy.ts';
import * as changesRepo from './loan-changes.repository.ts';
import * as repo from './loans.repository.ts';
import { movementByKey } from './ledger.repository.ts';
import { postIn, todayIn } from './ledger.service.ts';

export interface LoanTermsStored {
  termMonths: number;
  rateBasisPoints: number;
  graceMonths: number;
  schedule: rules.LoanSchedule;
  shareBasisPoints?: number | undefined;
}

/** The changes as the schedule's rules read them. */
const changesOf = (rows: changesRepo.ChangeRow[]): rules.LoanChange[] =>
  rows.map((c) =>
    c.kind === 'reschedule'
      ? { kind: c.kind, on: c.effective_on, termMonths: Number(c.term_months), graceMonths: Number(c.grace_months) }
      : { kind: c.kind, on: c.effective_on },
  );

/** The revenue standing for each month: the latest declared (rows come newest first). */
function standingRevenues(rows: changesRepo.RevenueRow[]): { month: string; revenueCents: number }[] {
  const byMonth = new Map<string, number>();
  for (const r of rows) if (!byMonth.has(r.month)) byMonth.set(r.month, Number(r.revenue_cents));
  return [...byMonth].map(([month, revenueCents]) => ({ month, revenueCents }));
}

/** The loan's schedule as it stands on `today`. */
export function planOf(
  l: repo.LoanRow,
  repayments: { paid_on: string; principal_cents: number }[],
  changes: changesRepo.ChangeRow[],
  revenues: changesRepo.RevenueRow[],
  today: string,
): rules.Plan {
  return rules.loanPlan({
    principalCents: Number(l.principal_cents),
    termMonths: Number(l.term_months),
    graceMonths: Number(l.grace_months),
    schedule: l.schedule,
    shareBasisPoints: l.share_basis_points === null ? null : Number(l.share_basis_points),
    disbursedOn: l.disbursed_on,
    changes: changesOf(changes),
    revenues: standingRevenues(revenues),
    repayments: repayments.map((r) => ({ paidOn: r.paid_on, principalCents: Number(r.principal_cents) })),
    writtenOffCents: Number(l.written_off_cents),
    today,
  });
}

/** Books an approved loan application's payout and makes the loan; returns the movement. */
export async function disburseIn(
  trx: Tx,
  deps: Pick<AppDeps, 'dialect' | 'network'>,
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
  return posted;
}

interface Standing {
  principalRepaid: number;
  interestPaid: number;
  principalOutstanding: number;
  /** interest owed up to `on`: carried plus counted since the last repayment */
  interestDue: number;
}

function standing(
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

export function loansService(deps: AppDeps) {
  const { db, dialect } = deps;

  function present(
    actor: MaybeActor,
    l: repo.LoanRow,
    repayments: Awaited<ReturnType<typeof repo.repaymentsOf>>,
    changes: changesRepo.ChangeRow[],
    revenues: changesRepo.RevenueRow[],
    today: string,
  ): LoanStatement {
    const s = standing(l, repayments, changes, today);
    const plan = planOf(l, repayments, changes, revenues, today);
    // The latest declaration for a month stands (rows come newest first).
    const standingIds = new Set<string>();
    const seen = new Set<string>();
    for (const r of revenues) {
      if (seen.has(r.month)) continue;
      seen.add(r.month);
      standingIds.add(r.id);
    }
    let covered = s.principalRepaid + Number(l.written_off_cents);
    const owed = s.principalOutstanding + s.interestDue > 0;
    return {
      id: l.id,
      applicationId: l.application_id,
      coopId: l.coop_id,
      coopName: l.coop_name,
      reference: l.reference,
      principalCents: Number(l.principal_cents),
      rateBasisPoints: Number(l.rate_basis_points),
      termMonths: Number(l.term_months),
      graceMonths: Number(l.grace_months),
      schedule: l.schedule,
      disbursedOn: l.disbursed_on,
      principalRepaidCents: s.principalRepaid,
      writtenOffCents: Number(l.written_off_cents),
      principalOutstandingCents: s.principalOutstanding,
      interestPaidCents: s.interestPaid,
      interestDueCents: s.interestDue,
      shareBasisPoints: l.share_basis_points === null ? null : Number(l.share_basis_points),
      instalments: plan.dues.map((i) => {
        const part = Math.min(covered, i.principalCents);
        covered -= part;
        return { due: i.due, principalCents: i.principalCents, coveredCents: part, month: i.month, frozen: i.frozen };
      }),
      revenueMonths: plan.revenueMonths,
      declarations: revenues.map((r) => ({
        month: r.month,
        revenueCents: Number(r.revenue_cents),
        declaredBy: r.declared_by_name,
        declaredAt: r.declared_at,
        standing: standingIds.has(r.id),
      })),
      frozen: plan.frozen,
      viableFrom: plan.viableFrom,
      changes: changes.map((c) => ({
        kind: c.kind,
        on: c.effective_on,
        termMonths: c.term_months === null ? null : Number(c.term_months),
        graceMonths: c.grace_months === null ? null : Number(c.grace_months),
        reason: c.reason,
        decision: c.decision_kind === 'proposal' && c.decision_id ? { kind: 'proposal' as const, id: c.decision_id } : null,
        recordedBy: c.recorded_by_name,
        recordedAt: c.recorded_at,
      })),
      repayments: repayments.map((r) => ({
        paidOn: r.paid_on,
        interestCents: Number(r.interest_cents),
        principalCents: Number(r.principal_cents),
      })),
      arrears: rules.planArrears(plan, s.principalRepaid, Number(l.written_off_cents), today),
      abilities: {
        repay: fundPolicy.post(actor) && owed,
        change: fundPolicy.changeLoan(actor) && s.principalOutstanding > 0,
        declare:
          fundPolicy.declareForLoan(actor, l.coop_id) &&
          s.principalOutstanding > 0 &&
          (l.schedule === 'revenue_share' || (l.schedule === 'when_viable' && plan.viableFrom === null)),
      },
    };
  }

  async function mayRead(actor: MaybeActor, coopId: string): Promise<boolean> {
    return (
      !!actor &&
      (actor.coopId === coopId || fundPolicy.apply(actor, coopId) || fundPolicy.readAllApplications(actor, false))
    );
  }

  async function statement(actor: MaybeActor, id: string): Promise<LoanStatement> {
    authorize(actor, !!actor);
    const l = await repo.loanById(db, id);
    authorize(actor, !!l && (await mayRead(actor, l.coop_id)), 'loan');
    return present(
      actor,
      l!,
      await repo.repaymentsOf(db, [id]),
      await changesRepo.changesOf(db, [id]),
      await changesRepo.revenuesOf(db, [id]),
      await deps.network.today(),
    );
  }

  async function list(actor: MaybeActor): Promise<{ items: LoanStatement[] }> {
    authorize(actor, !!actor);
    const all = fundPolicy.readAllApplications(actor, false);
    authorize(actor, all || actor.coopId !== null);
    const rows = await repo.loans(db, all ? null : actor.coopId);
    const ids = rows.map((r) => r.id);
    const repayments = await repo.repaymentsOf(db, ids);
    const changes = await changesRepo.changesOf(db, ids);
    const revenues = await changesRepo.revenuesOf(db, ids);
    const today = await deps.network.today();
    return {
      items: rows.map((l) =>
        present(
          actor,
          l,
          repayments.filter((r) => r.loan_id === l.id),
          changes.filter((c) => c.loan_id === l.id),
          revenues.filter((r) => r.loan_id === l.id),
          today,
        ),
      ),
    };
  }

  /** Books a repayment of a loan inside the caller's transaction (a treasurer's, or a bank statement's line). */
  async function repayIn(
    trx: Tx,
    loanId: string,
    cents: number,
    date: string,
    actorId: string | null,
    key: string,
    bankLine: string | null,
  ) {
    await repo.lockLoan(trx, dialect, loanId);
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

  async function repay(
    actor: MaybeActor,
    loanId: string,
    input: { cents: number; date: string },
    key: string,
  ): Promise<{ created: boolean; loan: LoanStatement }> {
    authorize(actor, fundPolicy.post(actor));
    const { created } = await db.transaction().execute(async (trx) => {
      // A retry of a repayment booked before answers with the loan; the key used for anything else is a conflict.
      const earlier = await repo.repaymentByKey(trx, key);
      if (earlier) {
        if (earlier.loan_id !== loanId)
          throw conflict('fund.idempotency_conflict', 'This Idempotency-Key was used for another payment.');
        return { created: false };
      }
      const done = await repayIn(trx, loanId, input.cents, input.date, actor.personId, key, null);
      await recordAudit(trx, {
        actorId: actor.personId,
        action: 'fund_loan.repaid',
        subjectType: 'fund_loan',
        subjectId: loanId,
        after: { cents: input.cents, date: input.date },
      });
      return done;
    });
    return { created, loan: await statement(actor, loanId) };
  }

  /**
   * Forgives or writes off what is left of a loan's principal, on a passed
   * proposal: the receivable from the co-op goes, as a write-off of the loans
   * outstanding. Interest not yet paid is not owed any more.
   */
  async function writeOff(
    actor: MaybeActor,
    loanId: string,
    input: { reason: string; decision: { kind: 'proposal'; id: string } },
    key: string,
  ) {
    authorize(actor, fundPolicy.post(actor));
    await db.transaction().execute(async (trx) => {
      await repo.lockLoan(trx, dialect, loanId);
      const l = await repo.loanById(trx, loanId);
      if (!l) throw notFound('loan');
      // A retry of this write-off: done already.
      const earlier = await movementByKey(trx, key);
      if (earlier && earlier.id === l.written_off_movement_id) return;
      const s = standing(
        l,
        await repo.repaymentsOf(trx, [loanId]),
        await changesRepo.changesOf(trx, [loanId]),
        await todayIn(trx, deps),
      );
      if (s.principalOutstanding <= 0) throw conflict('fund.nothing_owed', 'Nothing is owed on this loan.');
      const posted = await postIn(
        trx,
        deps,
        {
          kind: 'write-off',
          date: await todayIn(trx, deps),
          reason: input.reason,
          decision: input.decision,
          lines: [
            { account: 'expenses:write-offs', subFund: 'loans', coopId: l.coop_id, cents: s.principalOutstanding },
            { account: 'assets:loans-receivable', subFund: null, coopId: l.coop_id, cents: -s.principalOutstanding },
          ],
        },
        { actorId: actor.personId, key },
      );
      await repo.writeOff(trx, loanId, s.principalOutstanding, posted.movementId);
      await recordAudit(trx, {
        actorId: actor.personId,
        action: 'fund_loan.written_off',
        subjectType: 'fund_loan',
        subjectId: loanId,
        coopId: l.coop_id,
        after: { cents: s.principalOutstanding, decision: input.decision },
      });
    });
    return statement(actor, loanId);
  }

  /** Loans still owed on `on`, for matching a bank statement's lines by their reference. */
  async function owedOn(
    ex: Tx,
    on: string,
  ): Promise<{ id: string; reference: string; coopName: string; owedCents: number }[]> {
    const rows = await repo.loans(ex, null);
    const repayments = await repo.repaymentsOf(
      ex,
      rows.map((r) => r.id),
    );
    const changes = await changesRepo.changesOf(
      ex,
      rows.map((r) => r.id),
    );
    return rows
      .map((l) => {
        const s = standing(
          l,
          repayments.filter((r) => r.loan_id === l.id),
          changes.filter((c) => c.loan_id === l.id),
          on < l.interest_through ? l.interest_through : on,
        );
        return {
          id: l.id,
          reference: l.reference,
          coopName: l.coop_name,
          owedCents: s.principalOutstanding + s.interestDue,
        };
      })
      .filter((l) => l.owedCents > 0);
  }

  return { statement, list, repay, repayIn, owedOn, writeOff };
}
