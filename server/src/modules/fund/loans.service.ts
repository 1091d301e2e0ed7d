/**
 * Loans from the fund, without a bank, as people read them — each co-op's
 * statement, its schedule as it stands — and a treasurer's repayments and
 * write-offs. The money itself moves in loan-books.ts.
 */
import type { LoanStatement } from '@coopnet/contract/fund';
import { fund as rules } from '@coopnet/domain';
import type { Tx } from '../../db/database.ts';
import type { AppDeps } from '../../deps.ts';
import type { MaybeActor } from '../../platform/auth/actor.ts';
import { authorize } from '../../platform/auth/authorize.ts';
import { recordAudit } from '../../platform/audit/audit.repository.ts';
import { conflict } from '../../platform/errors.ts';
import { fundPolicy } from './fund.policy.ts';
import * as changesRepo from './loan-changes.repository.ts';
import * as repo from './loans.repository.ts';
import { changesOf, repayIn, standing, writeOffIn } from './loan-books.ts';

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

export function loansService(deps: AppDeps) {
  const { db } = deps;

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

  /** A repayment inside the caller's transaction (a bank statement's matched line). */
  const repayInTx = (trx: Tx, loanId: string, cents: number, date: string, actorId: string | null, key: string, bankLine: string | null) =>
    repayIn(trx, deps, loanId, cents, date, actorId, key, bankLine);

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
      const done = await repayIn(trx, deps, loanId, input.cents, input.date, actor.personId, key, null);
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

  /** Forgives or writes off what is left of a loan, on a passed proposal (loan-books.ts). */
  async function writeOff(
    actor: MaybeActor,
    loanId: string,
    input: { reason: string; decision: { kind: 'proposal'; id: string } },
    key: string,
  ) {
    authorize(actor, fundPolicy.post(actor));
    await db.transaction().execute(async (trx) => {
      const done = await writeOffIn(trx, deps, loanId, input, actor.personId, key);
      if (!done) return;
      await recordAudit(trx, {
        actorId: actor.personId,
        action: 'fund_loan.written_off',
        subjectType: 'fund_loan',
        subjectId: loanId,
        coopId: done.coopId,
        after: { cents: done.cents, decision: input.decision },
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

  return { statement, list, repay, repayIn: repayInTx, owedOn, writeOff };
}
