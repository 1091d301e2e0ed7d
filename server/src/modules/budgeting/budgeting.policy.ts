/**
 * Who may do what in participatory budgeting. Anyone reads the rounds and
 * their projects (and, after the close, the results). A network coordinator
 * opens and closes a round. A round's members — the workers of member co-ops
 * when it opened — propose projects and allocate their share, signed in
 * (never with an API token). Nobody reads another's allocation.
 */
import { type MaybeActor, isCoordinator } from '../../platform/auth/actor.ts';

export const budgetingPolicy = {
  open: (actor: MaybeActor) => isCoordinator(actor) && actor?.via === 'session',
  close: (actor: MaybeActor) => isCoordinator(actor) && actor?.via === 'session',
  /** propose and allocate: a member of the round, in a session of their own */
  takePart: (actor: MaybeActor, member: boolean) => !!actor && actor.via === 'session' && member,
};
