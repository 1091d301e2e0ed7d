/**
 * Who may do what with bodies, their members and assemblies. A co-op chooses
 * its own delegates: only its admins appoint them; its admins or a
 * coordinator recall them. Coordinators run committees and assemblies.
 */
import { type MaybeActor, isAdminOf, isCoordinator } from '../../../platform/auth/actor.ts';

interface BodyRef {
  kind: 'assembly' | 'council' | 'committee';
}

interface MemberRef {
  coop_id: string | null;
}

export const bodiesPolicy = {
  createCommittee: (actor: MaybeActor) => isCoordinator(actor),
  /** council: the admin of the co-op the person works in; committee: a coordinator; the assembly has no appointments */
  addMember: (actor: MaybeActor, body: BodyRef, personCoopId: string | null) =>
    body.kind === 'council' ? personCoopId !== null && isAdminOf(actor, personCoopId) : body.kind === 'committee' && isCoordinator(actor),
  /** may the actor appoint anyone at all to this body (what the web app offers) */
  addAnyMember: (actor: MaybeActor, body: BodyRef) =>
    body.kind === 'council' ? !!actor && actor.roles.some((g) => g.role === 'coop_admin') : body.kind === 'committee' && isCoordinator(actor),
  recall: (actor: MaybeActor, body: BodyRef, member: MemberRef) =>
    isCoordinator(actor) || (body.kind === 'council' && member.coop_id !== null && isAdminOf(actor, member.coop_id)),
  manageAssemblies: (actor: MaybeActor) => isCoordinator(actor),
  /** who was present is personal data: the coordinators record and read it; the public sees the count */
  attendance: (actor: MaybeActor) => isCoordinator(actor),
};

export function bodyAbilities(actor: MaybeActor, body: BodyRef) {
  return { addMember: bodiesPolicy.addAnyMember(actor, body), manage: isCoordinator(actor) && body.kind === 'committee' };
}
