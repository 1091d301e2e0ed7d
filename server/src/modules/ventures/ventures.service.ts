/**
 * Ventures: a worker of a member co-op proposes one and is its first team
 * member; its team (or a coordinator) edits it, keeps its needs and moves its
 * stage one step at a time, back only with a reason. Every change is
 * audited in its transaction.
 */
import type { NeedInput, StageInput, Venture, VentureInput, VenturePatch } from '@coopnet/contract/ventures';
import { ventures as rules } from '@coopnet/domain';
import type { z } from 'zod';
import type { Tx } from '../../db/database.ts';
import type { AppDeps } from '../../deps.ts';
import type { Actor, MaybeActor } from '../../platform/auth/actor.ts';
import { authorize } from '../../platform/auth/authorize.ts';
import { recordAudit } from '../../platform/audit/audit.repository.ts';
import { newId, nowIso } from '../../platform/clock.ts';
import { badRequest, conflict, notFound } from '../../platform/errors.ts';
import { checkSectors } from '../network/index.ts';
import { inTeam, isMemberWorker, ventureOrNotFound, viewVenture } from './venture-view.ts';
import { venturesPolicy } from './ventures.policy.ts';
import * as repo from './ventures.repository.ts';

const STAGE_PROBLEMS: Record<rules.StageProblem, string> = {
  same: 'The venture is already at this stage.',
  skips: 'A venture moves one stage at a time.',
  member_by_admission: 'A venture becomes a member when the network admits it: apply to join.',
  member_is_final: 'A member co-op stays a member.',
  back_needs_reason: 'Say why it goes back a stage.',
};

/** Opens the venture for a write by its team or a coordinator, in the write's transaction. */
export async function managed(trx: Tx, actor: Actor, id: string) {
  const v = await ventureOrNotFound(trx, id);
  authorize(actor, venturesPolicy.manage(actor, await inTeam(trx, id, actor)));
  return v;
}

