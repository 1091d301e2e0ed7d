/**
 * Who is asking. A visitor is `null`. Roles are scoped: a co-op admin or a
 * cashier is admin or cashier *of* one co-op; coordinator and treasurer are
 * network roles (coopId null). A worker is a person whose `coopId` is set.
 */
import type { Role } from '../../db/schema.ts';

export interface RoleGrant {
  role: Role;
  coopId: string | null;
}

export interface Actor {
  personId: string;
  email: string;
  displayName: string;
  coopId: string | null;
  supporter: boolean;
  roles: RoleGrant[];
  via: 'session' | 'token';
}

export type MaybeActor = Actor | null;

export const hasRole = (actor: MaybeActor, role: Role, coopId: string | null = null): boolean =>
  !!actor && actor.roles.some((g) => g.role === role && (g.coopId ?? null) === coopId);

export const isCoordinator = (actor: MaybeActor) => hasRole(actor, 'coordinator');
export const isTreasurer = (actor: MaybeActor) => hasRole(actor, 'treasurer');
export const isAdminOf = (actor: MaybeActor, coopId: string) => hasRole(actor, 'coop_admin', coopId);
export const isCashierOf = (actor: MaybeActor, coopId: string) => hasRole(actor, 'cashier', coopId);
export const isWorkerOf = (actor: MaybeActor, coopId: string) => !!actor && actor.coopId === coopId;
export const isWorker = (actor: MaybeActor) => !!actor && actor.coopId !== null;
/** A worker of a co-op, or anyone holding a role in the network: who may read the members' business (the reciprocity accounts). */
export const isMemberOrRoleHolder = (actor: MaybeActor) => isWorker(actor) || (!!actor && actor.roles.length > 0);
export const isSupporter = (actor: MaybeActor) => !!actor && actor.supporter;
