/** Matter 'free': a motion in free text, with no effect beyond the decision itself. Any worker may propose one. */
import { z } from 'zod';
import { isCoordinator } from '../../../platform/auth/actor.ts';
import { registerMatter } from '../matters.ts';

registerMatter({
  matter: 'free',
  subject: z.strictObject({}),
  async check() {},
  describe: () => 'Motion',
  mayPropose: (actor, { networkMember }) => networkMember || isCoordinator(actor),
});
