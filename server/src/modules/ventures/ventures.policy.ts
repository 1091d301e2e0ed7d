/**
 * Who may do what with ventures. Anyone reads them. A signed-in worker of a
 * member co-op proposes one (and is its first team member) and offers it a
 * skill or asks to join its team. Its founding team, or a network
 * coordinator, edits it, keeps its needs, moves its stage and accepts or
 * declines offers. Its team sends its application to join the network. No
 * API token writes to ventures (the routes name no token kind).
 */
import { type MaybeActor, isCoordinator } from '../../platform/auth/actor.ts';

export const venturesPolicy = {
  /** `memberWorker`: the actor works at a co-op that is a member of the network */
  propose: (actor: MaybeActor, memberWorker: boolean) => !!actor && memberWorker,
  manage: (actor: MaybeActor, inTeam: boolean) => !!actor && (inTeam || isCoordinator(actor)),
  offer: (actor: MaybeActor, memberWorker: boolean, inTeam: boolean) => !!actor && memberWorker && !inTeam,
  applyToJoin: (actor: MaybeActor, inTeam: boolean) => !!actor && inTeam,
};
