/**
 * Changes to a loan that move no money (decision 0020): a treasurer freezes
 * a loan, ends a freeze or reschedules it, each on a passed proposal; the
 * co-op's admin (or a treasurer) declares a month's revenue for a share of
 * revenue, or the month from which the co-op covers its costs and wages.
 * Each is a row with who, when and why, shown on the loan's statement;
 * forgiving or writing off stays a ledger movement (loans.service.ts).
 */
import type { LoanChangeInput, LoanStatement } from '@coopnet/contract/fund';
import { fund as rules } from '@coopnet/domain';
import type { Tx } from '../../db/database.ts';
import type { AppDeps } from '../../deps.ts';
import type { MaybeActor } from '../../platform/auth/actor.ts';
import { authorize } from '../../platform/auth/authorize.ts';
import { recordAudit } from '../../platform/audit/audit.repository.ts';
import { newId, nowIso } from '../../platform/clock.ts';
import { badRequest, conflict, notFound } from '../../platform/errors.ts';
import { isPassedProposal } from '../governance/index.ts';
import { fundPolicy } from './fund.policy.ts';
import * as repo from './loan-changes.repository.ts';
import * as loansRepo from './loans.repository.ts';
import { loansService } from './loans.service.ts';
import { todayIn } from './ledger.service.ts';

const REFUSALS: Record<string, string> = {
  already_frozen: 'The loan is frozen already; end the freeze first.',
  not_frozen: 'The loan is not frozen.',
  change_out_of_order: 'A change is dated after the loan’s last change (and a freeze ends after it began).',
  already_viable: 'The month from which the co-op covers its costs was declared already.',
};

