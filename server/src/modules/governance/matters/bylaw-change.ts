/**
 * Matter 'bylaw_change': the bylaws change only this way. The subject is the
 * whole new document; when the proposal passes it becomes the next version.
 */
import { Bylaws } from '@coopnet/contract/governance-bodies';
import { z } from 'zod';
import { recordAudit } from '../../../platform/audit/audit.repository.ts';
import { badRequest } from '../../../platform/errors.ts';
import { adoptBylaws } from '../bylaws/bylaws.repository.ts';
import { assertValidBylaws } from '../bylaws/bylaws.service.ts';
import type { MatterDefinition } from '../matters.ts';

const Subject = z.strictObject({ bylaws: z.unknown() });
type Subject = z.infer<typeof Subject>;

/** The proposed bylaws, or 400 'governance.bad_bylaws' naming what is wrong. */
function proposedBylaws(subject: Subject): Bylaws {
  const parsed = Bylaws.safeParse(subject.bylaws);
  if (!parsed.success) {
    const details = parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
    throw badRequest('governance.bad_bylaws', 'These bylaws do not have the expected shape.', details);
  }
  assertValidBylaws(parsed.data);
  return parsed.data;
}

export const bylawChangeMatter: MatterDefinition<Subject> = {
  matter: 'bylaw_change',
  subject: Subject,
  async check(_ex, subject) {
    proposedBylaws(subject);
  },
  describe: () => 'Change the bylaws',
  async apply(trx, ctx, subject) {
    const version = await adoptBylaws(trx, proposedBylaws(subject), ctx.proposal.id);
    await recordAudit(trx, { actorId: ctx.actorId, action: 'bylaws.adopted', subjectType: 'bylaws', subjectId: String(version), after: { version, proposalId: ctx.proposal.id } });
  },
};
