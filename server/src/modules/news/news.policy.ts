/** Who may do what with news: coordinators write the network's, a co-op's admins its blog; members read members-only posts. */
import { type MaybeActor, isAdminOf, isCoordinator, isMemberOrRoleHolder } from '../../platform/auth/actor.ts';

export const newsPolicy = {
  write: (actor: MaybeActor, coopId: string | null) =>
    !!actor && actor.via === 'session' && (coopId === null ? isCoordinator(actor) : isAdminOf(actor, coopId)),
  readMembersOnly: (actor: MaybeActor) => isMemberOrRoleHolder(actor),
};
