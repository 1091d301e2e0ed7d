/** Who may do what with a co-op, as rules that read like sentences. */
import type { CoopStatus } from '../../db/schema.ts';
import { type MaybeActor, isAdminOf, isCoordinator } from '../../platform/auth/actor.ts';

interface CoopRef {
  id: string;
  status: CoopStatus;
}

const PUBLIC_STATUSES: CoopStatus[] = ['member', 'suspended', 'left'];

export const coopPolicy = {
  /** Anyone sees co-ops that are or were members; applicants only their admins and coordinators. */
  view: (actor: MaybeActor, coop: CoopRef) =>
    PUBLIC_STATUSES.includes(coop.status) || isCoordinator(actor) || isAdminOf(actor, coop.id),
  update: (actor: MaybeActor, coop: CoopRef) => isCoordinator(actor) || isAdminOf(actor, coop.id),
  /** A co-op's list of workers and invitations is private to its admins and the coordinators. */
  readWorkers: (actor: MaybeActor, coop: CoopRef) => isCoordinator(actor) || isAdminOf(actor, coop.id),
  manageWorkers: (actor: MaybeActor, coop: CoopRef) =>
    coop.status !== 'left' && (isCoordinator(actor) || isAdminOf(actor, coop.id)),
  changeStatus: (actor: MaybeActor) => isCoordinator(actor),
  apply: () => true,
  listApplications: (actor: MaybeActor) => isCoordinator(actor),
  decideApplication: (actor: MaybeActor) => isCoordinator(actor),
  /** Offers are the co-op's own gift: its admins make them, coordinators do not. */
  manageOffers: (actor: MaybeActor, coopId: string) => isAdminOf(actor, coopId),
};

export function coopAbilities(actor: MaybeActor, coop: CoopRef) {
  return {
    update: coopPolicy.update(actor, coop),
    manageWorkers: coopPolicy.manageWorkers(actor, coop),
    changeStatus: coopPolicy.changeStatus(actor),
    manageOffers: coop.status !== 'left' && coopPolicy.manageOffers(actor, coop.id),
  };
}
