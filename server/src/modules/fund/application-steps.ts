/**
 * An application's steps, each inside the caller's transaction and at the
 * moment given: made, answered by a committee member, approved by a passed
 * vote, paid. The applications service authorizes the person and tells
 * those who should hear; the fund's matter calls the vote's step; the demo
 * replays its history through the same steps, on the days they happened.
 * The rules are the service's (see applications.service.ts).
 */
import { type ApplicationInput, LoanTerms } from '@coopnet/contract/fund';
import { fund as rules } from '@coopnet/domain';
import type { z } from 'zod';
import type { Tx } from '../../db/database.ts';
import type { FundApplicationTable } from '../../db/schema-fund.ts';
import { recordAudit } from '../../platform/audit/audit.repository.ts';
import { newId } from '../../platform/clock.ts';
import { AppError, conflict, forbidden } from '../../platform/errors.ts';
import { parseStored } from '../../platform/stored-json.ts';
import { type CommitteeMember, fundCommittee, fundRules } from '../governance/index.ts';
import * as repo from './applications.repository.ts';
import { movementByKey } from './ledger.repository.ts';
import { type LedgerDeps, postIn, todayIn } from './ledger.service.ts';
import { disburseIn } from './loan-books.ts';
import { fundWorth, principalOwedBy } from './loans.repository.ts';

const HOUR_MS = 3_600_000;

/** The committee members who may answer `a` (domain/src/fund: no one decides their own). */
export const eligible = (members: CommitteeMember[], a: { coop_id: string; applied_by: string }) =>
  rules.mayAnswer(members, { coopId: a.coop_id, appliedBy: a.applied_by });

/** The stored terms of a loan application, read back with the contract's rule. */
export const StoredLoanTerms = LoanTerms;

/** Makes an application of a member co-op, its policy checked and its track frozen from the bylaws' bands. */
export async function applyIn(
  trx: Tx,
  input: z.output<typeof ApplicationInput>,
  actorId: string,
  at: string,
): Promise<{ id: string; coopName: string; track: rules.Track; dueAt: string | null }> {
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
  const dueAt =
    track.by === 'committee' && track.withinHours !== null
      ? new Date(Date.parse(at) + track.withinHours * HOUR_MS).toISOString()
      : null;
  const id = newId();
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
    applied_by: actorId,
    created_at: at,
    decided_at: null,
    paid_movement_id: null,
    paid_by: null,
    paid_at: null,
  });
  await recordAudit(trx, {
    actorId,
    action: 'fund_application.submitted',
    subjectType: 'fund_application',
    subjectId: id,
    coopId: input.coopId,
    after: { kind: input.kind, amountCents: input.amountCents, track },
  });
  return { id, coopName: coop.name, track, dueAt };
}

/**
 * A committee member's answer; the verdict it brings ('open' while undecided).
 * `person.coopId` is the co-op they work at.
 */
export async function answerIn(
  trx: Tx,
  deps: Pick<LedgerDeps, 'dialect'>,
  id: string,
  person: { personId: string; coopId: string | null },
  input: { decision: 'approve' | 'decline'; note?: string | null | undefined },
  at: string,
): Promise<{ verdict: rules.Verdict; a: FundApplicationTable }> {
  const a = (await repo.lockApplication(trx, deps.dialect, id))!;
  const { members } = await fundCommittee(trx, at);
  if (!members.some((m) => m.personId === person.personId))
    throw forbidden('Only members of the fund committee answer applications.');
  if (person.coopId === a.coop_id || person.personId === a.applied_by) {
    throw new AppError(
      403,
      'fund.conflict_of_interest',
      'You work at the co-op that applied: someone else on the committee decides.',
    );
  }
  if (a.track !== 'committee') throw conflict('fund.assembly_decides', 'The assembly decides this application by a vote.');
  if (a.status !== 'open') throw conflict('fund.not_open', 'This application has been decided.', { status: a.status });
  const answers = await repo.answersTo(trx, [id]);
  if (answers.some((x) => x.person_id === person.personId))
    throw conflict('fund.already_answered', 'You have answered this application already.');
  await repo.insertAnswer(trx, {
    application_id: id,
    person_id: person.personId,
    decision: input.decision,
    note: input.note ?? null,
    at,
  });
  const approvals = answers.filter((x) => x.decision === 'approve').length + (input.decision === 'approve' ? 1 : 0);
  const declines = answers.length + 1 - approvals;
  const verdict = rules.committeeVerdict(Number(a.approvals_needed), eligible(members, a).length, approvals, declines);
  await recordAudit(trx, {
    actorId: person.personId,
    action: 'fund_application.answered',
    subjectType: 'fund_application',
    subjectId: id,
    coopId: a.coop_id,
    after: { decision: input.decision },
  });
  if (verdict !== 'open') {
    await repo.setStatus(trx, id, { status: verdict, decided_at: at });
    await recordAudit(trx, {
      actorId: null,
      action: `fund_application.${verdict}`,
      subjectType: 'fund_application',
      subjectId: id,
      coopId: a.coop_id,
      after: { approvals, declines },
    });
  }
  return { verdict, a };
}

