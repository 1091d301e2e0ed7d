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

/** A refused card, and when a newer card replaced it (the holder has that one), so the till can say so. */
export interface CardRefused {
  reason: CardRefusal;
  replacedAt?: string;
}

/**
 * When the card was replaced by a newer one (a renewal, a printed card), if
 * that is why it is revoked and its holder is still active: the cashier can
 * ask for the new card. A holder who left has no card to show.
 */
export function replacedAt(card: Pick<TillCard, 'revoked_at' | 'revocation_reason' | 'person_status'>): string | null {
  return card.revoked_at !== null && card.revocation_reason === 'replaced' && card.person_status === 'active' ? card.revoked_at : null;
}

/** The refusal with what the till may tell the cashier about it. */
export function refusalOf(reason: CardRefusal, card: Pick<TillCard, 'revoked_at' | 'revocation_reason' | 'person_status'> | undefined): CardRefused {
  const replaced = reason === 'revoked' && card ? replacedAt(card) : null;
  return replaced ? { reason, replacedAt: replaced } : { reason };
}

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
