/** Matter 'admission': admit an applicant co-op. When it passes, the co-op becomes a member. */
import { z } from 'zod';
import type { Executor } from '../../../db/database.ts';
import { badRequest, conflict } from '../../../platform/errors.ts';
import { admitApplication, pendingApplicationOf } from '../../coops/admission.ts';
import { findById } from '../../coops/coops.repository.ts';
import { registerMatter } from '../matters.ts';

const Subject = z.strictObject({ coopId: z.uuid() });
type Subject = z.infer<typeof Subject>;

async function applicant(ex: Executor, coopId: string) {
  const coop = await findById(ex, coopId);
  if (!coop) throw badRequest('governance.unknown_coop', 'There is no such co-op.');
  return coop;
}

registerMatter<Subject>({
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
});
