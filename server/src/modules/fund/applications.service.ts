/**
 * Applications to the solidarity fund, decided as the bylaws say and paid by
 * a treasurer.
 *
 * A co-op's admin applies: kind, amount, purpose and plan. The fund's policy
 * is checked first (the most one application may ask for): an application
 * that breaks it is refused with the rule, before anyone decides. Who decides
 * is frozen into it from the bylaws' bands: up to a band's limit, so many
 * approvals of the fund committee (a fast track for small emergencies, with
 * its deadline); above, the assembly.
 *
 * A committee member answers approve or decline, once. Nobody answers on an
 * application of the co-op they work at, nor on their own. The application is
 * approved when enough members approved; declined when the members who may
 * still answer could no longer approve it.
 *
 * A treasurer pays an approved application — not one who approved it or
 * applied (maker–checker): the payment posts the ledger movement (from the
 * application's sub-fund, naming the co-op and the approval) in the same
 * transaction that marks it paid, so the sub-fund's rules hold and it is paid
 * once, however many payments arrive together.
 */
import { type AnswerInput, type ApplicationInput, type FundApplication, LoanTerms } from '@coopnet/contract/fund';
import { fund as rules } from '@coopnet/domain';
import type { z } from 'zod';
import type { Tx } from '../../db/database.ts';
import type { FundApplicationTable } from '../../db/schema-fund.ts';
import type { AppDeps } from '../../deps.ts';
import { parseStored } from '../../platform/stored-json.ts';
import type { MaybeActor } from '../../platform/auth/actor.ts';
import { authorize } from '../../platform/auth/authorize.ts';
import { recordAudit } from '../../platform/audit/audit.repository.ts';
import { newId, nowIso } from '../../platform/clock.ts';
import { AppError, conflict, forbidden } from '../../platform/errors.ts';
import { type CommitteeMember, fundCommittee, fundRules, notify } from '../governance/index.ts';
import * as repo from './applications.repository.ts';
import { fundPolicy } from './fund.policy.ts';
import { movementByKey } from './ledger.repository.ts';
import { postIn, todayIn } from './ledger.service.ts';
import { fundWorth, loanOfApplication, principalOwedBy } from './loans.repository.ts';
import { disburseIn } from './loan-books.ts';

const HOUR_MS = 3_600_000;

/** The committee members who may answer on an application: not of the applicant co-op, not the applicant. */
/** The committee members who may answer `a` (domain/src/fund: no one decides their own). */
const eligible = (members: CommitteeMember[], a: { coop_id: string; applied_by: string }) =>
  rules.mayAnswer(members, { coopId: a.coop_id, appliedBy: a.applied_by });

/** The stored terms of a loan application, read back with the contract's rule. */
const StoredLoanTerms = LoanTerms;

