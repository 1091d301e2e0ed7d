/**
 * Who may do what with people. A co-op's workers, invitations and roles
 * follow the co-op's rules (`coopPolicy.readWorkers` / `manageWorkers`);
 * these are the rules about oneself and about a co-op's admins.
 */
import type { MaybeActor } from '../../platform/auth/actor.ts';

export const peoplePolicy = {
  /** Anyone signed in sees and edits their own profile. */
  manageSelf: (actor: MaybeActor) => !!actor,
  /** Leaving the network is done in person, from a signed-in session, never by an integration's token. */
  leave: (actor: MaybeActor) => !!actor && actor.via === 'session',
  /** A co-op keeps at least one active admin: nobody removes the last one (add another admin first). */
  mayLoseAdmin: (activeAdmins: number) => activeAdmins > 1,
};
