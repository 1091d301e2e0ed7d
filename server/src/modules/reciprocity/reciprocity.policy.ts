/** Who may read the reciprocity accounts and who may change how they are settled. */
import { type MaybeActor, isCoordinator, isWorker } from '../../platform/auth/actor.ts';

export const reciprocityPolicy = {
  /** The accounts are the members' business: any worker, or anyone holding a role in the network. */
  read: (actor: MaybeActor) => isWorker(actor) || (!!actor && actor.roles.length > 0),
  configure: (actor: MaybeActor) => isCoordinator(actor),
  settle: (actor: MaybeActor) => isCoordinator(actor),
};

export function reciprocityAbilities(actor: MaybeActor) {
  return { configure: reciprocityPolicy.configure(actor), settle: reciprocityPolicy.settle(actor) };
}
