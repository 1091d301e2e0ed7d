/**
 * Who may do what with campaigns. Anyone reads a campaign and pledges to it
 * (no account needed); coordinators open campaigns (for the network, a co-op
 * or a person or group they approve) and read who benefits; the owner co-op's
 * admins and coordinators post updates; treasurers confirm payments.
 */
import { type MaybeActor, isAdminOf, isCoordinator, isTreasurer } from '../../platform/auth/actor.ts';

export const campaignsPolicy = {
  create: (actor: MaybeActor) => isCoordinator(actor),
  readBeneficiary: (actor: MaybeActor) => isCoordinator(actor),
  postUpdate: (actor: MaybeActor, ownerCoopId: string | null) =>
    isCoordinator(actor) || (ownerCoopId !== null && isAdminOf(actor, ownerCoopId)),
  confirmPayment: (actor: MaybeActor) => isTreasurer(actor),
  /** Editing the story, figures and images: the owner co-op's admins and coordinators. */
  edit: (actor: MaybeActor, ownerCoopId: string | null) =>
    isCoordinator(actor) || (ownerCoopId !== null && isAdminOf(actor, ownerCoopId)),
  /** Changing who owns a campaign or who benefits: what coordinators approve. */
  changeOwner: (actor: MaybeActor) => isCoordinator(actor),
  /** One's own pledges (made with one's account's address): signed in, never through an API token. */
  ownPledges: (actor: MaybeActor) => !!actor && actor.via === 'session',
};
