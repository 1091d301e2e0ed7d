/**
 * Who may do what with community programmes. Anyone reads them; a network
 * coordinator starts one and names its coordinators; a programme's
 * coordinators (or a network coordinator) create its shifts; members of the
 * network and supporters sign up to shifts.
 */
import { type MaybeActor, isCoordinator, isMemberOrRoleHolder, isSupporter } from '../../platform/auth/actor.ts';

export const programmesPolicy = {
  create: (actor: MaybeActor) => isCoordinator(actor),
  addShift: (actor: MaybeActor, coordinates: boolean) => coordinates || isCoordinator(actor),
  /** figures of its impact: its coordinators, or a network coordinator */
  reportFigures: (actor: MaybeActor, coordinates: boolean) => coordinates || isCoordinator(actor),
  signUp: (actor: MaybeActor) => isMemberOrRoleHolder(actor) || isSupporter(actor),
};
