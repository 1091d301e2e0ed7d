/** The till's refusals, with the stable codes and reasons tills translate. */
import type { CardRefusal, OfferRefusal } from '@coopnet/contract/till';
import { badRequest, conflict, unprocessable } from '../../platform/errors.ts';

const CARD_WORDS: Record<CardRefusal, string> = {
  malformed: 'This is not a member card of this network, or it was misread.',
  unknown_key: 'This card is signed with a key the network does not publish.',
  bad_signature: 'This card’s signature does not match: it is forged or altered.',
  expired: 'This card has expired; the member can open their card page for a new one.',
  wrong_network: 'This card belongs to another network.',
  not_yet_valid: 'This card is dated in the future; check the till’s clock.',
  revoked: 'This card has been revoked.',
  unknown_card: 'No such card in the network’s records.',
};

const OFFER_WORDS: Record<OfferRefusal, string> = {
  own_coop: 'Offers are for the workers of other co-ops, not of this one.',
  not_for_workers: 'This offer is for supporters only.',
  not_for_supporters: 'This offer is for workers of the network’s co-ops only.',
  sector_not_included: 'This offer is not open to the holder’s sector.',
  offer_paused: 'This offer is paused.',
  offer_ended: 'This offer has ended.',
  not_started: 'This offer has not started yet.',
  limit_reached: 'The holder has used up this offer for now.',
  cap_reached: 'This offer’s budget for the month is used up.',
  below_min_sale: 'The sale is below this offer’s minimum.',
};

/**
 * The card's refusal; a card replaced by a newer one says when (details.replacedAt),
 * so the cashier asks for the new card instead of turning the holder away.
 */
export const cardRefused = ({ reason, replacedAt }: { reason: CardRefusal; replacedAt?: string }) =>
  replacedAt
    ? unprocessable('till.card_refused', `This card was replaced on ${replacedAt.slice(0, 10)}: ask for the new one.`, { reason, replacedAt })
    : unprocessable('till.card_refused', CARD_WORDS[reason], { reason });

export const offerRefused = (reason: OfferRefusal) => unprocessable('till.offer_refused', OFFER_WORDS[reason], { reason });

export const idempotencyKeyRequired = () =>
  badRequest('till.idempotency_key_required', 'Send an Idempotency-Key header of 8–100 visible characters (a UUID will do), the same on every retry.');

export const idempotencyConflict = (redemptionId: string) =>
  conflict('till.idempotency_conflict', 'This Idempotency-Key was already used for a different sale.', { redemptionId });

export const notFlagged = () => conflict('till.not_flagged', 'This redemption has no flag to resolve.');

export const alreadyDecided = (decision: 'accepted' | 'rejected') =>
  conflict('till.flag_decided', `This flag was already ${decision}; a decision is not changed.`, { flagDecision: decision });

/** The old contract's bare card id: it proves nothing, so it is refused with its own code before any other check. */
export const cardProofRequired = () =>
  badRequest(
    'till.card_proof_required',
    'Send the card as it was presented: "card" with the QR code’s text (CN1:…) or the 8-character code printed under it. A card id is not accepted.',
  );

/** True if the body (or an item of a sync batch) names a card by id instead of presenting it. */
export function namesCardById(body: unknown): boolean {
  if (typeof body !== 'object' || body === null) return false;
  if ('cardId' in body) return true;
  const items = (body as { items?: unknown }).items;
  return Array.isArray(items) && items.some((i) => typeof i === 'object' && i !== null && 'cardId' in i);
}