export function venturesService({ db }: AppDeps) {
  const list = async () => ({
    items: (await repo.ventures(db)).map((v) => ({
      id: v.id,
      name: v.name,
      description: v.description,
      sector: v.sector,
      stage: v.stage,
      openNeeds: Number(v.open_needs),
    })),
  });

  const read = (actor: MaybeActor, id: string) => viewVenture(db, actor, id);

  async function propose(actor: MaybeActor, input: z.output<typeof VentureInput>) {
    authorize(actor, !!actor);
    const id = await db.transaction().execute(async (trx) => {
      authorize(actor, venturesPolicy.propose(actor, await isMemberWorker(trx, actor)));
      if (input.sector) await checkSectors(trx, [input.sector], 'sector');
      const now = nowIso();
      const row = {
        id: newId(),
        name: input.name,
        description: input.description,
        sector: input.sector ?? null,
        stage: 'idea' as const,
        coop_id: null,
        proposed_by: actor.personId,
        created_at: now,
        updated_at: now,
      };
      await repo.insertVenture(trx, row);
      await repo.addToTeam(trx, { venture_id: row.id, person_id: actor.personId, role: input.role, joined_at: now });
      await repo.insertStageChange(trx, {
        id: newId(),
        venture_id: row.id,
        from_stage: null,
        to_stage: 'idea',
        reason: null,
        changed_by: actor.personId,
        changed_at: now,
      });
      await repo.insertNeeds(
        trx,
        input.needs.map((n) => needRow(row.id, n, now)),
      );
      await recordAudit(trx, {
        actorId: actor.personId,
        action: 'venture.proposed',
        subjectType: 'venture',
        subjectId: row.id,
        coopId: actor.coopId,
        after: { ...row, role: input.role, needs: input.needs },
      });
      return row.id;
    });
    return read(actor, id);
  }

  async function edit(actor: MaybeActor, id: string, patch: VenturePatch): Promise<Venture> {
    authorize(actor, !!actor);
    await db.transaction().execute(async (trx) => {
      const v = await managed(trx, actor, id);
      if (v.stage === 'member') throw conflict('ventures.member', 'A member co-op keeps its page in the directory.');
      if (patch.sector) await checkSectors(trx, [patch.sector], 'sector');
      const change = {
        ...(patch.name !== undefined && { name: patch.name }),
        ...(patch.description !== undefined && { description: patch.description }),
        ...(patch.sector !== undefined && { sector: patch.sector }),
      };
      await repo.updateVenture(trx, id, { ...change, updated_at: nowIso() });
      await recordAudit(trx, {
        actorId: actor.personId,
        action: 'venture.edited',
        subjectType: 'venture',
        subjectId: id,
        before: { name: v.name, description: v.description, sector: v.sector },
        after: change,
      });
    });
    return read(actor, id);
  }

  async function moveStage(actor: MaybeActor, id: string, input: StageInput): Promise<Venture> {
    authorize(actor, !!actor);
    await db.transaction().execute(async (trx) => {
      const v = await managed(trx, actor, id);
      const move = rules.stageMove(v.stage, input.stage, input.reason);
      if (!move.ok) throw conflict(`ventures.${move.problem}`, STAGE_PROBLEMS[move.problem], { stage: v.stage });
      if (v.coop_id && (await repo.coopOf(trx, v.coop_id))?.status === 'applicant')
        throw conflict('ventures.applying', 'Its application to join is being decided; the stage waits for it.');
      const now = nowIso();
      if (!(await repo.moveStage(trx, id, v.stage, input.stage, now)))
        throw conflict('ventures.stage_changed', 'Someone moved this venture meanwhile; look again.');
      const reason = move.direction === 'back' ? input.reason!.trim() : (input.reason ?? null);
      await repo.insertStageChange(trx, {
        id: newId(),
        venture_id: id,
        from_stage: v.stage,
        to_stage: input.stage,
        reason,
        changed_by: actor.personId,
        changed_at: now,
      });
      await recordAudit(trx, {
        actorId: actor.personId,
        action: move.direction === 'forward' ? 'venture.moved_forward' : 'venture.moved_back',
        subjectType: 'venture',
        subjectId: id,
        before: { stage: v.stage },
        after: { stage: input.stage, reason },
      });
    });
    return read(actor, id);
  }

  async function addNeed(actor: MaybeActor, id: string, input: NeedInput): Promise<Venture> {
    authorize(actor, !!actor);
    await db.transaction().execute(async (trx) => {
      await managed(trx, actor, id);
      if ((await repo.countNeeds(trx, id)) >= rules.MAX_NEEDS)
        throw conflict('ventures.too_many_needs', `A venture lists ${rules.MAX_NEEDS} needs at most.`);
      const row = needRow(id, input, nowIso());
      await repo.insertNeeds(trx, [row]);
      await recordAudit(trx, {
        actorId: actor.personId,
        action: 'venture.need_added',
        subjectType: 'venture',
        subjectId: id,
        after: row,
      });
    });
    return read(actor, id);
  }

  async function changeNeed(actor: MaybeActor, id: string, needId: string, met: boolean | null): Promise<Venture> {
    authorize(actor, !!actor);
    await db.transaction().execute(async (trx) => {
      await managed(trx, actor, id);
      const n = await repo.need(trx, id, needId);
      if (!n) throw notFound('need');
      if (met === null) await repo.deleteNeed(trx, needId);
      else await repo.setNeedMet(trx, needId, met);
      await recordAudit(trx, {
        actorId: actor.personId,
        action: met === null ? 'venture.need_removed' : met ? 'venture.need_met' : 'venture.need_reopened',
        subjectType: 'venture',
        subjectId: id,
        before: { id: n.id, kind: n.kind, description: n.description, met: !!Number(n.met) },
      });
    });
    return read(actor, id);
  }

  return { list, read, propose, edit, moveStage, addNeed, changeNeed };
}

function needRow(ventureId: string, n: NeedInput, now: string) {
  if (!rules.NEED_KINDS.includes(n.kind))
    throw badRequest('ventures.need_kind', 'A need is a skill, a space or capital.');
  return { id: newId(), venture_id: ventureId, kind: n.kind, description: n.description, met: 0, created_at: now };
}
