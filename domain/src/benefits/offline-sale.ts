/**
 * A sale a till made offline is recorded whatever happened meanwhile — the
 * discount was given — and flagged for the co-op's admin when it broke a
 * rule. These are the rules of that judgement, pure; the server runs them at
 * sync inside the sale's transaction.
 */
import { type Audience, type Holder, type Limits, type OfferTerms, type OfferWindow, type Usage, discountFor, ineligibility, limitBreak } from './offer-rules.ts';

export type OfflineFlag = 'limit_exceeded' | 'cap_exceeded' | 'card_revoked' | 'card_expired' | 'offer_closed' | 'not_eligible' | 'synced_late';

/**
 * The offer's status when the sale was made, as far as its record tells: an
 * offer ended or paused after the sale was still open then. (A pause leaves
 * only the last change's time; a later edit of a paused offer makes it look
 * open longer, which errs towards not flagging an honest sale.)
 */
export function statusAt(
  offer: { status: OfferWindow['status']; endedAt: string | null; updatedAt: string },
  at: string,
): OfferWindow['status'] {
  if (offer.status === 'ended' && offer.endedAt !== null && offer.endedAt > at) return 'active';
  if (offer.status === 'paused' && offer.updatedAt > at) return 'active';
  return offer.status;
}

const CLOSED: ReadonlySet<string> = new Set(['offer_ended', 'offer_paused', 'not_started']);

/**
 * The discount an offline sale took and the first rule it broke, in this
 * order: the card (as the caller found it at the sale's time), the offer being
 * open and for this holder, the minimum sale, then the limits and the cap as
 * used by everyone until the sale's time.
 */
export function judgeOfflineSale(o: {
  rules: OfferTerms & Audience & OfferWindow & Limits & { coopId: string };
  holder: Holder;
  /** YYYY-MM-DD of the sale in the network's time zone */
  day: string;
  saleCents: number;
  cardFlag: OfflineFlag | null;
  used: Usage;
}): { discountCents: number; flag: OfflineFlag | null } {
  let flag = o.cardFlag;
  const ineligible = ineligibility(o.rules, o.holder, o.day);
  if (ineligible) flag ??= CLOSED.has(ineligible) ? 'offer_closed' : 'not_eligible';
  let discount = discountFor(o.rules, o.saleCents);
  if (!discount.ok) {
    flag ??= 'not_eligible';
    discount = discountFor({ ...o.rules, minSaleCents: null }, o.saleCents);
  }
  const discountCents = discount.ok ? discount.discountCents : 0;
  const broken = limitBreak(o.rules, o.used, discountCents);
  if (broken) flag ??= broken === 'limit_reached' ? 'limit_exceeded' : 'cap_exceeded';
  return { discountCents, flag };
}
