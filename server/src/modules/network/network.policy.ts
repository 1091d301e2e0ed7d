/** Who may change the network's settings and read its private registers. */
import { type MaybeActor, isCoordinator } from '../../platform/auth/actor.ts';

export const networkPolicy = {
  view: () => true,
  update: (actor: MaybeActor) => isCoordinator(actor),
  keepSectors: (actor: MaybeActor) => isCoordinator(actor),
  readAudit: (actor: MaybeActor) => isCoordinator(actor),
  readOutbox: (actor: MaybeActor) => isCoordinator(actor),
};
