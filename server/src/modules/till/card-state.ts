/**
 * What the network's records say about a card, beyond its signature: is it
 * still good now (at the till), and was it good when an offline sale was made
 * (at sync). A holder who is no longer active counts as revoked: leaving the
 * co-op revokes the card in the same transaction, so the two agree.
 */
import type { CardRefusal, RedemptionFlag } from '@coopnet/contract/till';
import type { benefits } from '@coopnet/domain';
import type { TillCard } from '../cards/index.ts';

type CardRecord = Pick<TillCard, 'expires_at' | 'revoked_at' | 'person_status' | 'person_left_at'>;

/** Why the till must refuse this card at `now` (ISO), or null. */
export function cardRefusal(card: CardRecord | undefined, now: string): CardRefusal | null {
  if (!card) return 'unknown_card';
  if (card.revoked_at !== null || card.person_status !== 'active') return 'revoked';
  if (card.expires_at <= now) return 'expired';
  return null;
}

/** The flag an offline sale made at `at` (ISO) earns from its card's state then, or null. */
export function cardFlagAt(card: CardRecord, at: string): RedemptionFlag | null {
  const gone = [card.revoked_at, card.person_left_at].filter((t): t is string => t !== null);
  if (gone.some((t) => t <= at) || (card.person_status !== 'active' && gone.length === 0)) return 'card_revoked';
  if (card.expires_at <= at) return 'card_expired';
  return null;
}

/** The holder as the offer rules see them: worker or supporter, their co-op and its sector. */
export function holderOf(card: Pick<TillCard, 'kind' | 'coop_id' | 'coop_sector'>): benefits.Holder {
  return { kind: card.kind, coopId: card.coop_id, sector: card.coop_sector };
}
