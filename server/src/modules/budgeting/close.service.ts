/**
 * A round's close (a coordinator's act), in ONE transaction: counts the
 * stored allocations with `countRound`, stores each project's total and
 * grant, and posts for each funded project a `programme` movement from the
 * programmes sub-fund through the fund's `postIn`, the round as its decision
 * and the project's community programme named on it. What is not granted
 * stays in the sub-fund. Closing a closed round posts nothing: it answers
 * with the stored result.
 */
import type { Round } from '@coopnet/contract/budgeting';
import { budgeting as rules, type ledger } from '@coopnet/domain';
import type { Executor } from '../../db/database.ts';
import type { AppDeps } from '../../deps.ts';
import type { MaybeActor } from '../../platform/auth/actor.ts';
import { authorize } from '../../platform/auth/authorize.ts';
import { recordAudit } from '../../platform/audit/audit.repository.ts';
import { nowIso } from '../../platform/clock.ts';
import { conflict, notFound } from '../../platform/errors.ts';
import { type DecisionCheck, postIn, todayIn } from '../fund/index.ts';
import { budgetingPolicy } from './budgeting.policy.ts';
import * as repo from './budgeting.repository.ts';
import { budgetingService } from './budgeting.service.ts';
import { phaseOf } from './present.ts';

export const PROGRAMMES = 'programmes';

export function closeService(deps: AppDeps) {
  const { db, dialect } = deps;
  const rounds = budgetingService(deps);

  async function close(actor: MaybeActor, roundId: string): Promise<Round> {
    authorize(actor, budgetingPolicy.close(actor));
    await db.transaction().execute(async (trx) => {
      const r = await repo.round(trx, roundId, { dialect, mode: 'update' });
      if (!r) throw notFound('round');
      if (r.closed_at !== null) return; // closed already: nothing is counted or posted again
      const today = await todayIn(trx, deps);
      const phase = phaseOf(r, today);
      if (phase !== 'allocation' && phase !== 'due')
        throw conflict('budgeting.not_closable', 'A round is closed once its allocation period has begun.');
      const projects = await repo.projects(trx, roundId);
      const result = rules.countRound(
        Number(r.amount_cents),
        projects.map((p) => ({ id: p.id, minimum: Number(p.minimum_cents), maximum: Number(p.maximum_cents) })),
        (await repo.allAllocations(trx, roundId)).map((a) => ({ projectId: a.project_id, cents: Number(a.cents) })),
      );
      await repo.closeRound(trx, roundId, actor.personId, nowIso(), result.granted);
      for (const p of result.projects) await repo.storeResult(trx, p.id, p.total, p.granted);
      for (const p of result.projects) {
        if (p.granted <= 0) continue;
        const project = projects.find((x) => x.id === p.id)!;
        const draft: ledger.MovementDraft = {
          kind: 'programme',
          date: today,
          reason: `Participatory budget “${r.title}”: ${project.title}`.slice(0, 500),
          decision: { kind: 'round', id: roundId },
          lines: [
            { account: 'expenses:programmes', subFund: PROGRAMMES, coopId: null, cents: p.granted },
            { account: 'assets:bank', subFund: null, coopId: null, cents: -p.granted },
          ],
        };
        const posted = await postIn(trx, deps, draft, {
          actorId: actor.personId,
          key: `budget-round:${roundId}:${p.id}`,
          programmeId: project.programme_id,
        });
        await repo.setMovement(trx, p.id, posted.movementId);
      }
      await recordAudit(trx, {
        actorId: actor.personId,
        action: 'budget_round.closed',
        subjectType: 'budget_round',
        subjectId: roundId,
        after: { granted: result.granted, unspent: result.unspent, projects: result.projects },
      });
    });
    return rounds.read(actor, roundId);
  }

  return { close };
}

/**
 * The fund's check of a `round` decision: the round is closed and its stored
 * result grants, to a project not yet paid, exactly what the movement takes
 * from the programmes sub-fund, for the programme the movement names. Outside
 * the close's own transaction every grant is paid, so nothing else passes.
 */
export const roundDecision: DecisionCheck = async (ex: Executor, decision, draft, meta) => {
  if (draft.kind !== 'programme') return false;
  if (draft.lines.some((l) => l.subFund !== null && l.subFund !== PROGRAMMES)) return false;
  const cents = draft.lines
    .filter((l) => l.account === 'expenses:programmes' && l.cents > 0)
    .reduce((s, l) => s + l.cents, 0);
  if (cents <= 0) return false;
  return !!(await repo.unpaidGrant(ex, decision.id, cents, meta.programmeId));
};
