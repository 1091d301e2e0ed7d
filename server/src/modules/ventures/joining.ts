/**
 * A launched venture joins the network through the co-ops' own admission:
 * its team sends the application (the co-op's facts are the venture's, the
 * rest comes from the form), which records an applicant co-op that the
 * admission vote decides as for any other. When that co-op is admitted, the
 * co-ops module tells us (`onCoopAdmitted`, wired in server/src/wiring.ts)
 * and the venture becomes a member in the same transaction.
 */
import type { JoinInput, Venture } from '@coopnet/contract/ventures';
import { ventures as rules } from '@coopnet/domain';
import type { z } from 'zod';
import type { Tx } from '../../db/database.ts';
import type { AppDeps } from '../../deps.ts';
import type { MaybeActor } from '../../platform/auth/actor.ts';
import { authorize } from '../../platform/auth/authorize.ts';
import { recordAudit } from '../../platform/audit/audit.repository.ts';
import { newId, nowIso } from '../../platform/clock.ts';
import { badRequest, conflict } from '../../platform/errors.ts';
import { submitApplicationIn } from '../coops/index.ts';
import { inTeam, ventureOrNotFound, viewVenture } from './venture-view.ts';
import { venturesPolicy } from './ventures.policy.ts';
import * as repo from './ventures.repository.ts';

export function joiningService({ db, mailer, network }: AppDeps) {
  async function applyToJoin(actor: MaybeActor, id: string, input: z.output<typeof JoinInput>): Promise<Venture> {
    authorize(actor, !!actor);
    await db.transaction().execute(async (trx) => {
      const v = await ventureOrNotFound(trx, id);
      authorize(actor, venturesPolicy.applyToJoin(actor, await inTeam(trx, id, actor)));
      if (!rules.mayApplyToJoin(v.stage))
        throw conflict('ventures.not_launched', 'A venture applies to join once it is launched.', { stage: v.stage });
      const earlier = v.coop_id ? await repo.coopOf(trx, v.coop_id) : undefined;
      if (earlier && earlier.status !== 'rejected')
        throw conflict('ventures.already_applied', 'This venture has already applied to join.');
      const sector = input.sector ?? v.sector;
      if (!sector) throw badRequest('ventures.sector_needed', 'Choose the co-op’s sector.', { field: 'sector' });
      const { id: applicationId, coopId } = await submitApplicationIn(
        trx,
        { network },
        {
          coop: {
            name: v.name,
            description: v.description,
            sector,
            legalForm: input.legalForm,
            address: input.address,
            city: input.city,
            workerCount: input.workerCount,
          },
          contactName: input.contactName,
          contactEmail: input.contactEmail,
          message: input.message,
        },
        actor.personId,
      );
      await repo.updateVenture(trx, id, { coop_id: coopId, updated_at: nowIso() });
      await recordAudit(trx, {
        actorId: actor.personId,
        action: 'venture.applied_to_join',
        subjectType: 'venture',
        subjectId: id,
        coopId,
        after: { applicationId, coopId },
      });
    });
    void mailer.flush().catch(() => {});
    return viewVenture(db, actor, id);
  }

  return { applyToJoin };
}

/** The co-op a venture applied as was admitted: the venture is a member now. */
export async function ventureAdmitted(trx: Tx, coopId: string, actorId: string | null): Promise<void> {
  const v = await repo.ventureOfCoop(trx, coopId);
  if (!v || v.stage === 'member') return;
  const now = nowIso();
  await repo.moveStage(trx, v.id, v.stage, 'member', now);
  await repo.insertStageChange(trx, {
    id: newId(),
    venture_id: v.id,
    from_stage: v.stage,
    to_stage: 'member',
    reason: null,
    changed_by: actorId,
    changed_at: now,
  });
  await recordAudit(trx, {
    actorId,
    action: 'venture.became_member',
    subjectType: 'venture',
    subjectId: v.id,
    coopId,
    before: { stage: v.stage },
    after: { stage: 'member' },
  });
}
