/**
 * The co-ops' matters, put to a vote through governance's matters seam
 * (registered at start-up, server/src/wiring.ts): 'admission' admits an
 * applicant co-op, 'suspension' suspends a member co-op, each when its
 * proposal passes.
 */
import { z } from 'zod';
import type { Executor } from '../../db/database.ts';
import { recordAudit } from '../../platform/audit/audit.repository.ts';
import { nowIso } from '../../platform/clock.ts';
import { badRequest, conflict } from '../../platform/errors.ts';
import type { MatterDefinition } from '../governance/index.ts';
import { admitApplication, pendingApplicationOf } from './admission.ts';
import { findById, updateCoop } from './coops.repository.ts';

const Subject = z.strictObject({ coopId: z.uuid() });
type Subject = z.infer<typeof Subject>;

async function applicant(ex: Executor, coopId: string) {
  const coop = await findById(ex, coopId);
  if (!coop) throw badRequest('governance.unknown_coop', 'There is no such co-op.');
  return coop;
}

/** Admit an applicant co-op. When it passes, the co-op becomes a member. */
export const admissionMatter: MatterDefinition<Subject> = {
  matter: 'admission',
  subject: Subject,
  oneAtATime: true,
  async check(ex, { coopId }) {
    const coop = await applicant(ex, coopId);
    if (coop.status !== 'applicant' || !(await pendingApplicationOf(ex, coopId))) {
      throw conflict('governance.not_an_applicant', `${coop.name} is not an applicant with a pending application.`, { status: coop.status });
    }
  },
  async describe({ coopId }, ex) {
    const coop = await findById(ex, coopId);
    return `Admit ${coop?.name ?? 'a co-op'} as a member co-op`;
  },
  async apply(trx, ctx, { coopId }) {
    const application = (await pendingApplicationOf(trx, coopId))!;
    await admitApplication(trx, ctx.deps, application.id, ctx.actorId, { proposalId: ctx.proposal.id });
  },
};

/** Suspend a member co-op. When it passes, the co-op is suspended. */
export const suspensionMatter: MatterDefinition<Subject> = {
  matter: 'suspension',
  subject: Subject,
  oneAtATime: true,
  async check(ex, { coopId }) {
    const coop = await findById(ex, coopId);
    if (!coop) throw badRequest('governance.unknown_coop', 'There is no such co-op.');
    if (coop.status !== 'member') throw conflict('governance.not_a_member', `${coop.name} is not a member co-op.`, { status: coop.status });
  },
  async describe({ coopId }, ex) {
    const coop = await findById(ex, coopId);
    return `Suspend ${coop?.name ?? 'a co-op'}`;
  },
  async apply(trx, ctx, { coopId }) {
    await updateCoop(trx, coopId, { status: 'suspended', updated_at: nowIso() });
    await recordAudit(trx, { actorId: ctx.actorId, action: 'coop.suspended', subjectType: 'coop', subjectId: coopId, coopId, before: { status: 'member' }, after: { status: 'suspended', proposalId: ctx.proposal.id } });
  },
};

export const coopMatters = [admissionMatter, suspensionMatter];