export function applicationsService(deps: AppDeps) {
  const { db, dialect } = deps;
  /** The application's page, for a mail. */
  const linkTo = (id: string) => `${deps.config.publicUrl}/fund/applications/${id}`;

  /** Books an approved grant or programme funding: from its sub-fund, naming the co-op and the approval. */
  async function payGrant(trx: Tx, a: FundApplicationTable, actorId: string, key: string) {
    const programme = a.kind === 'programme';
    const cents = Number(a.amount_cents);
    return postIn(
      trx,
      deps,
      {
        kind: programme ? 'programme' : 'grant',
        date: await todayIn(trx, deps),
        reason: a.purpose.slice(0, 500),
        decision: { kind: 'approval', id: a.id },
        lines: [
          {
            account: programme ? 'expenses:programmes' : 'expenses:grants',
            subFund: a.sub_fund,
            coopId: a.coop_id,
            cents,
          },
          { account: 'assets:bank', subFund: null, coopId: null, cents: -cents },
        ],
      },
      { actorId, key, request: { pay: a.id } },
    );
  }

  async function present(actor: MaybeActor, rows: repo.ApplicationRow[]): Promise<FundApplication[]> {
    const answers = await repo.answersTo(
      db,
      rows.map((r) => r.id),
    );
    const loanIds = new Map<string, string>();
    for (const r of rows) {
      const loan = r.kind === 'loan' && r.status === 'paid' ? await loanOfApplication(db, r.id) : undefined;
      if (loan) loanIds.set(r.id, loan.id);
    }
    const now = nowIso();
    const { members } = await fundCommittee(db, now);
    return rows.map((r) => {
      const mine = answers.filter((x) => x.application_id === r.id);
      const mayAnswer =
        !!actor &&
        r.status === 'open' &&
        r.track === 'committee' &&
        eligible(members, r).some((m) => m.personId === actor.personId) &&
        !mine.some((x) => x.person_id === actor.personId);
      const mayPay =
        r.status === 'approved' &&
        fundPolicy.pay(actor) &&
        !!actor &&
        actor.personId !== r.applied_by &&
        !mine.some((x) => x.person_id === actor.personId && x.decision === 'approve');
      return {
        id: r.id,
        coopId: r.coop_id,
        coopName: r.coop_name,
        kind: r.kind,
        amountCents: Number(r.amount_cents),
        purpose: r.purpose,
        plan: r.plan,
        subFund: r.sub_fund,
        track: {
          by: r.track,
          approvalsNeeded: r.approvals_needed === null ? null : Number(r.approvals_needed),
          dueAt: r.due_at,
          overdue: rules.isOverdue({ status: r.status, dueAt: r.due_at }, now),
        },
        status: r.status,
        appliedBy: r.applied_by_name,
        createdAt: r.created_at,
        decidedAt: r.decided_at,
        answers: mine.map((x) => ({ personName: x.person_name, decision: x.decision, note: x.note, at: x.at })),
        payment:
          r.paid_movement_id && r.paid_at
            ? { movementId: r.paid_movement_id, paidBy: r.paid_by_name, paidAt: r.paid_at }
            : null,
        loan: r.loan_terms_json
          ? parseStored(StoredLoanTerms, r.loan_terms_json, 'fund_applications.loan_terms_json')
          : null,
        repayment: r.repayment,
        hideRecipient: r.recipient_hidden === 1,
        loanId: loanIds.get(r.id) ?? null,
        abilities: { answer: mayAnswer, pay: mayPay },
      };
    });
  }

  async function onCommittee(actor: MaybeActor): Promise<boolean> {
    if (!actor) return false;
    const { members } = await fundCommittee(db, nowIso());
    return members.some((m) => m.personId === actor.personId);
  }

  /** Whether the reader may see this application: its co-op's people, and those who decide, pay or coordinate. */
  async function mayRead(actor: MaybeActor, coopId: string): Promise<boolean> {
    if (!actor) return false;
    return (
      actor.coopId === coopId ||
      fundPolicy.apply(actor, coopId) ||
      fundPolicy.readAllApplications(actor, await onCommittee(actor))
    );
  }

  async function get(actor: MaybeActor, id: string): Promise<FundApplication> {
    authorize(actor, !!actor);
    const row = await repo.findApplication(db, id);
    authorize(actor, !!row && (await mayRead(actor, row.coop_id)), 'application');
    return (await present(actor, [row!]))[0]!;
  }

  async function list(actor: MaybeActor): Promise<{ items: FundApplication[] }> {
    authorize(actor, !!actor);
    const all = fundPolicy.readAllApplications(actor, await onCommittee(actor));
    authorize(actor, all || actor.coopId !== null);
    return { items: await present(actor, await repo.listApplications(db, all ? null : actor.coopId)) };
  }

  async function apply(actor: MaybeActor, input: z.output<typeof ApplicationInput>): Promise<FundApplication> {
    authorize(actor, fundPolicy.apply(actor, input.coopId));
    const id = newId();
    await db.transaction().execute(async (trx) => {
      const coop = await repo.coopStatus(trx, input.coopId);
      if (coop?.status !== 'member')
        throw conflict('fund.not_a_member', 'Only a member co-op of the network applies to its fund.');
      const fundRulesNow = await fundRules(trx);
      const breaches = rules.policyBreaches(fundRulesNow.policy, {
        kind: input.kind,
        amountCents: input.amountCents,
        lentToCoopCents: input.kind === 'loan' ? await principalOwedBy(trx, input.coopId) : 0,
        fundCents: input.kind === 'loan' ? await fundWorth(trx) : 0,
      });
      if (breaches.length > 0)
        throw conflict('fund.policy_broken', 'The fund’s policy does not allow this application.', { breaches });
      const track = rules.trackFor(fundRulesNow, input.kind, input.amountCents);
      const now = nowIso();
      const dueAt =
        track.by === 'committee' && track.withinHours !== null
          ? new Date(Date.parse(now) + track.withinHours * HOUR_MS).toISOString()
          : null;
      await repo.insertApplication(trx, {
        id,
        coop_id: input.coopId,
        kind: input.kind,
        amount_cents: input.amountCents,
        purpose: input.purpose,
        plan: input.plan,
        repayment: input.kind === 'loan' ? (input.repayment ?? null) : null,
        loan_terms_json: input.kind === 'loan' && input.loan ? JSON.stringify(input.loan) : null,
        recipient_hidden: input.hideRecipient ? 1 : 0,
        sub_fund: rules.SUB_FUND_OF[input.kind],
        track: track.by,
        approvals_needed: track.by === 'committee' ? track.approvals : null,
        due_at: dueAt,
        status: 'open',
        applied_by: actor.personId,
        created_at: now,
        decided_at: null,
        paid_movement_id: null,
        paid_by: null,
        paid_at: null,
      });
      await recordAudit(trx, {
        actorId: actor.personId,
        action: 'fund_application.submitted',
        subjectType: 'fund_application',
        subjectId: id,
        coopId: input.coopId,
        after: { kind: input.kind, amountCents: input.amountCents, track },
      });
      // The committee members who may decide it hear of it at once (a fast track has a deadline).
      if (track.by === 'committee') {
        const { members } = await fundCommittee(trx, nowIso());
        await notify(trx, deps, {
          personIds: eligible(members, { coop_id: input.coopId, applied_by: actor.personId }).map((m) => m.personId),
          kind: 'fund_application.submitted',
          subjectId: id,
          data: { coopName: coop.name, kind: input.kind, amountCents: input.amountCents },
          mail: {
            template: 'fundApplicationMade',
            vars: { coop: coop.name, kind: input.kind, amountCents: input.amountCents, ...(dueAt ? { dueAt } : {}), link: linkTo(id) },
          },
        });
      }
    });
    void deps.mailer.flush().catch(() => {});
    return get(actor, id);
  }

  async function answer(actor: MaybeActor, id: string, input: z.output<typeof AnswerInput>): Promise<FundApplication> {
    authorize(actor, !!actor);
    const row = await repo.findApplication(db, id);
    authorize(actor, !!row && (await mayRead(actor, row.coop_id)), 'application');
    await db.transaction().execute(async (trx) => {
      const a = (await repo.lockApplication(trx, dialect, id))!;
      const now = nowIso();
      const { members } = await fundCommittee(trx, now);
      if (!members.some((m) => m.personId === actor.personId))
        throw forbidden('Only members of the fund committee answer applications.');
      if (actor.coopId === a.coop_id || actor.personId === a.applied_by) {
        throw new AppError(
          403,
          'fund.conflict_of_interest',
          'You work at the co-op that applied: someone else on the committee decides.',
        );
      }
      if (a.track !== 'committee')
        throw conflict('fund.assembly_decides', 'The assembly decides this application by a vote.');
      if (a.status !== 'open')
        throw conflict('fund.not_open', 'This application has been decided.', { status: a.status });
      const answers = await repo.answersTo(trx, [id]);
      if (answers.some((x) => x.person_id === actor.personId))
        throw conflict('fund.already_answered', 'You have answered this application already.');
      await repo.insertAnswer(trx, {
        application_id: id,
        person_id: actor.personId,
        decision: input.decision,
        note: input.note ?? null,
        at: now,
      });
      const approvals = answers.filter((x) => x.decision === 'approve').length + (input.decision === 'approve' ? 1 : 0);
      const declines = answers.length + 1 - approvals;
      const verdict = rules.committeeVerdict(
        Number(a.approvals_needed),
        eligible(members, a).length,
        approvals,
        declines,
      );
      await recordAudit(trx, {
        actorId: actor.personId,
        action: 'fund_application.answered',
        subjectType: 'fund_application',
        subjectId: id,
        coopId: a.coop_id,
        after: { decision: input.decision },
      });
      if (verdict !== 'open') {
        await repo.setStatus(trx, id, { status: verdict, decided_at: now });
        await recordAudit(trx, {
          actorId: null,
          action: `fund_application.${verdict}`,
          subjectType: 'fund_application',
          subjectId: id,
          coopId: a.coop_id,
          after: { approvals, declines },
        });
        // Whoever applied hears the committee's decision.
        await notify(trx, deps, {
          personIds: [a.applied_by],
          kind: `fund_application.${verdict}`,
          subjectId: id,
          data: { kind: a.kind, amountCents: Number(a.amount_cents) },
          mail: {
            template: verdict === 'approved' ? 'fundApplicationApproved' : 'fundApplicationDeclined',
            vars: { kind: a.kind, amountCents: Number(a.amount_cents), link: linkTo(id) },
          },
        });
      }
    });
    void deps.mailer.flush().catch(() => {});
    return get(actor, id);
  }

  /** Pays an approved application; `created` is false for a retry with the payment's own Idempotency-Key. */
  async function pay(
    actor: MaybeActor,
    id: string,
    key: string,
  ): Promise<{ created: boolean; application: FundApplication }> {
    authorize(actor, !!actor);
    const row = await repo.findApplication(db, id);
    authorize(actor, !!row && (await mayRead(actor, row.coop_id)), 'application');
    authorize(actor, fundPolicy.pay(actor));
    const created = await db.transaction().execute(async (trx) => {
      const a = (await repo.lockApplication(trx, dialect, id))!;
      if (a.status === 'paid') {
        const earlier = await movementByKey(trx, key);
        if (earlier && earlier.id === a.paid_movement_id) return false;
        throw conflict('fund.already_paid', 'This application has been paid.', { movementId: a.paid_movement_id });
      }
      if (a.status !== 'approved')
        throw conflict('fund.not_approved', 'Only an approved application is paid.', { status: a.status });
      const answers = await repo.answersTo(trx, [id]);
      if (
        a.applied_by === actor.personId ||
        answers.some((x) => x.person_id === actor.personId && x.decision === 'approve')
      ) {
        throw new AppError(
          403,
          'fund.maker_checker',
          'Whoever approved or applied does not pay: another treasurer does.',
        );
      }
      const posted =
        a.kind === 'loan'
          ? await disburseIn(
              trx,
              deps,
              a,
              parseStored(StoredLoanTerms, a.loan_terms_json ?? '{}', 'fund_applications.loan_terms_json'),
              actor.personId,
              key,
            )
          : await payGrant(trx, a, actor.personId, key);
      const now = nowIso();
      await repo.setStatus(trx, id, {
        status: 'paid',
        paid_movement_id: posted.movementId,
        paid_by: actor.personId,
        paid_at: now,
      });
      await recordAudit(trx, {
        actorId: actor.personId,
        action: 'fund_application.paid',
        subjectType: 'fund_application',
        subjectId: id,
        coopId: a.coop_id,
        after: { movementId: posted.movementId, amountCents: Number(a.amount_cents) },
      });
      await notify(trx, deps, {
        personIds: [a.applied_by],
        kind: 'fund_application.paid',
        subjectId: id,
        data: { kind: a.kind, amountCents: Number(a.amount_cents) },
        mail: {
          template: 'fundApplicationPaid',
          vars: { kind: a.kind, amountCents: Number(a.amount_cents), link: linkTo(id) },
        },
      });
      return true;
    });
    if (created) void deps.mailer.flush().catch(() => {});
    return { created, application: await get(actor, id) };
  }

  return { apply, list, get, answer, pay };
}