export function loanChangesService(deps: AppDeps) {
  const { db, dialect } = deps;
  const loans = loansService(deps);

  /** The loan, locked, if the actor may see it (another co-op's people are told there is none). */
  async function lockedLoan(trx: Tx, actor: NonNullable<MaybeActor>, loanId: string) {
    await loansRepo.lockLoan(trx, dialect, loanId);
    const l = await loansRepo.loanById(trx, loanId);
    const visible =
      !!l &&
      (actor.coopId === l.coop_id ||
        fundPolicy.declareForLoan(actor, l.coop_id) ||
        fundPolicy.readAllApplications(actor, false));
    if (!visible) throw notFound('loan');
    return l;
  }

  async function stillOwed(trx: Tx, l: loansRepo.LoanRow) {
    const repaid = (await loansRepo.repaymentsOf(trx, [l.id])).reduce((s, r) => s + Number(r.principal_cents), 0);
    if (Number(l.principal_cents) - repaid - Number(l.written_off_cents) <= 0)
      throw conflict('fund.nothing_owed', 'Nothing is owed on this loan.');
  }

  function refuse(changes: repo.ChangeRow[], next: rules.LoanChange) {
    const existing = changes.map((c) =>
      c.kind === 'reschedule'
        ? { kind: c.kind, on: c.effective_on, termMonths: Number(c.term_months), graceMonths: Number(c.grace_months) }
        : { kind: c.kind, on: c.effective_on },
    );
    const why = rules.changeRefusal(existing, next);
    if (why) throw conflict(`fund.${why}`, REFUSALS[why] ?? why);
  }

  /** A treasurer's freeze, end of a freeze, or reschedule, on a passed proposal. */
  async function change(actor: MaybeActor, loanId: string, input: LoanChangeInput): Promise<LoanStatement> {
    authorize(actor, fundPolicy.changeLoan(actor));
    await db.transaction().execute(async (trx) => {
      const l = await lockedLoan(trx, actor, loanId);
      if (!(await isPassedProposal(trx, input.decision.id)))
        throw badRequest('fund.unknown_decision', 'The decision named is not a proposal that passed.', {
          decision: input.decision,
        });
      if (input.on < l.interest_through)
        throw badRequest('fund.change_before_last', 'A change is dated on or after the loan’s last repayment.', {
          after: l.interest_through,
        });
      await stillOwed(trx, l);
      const next: rules.LoanChange =
        input.kind === 'reschedule'
          ? { kind: 'reschedule', on: input.on, termMonths: input.termMonths, graceMonths: input.graceMonths }
          : { kind: input.kind, on: input.on };
      refuse(await repo.changesOf(trx, [loanId]), next);
      await repo.insertChange(trx, {
        id: newId(),
        loan_id: loanId,
        kind: input.kind,
        effective_on: input.on,
        term_months: input.kind === 'reschedule' ? input.termMonths : null,
        grace_months: input.kind === 'reschedule' ? input.graceMonths : null,
        reason: input.reason.trim(),
        decision_kind: 'proposal',
        decision_id: input.decision.id,
        recorded_by: actor.personId,
        recorded_at: nowIso(),
      });
      await recordAudit(trx, {
        actorId: actor.personId,
        action: `fund_loan.${input.kind}`,
        subjectType: 'fund_loan',
        subjectId: loanId,
        coopId: l.coop_id,
        after: { ...next, decision: input.decision },
      });
    });
    return loans.statement(actor, loanId);
  }

  /** A month's revenue for a share-of-revenue loan; a month declared again is corrected, the earlier kept. */
  async function declareRevenue(
    actor: MaybeActor,
    loanId: string,
    input: { month: string; revenueCents: number },
  ): Promise<LoanStatement> {
    authorize(actor, !!actor);
    await db.transaction().execute(async (trx) => {
      const l = await lockedLoan(trx, actor, loanId);
      authorize(actor, fundPolicy.declareForLoan(actor, l.coop_id));
      if (l.schedule !== 'revenue_share')
        throw conflict('fund.not_revenue_share', 'This loan is not repaid by a share of revenue.');
      const today = await todayIn(trx, deps);
      if (input.month > today.slice(0, 7))
        throw badRequest('fund.month_to_come', 'A month’s revenue is declared once the month is here, not before.');
      if (input.month < l.disbursed_on.slice(0, 7))
        throw badRequest('fund.before_loan', 'The loan owes nothing on the months before it was paid out.');
      await repo.insertRevenue(trx, {
        id: newId(),
        loan_id: loanId,
        month: input.month,
        revenue_cents: input.revenueCents,
        declared_by: actor.personId,
        declared_at: nowIso(),
      });
      await recordAudit(trx, {
        actorId: actor.personId,
        action: 'fund_loan.revenue_declared',
        subjectType: 'fund_loan',
        subjectId: loanId,
        coopId: l.coop_id,
        after: input,
      });
    });
    return loans.statement(actor, loanId);
  }

  /** The month from which a when_viable loan's co-op covers its costs and wages: from then, what is left falls due. */
  async function declareViable(
    actor: MaybeActor,
    loanId: string,
    input: { fromMonth: string; reason?: string | undefined },
  ): Promise<LoanStatement> {
    authorize(actor, !!actor);
    await db.transaction().execute(async (trx) => {
      const l = await lockedLoan(trx, actor, loanId);
      authorize(actor, fundPolicy.declareForLoan(actor, l.coop_id));
      if (l.schedule !== 'when_viable')
        throw conflict('fund.not_when_viable', 'This loan does not wait for the co-op to cover its costs.');
      if (input.fromMonth < l.disbursed_on.slice(0, 7))
        throw badRequest('fund.before_loan', 'The month is on or after the month the loan was paid out.');
      await stillOwed(trx, l);
      const next: rules.LoanChange = { kind: 'viable', on: `${input.fromMonth}-01` };
      refuse(await repo.changesOf(trx, [loanId]), next);
      await repo.insertChange(trx, {
        id: newId(),
        loan_id: loanId,
        kind: 'viable',
        effective_on: next.on,
        term_months: null,
        grace_months: null,
        reason: input.reason?.trim() ?? '',
        decision_kind: null,
        decision_id: null,
        recorded_by: actor.personId,
        recorded_at: nowIso(),
      });
      await recordAudit(trx, {
        actorId: actor.personId,
        action: 'fund_loan.viable',
        subjectType: 'fund_loan',
        subjectId: loanId,
        coopId: l.coop_id,
        after: input,
      });
    });
    return loans.statement(actor, loanId);
  }

  return { change, declareRevenue, declareViable };
}