/** The assembly's vote passed: the application is approved, for a treasurer to pay. */
export async function approveByVoteIn(trx: Tx, applicationId: string, proposalId: string, actorId: string | null, at: string) {
  const a = (await repo.findApplication(trx, applicationId))!;
  await repo.setStatus(trx, applicationId, { status: 'approved', decided_at: at });
  await recordAudit(trx, {
    actorId,
    action: 'fund_application.approved',
    subjectType: 'fund_application',
    subjectId: applicationId,
    coopId: a.coop_id,
    after: { proposalId },
  });
  return a;
}

/** Books an approved grant or programme funding: from its sub-fund, naming the co-op and the approval. */
async function payGrantIn(trx: Tx, deps: LedgerDeps, a: FundApplicationTable, actorId: string, key: string) {
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
        { account: programme ? 'expenses:programmes' : 'expenses:grants', subFund: a.sub_fund, coopId: a.coop_id, cents },
        { account: 'assets:bank', subFund: null, coopId: null, cents: -cents },
      ],
    },
    { actorId, key, request: { pay: a.id } },
  );
}

/**
 * Pays an approved application (a loan is paid out as a loan), by a treasurer
 * who neither applied nor approved it (maker–checker), under the
 * application's lock: paid once. `created` is false for a retry with the
 * payment's own key.
 */
export async function payApplicationIn(
  trx: Tx,
  deps: LedgerDeps,
  id: string,
  actorId: string,
  key: string,
  at: string,
): Promise<{ created: boolean; a: FundApplicationTable; loanId?: string }> {
  const a = (await repo.lockApplication(trx, deps.dialect, id))!;
  if (a.status === 'paid') {
    const earlier = await movementByKey(trx, key);
    if (earlier && earlier.id === a.paid_movement_id) return { created: false, a };
    throw conflict('fund.already_paid', 'This application has been paid.', { movementId: a.paid_movement_id });
  }
  if (a.status !== 'approved') throw conflict('fund.not_approved', 'Only an approved application is paid.', { status: a.status });
  const answers = await repo.answersTo(trx, [id]);
  if (a.applied_by === actorId || answers.some((x) => x.person_id === actorId && x.decision === 'approve')) {
    throw new AppError(403, 'fund.maker_checker', 'Whoever approved or applied does not pay: another treasurer does.');
  }
  const posted: { movementId: string; loanId?: string } =
    a.kind === 'loan'
      ? await disburseIn(
          trx,
          deps,
          a,
          parseStored(StoredLoanTerms, a.loan_terms_json ?? '{}', 'fund_applications.loan_terms_json'),
          actorId,
          key,
        )
      : await payGrantIn(trx, deps, a, actorId, key);
  await repo.setStatus(trx, id, { status: 'paid', paid_movement_id: posted.movementId, paid_by: actorId, paid_at: at });
  await recordAudit(trx, {
    actorId,
    action: 'fund_application.paid',
    subjectType: 'fund_application',
    subjectId: id,
    coopId: a.coop_id,
    after: { movementId: posted.movementId, amountCents: Number(a.amount_cents) },
  });
  return { created: true, a, ...(posted.loanId ? { loanId: posted.loanId } : {}) };
}
