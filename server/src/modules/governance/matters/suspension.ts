/** Matter 'suspension': suspend a member co-op. When it passes, the co-op is suspended. */
import { z } from 'zod';
import { recordAudit } from '../../../platform/audit/audit.repository.ts';
import { nowIso } from '../../../platform/clock.ts';
import { badRequest, conflict } from '../../../platform/errors.ts';
import { findById, updateCoop } from '../../coops/coops.repository.ts';
import { registerMatter } from '../matters.ts';

const Subject = z.strictObject({ coopId: z.uuid() });
type Subject = z.infer<typeof Subject>;

registerMatter<Subject>({
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
});
