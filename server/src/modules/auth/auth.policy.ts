/** What the web app may show a person: the abilities sent with the session. */
import { type MaybeActor, isCoordinator, isMemberOrRoleHolder } from '../../platform/auth/actor.ts';
import { coopPolicy } from '../coops/index.ts';
import { networkPolicy } from '../network/index.ts';

export function abilitiesOf(actor: MaybeActor) {
  const roles = actor?.roles ?? [];
  return {
    manageNetwork: networkPolicy.update(actor),
    decideApplications: coopPolicy.decideApplication(actor),
    readAudit: networkPolicy.readAudit(actor),
    readOutbox: networkPolicy.readOutbox(actor),
    /** the reciprocity accounts (the same rule as the reciprocity module's policy) */
    readReciprocity: isMemberOrRoleHolder(actor),
    adminOfCoops: roles.filter((r) => r.role === 'coop_admin' && r.coopId).map((r) => r.coopId!),
    cashierOfCoops: roles.filter((r) => r.role === 'cashier' && r.coopId).map((r) => r.coopId!),
  };
}

export const authPolicy = {
  /** A token may carry only roles its holder has (or plain read access). */
  grantScope: (actor: MaybeActor, scope: string) =>
    !!actor &&
    (scope === 'read' ||
      actor.roles.some((r) => (r.coopId ? `${r.role}:${r.coopId}` : r.role) === scope)),
  manageTokens: (actor: MaybeActor) => !!actor && actor.via === 'session',
  isCoordinator,
};
