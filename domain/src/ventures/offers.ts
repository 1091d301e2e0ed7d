/**
 * A member's offer to a venture: a skill they give, or asking to join its
 * founding team. The team accepts or declines an open offer, once; the person
 * who offered may withdraw it while it is open or after it was accepted.
 */
export const OFFER_KINDS = ['skill', 'join'] as const;
export type OfferKind = (typeof OFFER_KINDS)[number];

export const OFFER_STATUSES = ['open', 'accepted', 'declined', 'withdrawn'] as const;
export type OfferStatus = (typeof OFFER_STATUSES)[number];

export type OfferAction = 'accept' | 'decline' | 'withdraw';

const TO: Record<OfferAction, OfferStatus> = { accept: 'accepted', decline: 'declined', withdraw: 'withdrawn' };

/** The statuses an action may start from. */
export const FROM: Record<OfferAction, readonly OfferStatus[]> = {
  accept: ['open'],
  decline: ['open'],
  withdraw: ['open', 'accepted'],
};

/** The offer's status after `action`, or null when the action does not apply to it any more. */
export function offerAfter(status: OfferStatus, action: OfferAction): OfferStatus | null {
  return FROM[action].includes(status) ? TO[action] : null;
}
