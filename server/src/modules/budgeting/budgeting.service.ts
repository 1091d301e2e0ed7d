/**
 * Participatory budgeting (decision 0026): a coordinator opens a round on the
 * programmes sub-fund; its members — the workers of member co-ops when it
 * opened — propose projects during the proposal period and spread their
 * share over them during the allocation period. Until the close, nobody but
 * the member reads an allocation, and no total is shown to anyone.
 */
import type { AllocationInput, ProjectInput, Round, RoundInput, RoundList } from '@coopnet/contract/budgeting';
import { budgeting as rules } from '@coopnet/domain';
import type { AppDeps } from '../../deps.ts';
import type { MaybeActor } from '../../platform/auth/actor.ts';
import { authorize } from '../../platform/auth/authorize.ts';
import { recordAudit } from '../../platform/audit/audit.repository.ts';
import { newId, nowIso } from '../../platform/clock.ts';
import { badRequest, conflict, notFound } from '../../platform/errors.ts';
import { todayIn } from '../fund/index.ts';
import { budgetingPolicy } from './budgeting.policy.ts';
import * as repo from './budgeting.repository.ts';
import { phaseOf, presentProject, presentRound } from './present.ts';

const ROUND_PROBLEMS: Record<rules.RoundProblem, string> = {
  'amount-not-positive': 'A round shares out some money: its amount is above zero.',
  'over-sub-fund': 'The round asks for more than the programmes sub-fund holds.',
  'cap-not-positive': 'The cap per project is above zero.',
  'proposals-end-before-start': 'The proposal period ends on or after it starts.',
  'allocation-before-proposals-end': 'The allocation period starts after the proposal period ends.',
  'allocation-end-before-start': 'The allocation period ends on or after it starts.',
};

const PROPOSAL_PROBLEMS: Record<rules.ProposalProblem, string> = {
  'minimum-not-positive': 'A project asks for at least a cent.',
  'maximum-below-minimum': 'The maximum is at least the minimum.',
  'maximum-over-round': 'The maximum is at most the round’s amount.',
};

const ALLOCATION_PROBLEMS: Record<rules.AllocationProblem['rule'], string> = {
  'not-a-project': 'Every line names a project of this round.',
  twice: 'Each project appears once in an allocation.',
  'not-whole-cents': 'Amounts are whole cents, not below zero.',
  'over-cap': 'A project gets at most the round’s cap from one member.',
  'over-share': 'The lines together are at most your share.',
};

const code = (rule: string) => `budgeting.${rule.replaceAll('-', '_')}`;

