/**
 * Who may do what with offers. A co-op's admins make and change its offers;
 * its cashiers and other workers use the till and nothing more. Anyone sees an
 * offer that is in the catalogue; a co-op's admins also see its paused, ended,
 * future and past offers. A refusal follows the rest of the API: a visitor is
 * asked to sign in, someone signed in who can see the thing is told 403, and
 * someone who cannot see it is told it does not exist (404).
 */
import type { MaybeActor } from '../../platform/auth/actor.ts';
import { isAdminOf } from '../../platform/auth/actor.ts';
import { coopPolicy } from '../coops/index.ts';

/** What decides whether an offer is in the public catalogue today. */
export interface ListedRef {
  status: string;
  coop_status: string;
  valid_from: string | null;
  valid_until: string | null;
}

/** In the catalogue: active, valid today (YYYY-MM-DD in the network's zone), of a member co-op. */
export function isListed(o: ListedRef, today: string): boolean {
  return (
    o.status === 'active' &&
    o.coop_status === 'member' &&
    (o.valid_from === null || o.valid_from <= today) &&
    (o.valid_until === null || o.valid_until >= today)
  );
}

export const offerPolicy = {
  view: (actor: MaybeActor, offer: { coop_id: string }, listed: boolean) => listed || isAdminOf(actor, offer.coop_id),
  manage: coopPolicy.manageOffers,
};
