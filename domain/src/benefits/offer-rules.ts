/**
 * The rules of an offer, pure: what a sale's discount is, who may use the
 * offer, and whether a redemption fits the person's limits and the offer's
 * monthly cap. The server runs them inside the redemption's transaction; the
 * till runs the same ones offline to show what it can.
 */
import type { Period } from './calendar.ts';

export type OfferKind = 'percent' | 'amount' | 'free_item';

/** The largest sale a till may record: 1,000,000.00. Anything above is a typing mistake. */
export const MAX_SALE_CENTS = 100_000_000;

export interface OfferTerms {
  kind: OfferKind;
  /** percent: 1..100 */
  percent: number | null;
  /** amount: taken off each sale; free_item: the item's value */
  amountCents: number | null;
  maxDiscountCents: number | null;
  minSaleCents: number | null;
}

export type DiscountResult = { ok: true; discountCents: number } | { ok: false; reason: 'bad_amount' | 'below_min_sale' };

/**
 * The discount on a sale, in cents. Percent rounds half up to the cent
 * (20 % of 45.00 is 9.00; 15 % of 0.10 is 0.02) and stops at the offer's
 * maximum; an amount off never exceeds the sale; a free item is worth its value.
 */
export function discountFor(terms: OfferTerms, saleCents: number): DiscountResult {
  if (!Number.isSafeInteger(saleCents) || saleCents < 0 || saleCents > MAX_SALE_CENTS) return { ok: false, reason: 'bad_amount' };
  if (terms.minSaleCents !== null && saleCents < terms.minSaleCents) return { ok: false, reason: 'below_min_sale' };
  let discount: number;
  if (terms.kind === 'percent') {
    discount = Math.floor((saleCents * (terms.percent ?? 0) + 50) / 100);
    if (terms.maxDiscountCents !== null) discount = Math.min(discount, terms.maxDiscountCents);
  } else if (terms.kind === 'amount') {
    discount = Math.min(terms.amountCents ?? 0, saleCents);
  } else {
    discount = terms.amountCents ?? 0;
  }
  return { ok: true, discountCents: discount };
}

export interface Audience {
  forWorkers: boolean;
  forSupporters: boolean;
  /** sectors whose workers may use it; empty = every sector */
  sectors: readonly string[];
}

export interface Holder {
  kind: 'worker' | 'supporter';
  /** the holder's co-op (workers) */
  coopId: string | null;
  /** the sector of the holder's co-op (workers) */
  sector: string | null;
}

export interface OfferWindow {
  status: 'active' | 'paused' | 'ended';
  /** YYYY-MM-DD, inclusive */
  validFrom: string | null;
  validUntil: string | null;
}

export type IneligibleReason =
  | 'own_coop'
  | 'not_for_workers'
  | 'not_for_supporters'
  | 'sector_not_included'
  | 'offer_paused'
  | 'offer_ended'
  | 'not_started';

/** Why this holder may not use this co-op's offer today, or null if they may. `today` is YYYY-MM-DD locally. */
export function ineligibility(
  offer: Audience & OfferWindow & { coopId: string },
  holder: Holder,
  today: string,
): IneligibleReason | null {
  if (offer.status === 'ended' || (offer.validUntil !== null && today > offer.validUntil)) return 'offer_ended';
  if (offer.status === 'paused') return 'offer_paused';
  if (offer.validFrom !== null && today < offer.validFrom) return 'not_started';
  if (holder.kind === 'supporter') return offer.forSupporters ? null : 'not_for_supporters';
  // Reciprocal: a co-op's offers are for the workers of the *other* co-ops.
  if (holder.coopId === offer.coopId) return 'own_coop';
  if (!offer.forWorkers) return 'not_for_workers';
  if (offer.sectors.length > 0 && (!holder.sector || !offer.sectors.includes(holder.sector))) return 'sector_not_included';
  return null;
}

export interface Limits {
  limitPeriod: Period | null;
  limitCount: number | null;
  limitCents: number | null;
  capCount: number | null;
  capCents: number | null;
}

/** What has been used: by this person in the current limit period, and by everyone this month. */
export interface Usage {
  personCount: number;
  personCents: number;
  monthCount: number;
  monthCents: number;
}

export interface Remaining {
  /** null: no such limit */
  personCount: number | null;
  personCents: number | null;
  capCount: number | null;
  capCents: number | null;
}

/** A limit per person: a period and a count or an amount in it. */
export function hasPersonLimit(limits: Limits): limits is Limits & { limitPeriod: Period } {
  return limits.limitPeriod !== null && (limits.limitCount !== null || limits.limitCents !== null);
}

/** A monthly cap on the whole offer: uses or an amount. */
export function hasCap(limits: Limits): boolean {
  return limits.capCount !== null || limits.capCents !== null;
}

export function remaining(limits: Limits, used: Usage): Remaining {
  const left = (limit: number | null, u: number) => (limit === null ? null : Math.max(0, limit - u));
  const periodic = hasPersonLimit(limits);
  return {
    personCount: periodic ? left(limits.limitCount, used.personCount) : null,
    personCents: periodic ? left(limits.limitCents, used.personCents) : null,
    capCount: left(limits.capCount, used.monthCount),
    capCents: left(limits.capCents, used.monthCents),
  };
}

export type LimitBreak = 'limit_reached' | 'cap_reached';

/** Whether one more redemption of this discount fits; the person's limit is named first. */
export function limitBreak(limits: Limits, used: Usage, discountCents: number): LimitBreak | null {
  const r = remaining(limits, used);
  if (r.personCount !== null && r.personCount < 1) return 'limit_reached';
  if (r.personCents !== null && r.personCents < discountCents) return 'limit_reached';
  if (r.capCount !== null && r.capCount < 1) return 'cap_reached';
  if (r.capCents !== null && r.capCents < discountCents) return 'cap_reached';
  return null;
}