export function budgetingService(deps: AppDeps) {
  const { db, dialect } = deps;

  async function list(actor: MaybeActor): Promise<RoundList> {
    const today = await deps.network.today();
    const rows = await repo.rounds(db);
    return { items: rows.map((r) => presentRound(r, today)), canOpen: budgetingPolicy.open(actor) };
  }

  /** Read outside a transaction: a public read takes no write lock (SQLite begins transactions IMMEDIATE). */
  async function read(actor: MaybeActor, id: string): Promise<Round> {
    const r = await repo.round(db, id);
    if (!r) throw notFound('round');
    const today = await deps.network.today();
    const closed = r.closed_at !== null;
    const phase = phaseOf(r, today);
    const member = !!actor && (await repo.isMember(db, id, actor.personId));
    const takesPart = budgetingPolicy.takePart(actor, member);
    // Only the reader's own allocation, and only in a session of their own.
    const mine = takesPart ? await repo.allocationOf(db, id, actor!.personId) : [];
    return {
      ...presentRound(r, today),
      projects: (await repo.projects(db, id)).map((p) => presentProject(p, closed)),
      eligible: takesPart,
      mine: mine.map((m) => ({ projectId: m.project_id, cents: Number(m.cents) })),
      canPropose: takesPart && phase === 'proposals',
      canClose: budgetingPolicy.close(actor) && (phase === 'allocation' || phase === 'due'),
    };
  }

  async function open(actor: MaybeActor, input: RoundInput): Promise<{ id: string }> {
    authorize(actor, budgetingPolicy.open(actor));
    const plan: rules.RoundPlan = {
      amount: input.amountCents,
      capPerProject: input.capCents,
      proposalsFrom: input.proposalsFrom,
      proposalsUntil: input.proposalsUntil,
      allocationFrom: input.allocationFrom,
      allocationUntil: input.allocationUntil,
    };
    return db.transaction().execute(async (trx) => {
      const problems = rules.roundProblems(plan, await repo.programmesBalance(trx));
      if (problems.length > 0) throw badRequest(code(problems[0]!), ROUND_PROBLEMS[problems[0]!], { problems });
      const id = newId();
      const row = {
        id,
        title: input.title,
        amount_cents: input.amountCents,
        cap_cents: input.capCents,
        members: 0,
        share_cents: 0,
        proposals_from: input.proposalsFrom,
        proposals_until: input.proposalsUntil,
        allocation_from: input.allocationFrom,
        allocation_until: input.allocationUntil,
        opened_by: actor.personId,
        opened_at: nowIso(),
        closed_by: null,
        closed_at: null,
        granted_cents: null,
      };
      await repo.insertRound(trx, row);
      const members = await repo.enrolMembers(trx, id);
      const share = rules.memberShare(input.amountCents, members);
      await repo.setShare(trx, id, members, share);
      await recordAudit(trx, {
        actorId: actor.personId,
        action: 'budget_round.opened',
        subjectType: 'budget_round',
        subjectId: id,
        after: { ...row, members, share_cents: share },
      });
      return { id };
    });
  }

  async function propose(actor: MaybeActor, roundId: string, input: ProjectInput): Promise<{ id: string }> {
    authorize(actor, !!actor);
    return db.transaction().execute(async (trx) => {
      const r = await repo.round(trx, roundId);
      if (!r) throw notFound('round');
      authorize(actor, budgetingPolicy.takePart(actor, await repo.isMember(trx, roundId, actor.personId)));
      if (phaseOf(r, await todayIn(trx, deps)) !== 'proposals')
        throw conflict('budgeting.not_proposing', 'Projects are proposed during the round’s proposal period.');
      const problems = rules.proposalProblems(input.minimumCents, input.maximumCents, Number(r.amount_cents));
      if (problems.length > 0) throw badRequest(code(problems[0]!), PROPOSAL_PROBLEMS[problems[0]!], { problems });
      const programmeId = input.programmeId ?? null;
      if (programmeId && !(await repo.programmeExists(trx, programmeId)))
        throw badRequest('budgeting.unknown_programme', 'There is no such community programme.');
      if ((await repo.countProjects(trx, roundId)) >= 200)
        throw conflict('budgeting.too_many_projects', 'A round takes at most 200 projects.');
      const row = {
        id: newId(),
        round_id: roundId,
        title: input.title,
        description: input.description,
        minimum_cents: input.minimumCents,
        maximum_cents: input.maximumCents,
        programme_id: programmeId,
        proposed_by: actor.personId,
        proposed_at: nowIso(),
        total_cents: null,
        granted_cents: null,
        movement_id: null,
      };
      await repo.insertProject(trx, row);
      await recordAudit(trx, {
        actorId: actor.personId,
        action: 'budget_project.proposed',
        subjectType: 'budget_project',
        subjectId: row.id,
        after: row,
      });
      return { id: row.id };
    });
  }

  /** Replaces the member's whole allocation; refused whole, with the rule it breaks. */
  async function allocate(actor: MaybeActor, roundId: string, input: AllocationInput): Promise<Round> {
    authorize(actor, !!actor);
    await db.transaction().execute(async (trx) => {
      // Shared on the round (the close waits for allocations under way), exclusive on the member: one at a time.
      const r = await repo.round(trx, roundId, { dialect, mode: 'share' });
      if (!r) throw notFound('round');
      authorize(actor, budgetingPolicy.takePart(actor, await repo.isMember(trx, roundId, actor.personId, dialect)));
      if (phaseOf(r, await todayIn(trx, deps)) !== 'allocation')
        throw conflict(
          'budgeting.not_allocating',
          'Shares are allocated during the round’s allocation period, until its close.',
        );
      const ids = new Set((await repo.projects(trx, roundId)).map((p) => p.id));
      const problems = rules.allocationProblems(input.lines, ids, Number(r.share_cents), Number(r.cap_cents));
      if (problems.length > 0)
        throw badRequest(code(problems[0]!.rule), ALLOCATION_PROBLEMS[problems[0]!.rule], { problems });
      await repo.replaceAllocation(trx, roundId, actor.personId, input.lines, nowIso());
      // Who allocated, never how much: the audit log is read before the close.
      await recordAudit(trx, {
        actorId: actor.personId,
        action: 'budget_round.allocated',
        subjectType: 'budget_round',
        subjectId: roundId,
      });
    });
    return read(actor, roundId);
  }

  return { list, read, open, propose, allocate };
}
