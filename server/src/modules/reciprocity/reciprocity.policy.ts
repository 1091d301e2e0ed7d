/** Who may read the reciprocity accounts and who may change how they are settled. */
import { type MaybeActor, isCoordinator, isMemberOrRoleHolder } from '../../platform/auth/actor.ts';

export const reciprocityPolicy = {
  /** The accounts are the members' business: any worker, or anyone holding a role in the network. */
  read: (actor: MaybeActor) => isMemberOrRoleHolder(actor),
  configure: (actor: MaybeActor) => isCoordinator(actor),
  settle: (actor: MaybeActor) => isCoordinator(actor),
};

export function reciprocityAbilities(actor: MaybeActor) {
  return { configure: reciprocityPolicy.configure(actor), settle: reciprocityPolicy.settle(actor) };
}
