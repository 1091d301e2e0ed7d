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
import type { AnswerInput, ApplicationInput, FundApplication } from '@coopnet/contract/fund';
import { fund as rules } from '@coopnet/domain';
import type { z } from 'zod';
import type { AppDeps } from '../../deps.ts';
import { parseStored } from '../../platform/stored-json.ts';
import type { MaybeActor } from '../../platform/auth/actor.ts';
import { authorize } from '../../platform/auth/authorize.ts';
import { nowIso } from '../../platform/clock.ts';
import { fundCommittee, notify } from '../governance/index.ts';
import * as repo from './applications.repository.ts';
import { fundPolicy } from './fund.policy.ts';
import { loanOfApplication } from './loans.repository.ts';
import { StoredLoanTerms, answerIn, applyIn, eligible, payApplicationIn } from './application-steps.ts';

export function applicationsService(deps: AppDeps) {
  const { db } = deps;
  /** The application's page, for a mail. */
  const linkTo = (id: string) => `${deps.config.publicUrl}/fund/applications/${id}`;

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
    const id = await db.transaction().execute(async (trx) => {
      const { id, coopName, track, dueAt } = await applyIn(trx, input, actor.personId, nowIso());
      const coop = { name: coopName };
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
      return id;
    });
    void deps.mailer.flush().catch(() => {});
    return get(actor, id);
  }

  async function answer(actor: MaybeActor, id: string, input: z.output<typeof AnswerInput>): Promise<FundApplication> {
    authorize(actor, !!actor);
    const row = await repo.findApplication(db, id);
    authorize(actor, !!row && (await mayRead(actor, row.coop_id)), 'application');
    await db.transaction().execute(async (trx) => {
      const { verdict, a } = await answerIn(trx, deps, id, actor, input, nowIso());
      if (verdict !== 'open') {
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
      const { created, a } = await payApplicationIn(trx, deps, id, actor.personId, key, nowIso());
      if (!created) return false;
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
