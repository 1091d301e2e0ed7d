/** Matter 'free': a motion in free text, with no effect beyond the decision itself. Any worker may propose one. */
import { z } from 'zod';
import { isCoordinator } from '../../../platform/auth/actor.ts';
import type { MatterDefinition } from '../matters.ts';

const Subject = z.strictObject({});

export const freeMatter: MatterDefinition<z.infer<typeof Subject>> = {
  matter: 'free',
  subject: Subject,
  async check() {},
  describe: () => 'Motion',
  mayPropose: (actor, { networkMember }) => networkMember || isCoordinator(actor),
};
