/** Who may read the reciprocity accounts, who may change how they are settled, and who pays what the fund owes. */
import { type MaybeActor, isCoordinator, isMemberOrRoleHolder, isTreasurer } from '../../platform/auth/actor.ts';

export const reciprocityPolicy = {
  /** The accounts are the members' business: any worker, or anyone holding a role in the network. */
  read: (actor: MaybeActor) => isMemberOrRoleHolder(actor),
  configure: (actor: MaybeActor) => isCoordinator(actor),
  settle: (actor: MaybeActor) => isCoordinator(actor),
  /** paying moves the fund's money: a treasurer's act, as every payment from the fund */
  pay: (actor: MaybeActor) => isTreasurer(actor),
};

export function reciprocityAbilities(actor: MaybeActor) {
  return {
    configure: reciprocityPolicy.configure(actor),
    settle: reciprocityPolicy.settle(actor),
    pay: reciprocityPolicy.pay(actor),
  };
}
