/**
 * An offer's terms as the API names them, and the rules that tie them
 * together. The contract checks each field alone (types, ranges, lengths);
 * these rules check the fields against one another, on the whole offer as it
 * would be after a create or a change, so a change can never leave an offer
 * that a create would have refused.
 */
import type { OfferInput, OfferPatch } from '@coopnet/contract/offers';
import type { OfferTable } from '../../db/schema-benefits.ts';
import { badRequest } from '../../platform/errors.ts';
import { parseStoredStrings } from '../../platform/stored-json.ts';

/** Every term present; `null` where the offer has no such term. */
export type OfferTerms = { [K in keyof OfferInput]-?: Exclude<OfferInput[K], undefined> };

export type TermColumns = Pick<
  OfferTable,
  | 'title' | 'terms' | 'kind' | 'percent' | 'amount_cents' | 'item' | 'max_discount_cents' | 'min_sale_cents' | 'for_workers'
  | 'for_supporters' | 'sectors_json' | 'limit_period' | 'limit_count' | 'limit_cents' | 'cap_count' | 'cap_cents' | 'valid_from' | 'valid_until'
>;

export function termsOfInput(i: OfferInput): OfferTerms {
  return {
    title: i.title,
    terms: i.terms,
    kind: i.kind,
    percent: i.percent ?? null,
    amountCents: i.amountCents ?? null,
    item: i.item ?? null,
    maxDiscountCents: i.maxDiscountCents ?? null,
    minSaleCents: i.minSaleCents ?? null,
    forWorkers: i.forWorkers,
    forSupporters: i.forSupporters,
    sectors: i.sectors,
    limitPeriod: i.limitPeriod ?? null,
    limitCount: i.limitCount ?? null,
    limitCents: i.limitCents ?? null,
    capCount: i.capCount ?? null,
    capCents: i.capCents ?? null,
    validFrom: i.validFrom ?? null,
    validUntil: i.validUntil ?? null,
  };
}

export function termsOfRow(r: TermColumns): OfferTerms {
  return {
    title: r.title,
    terms: r.terms,
    kind: r.kind,
    percent: r.percent,
    amountCents: r.amount_cents,
    item: r.item,
    maxDiscountCents: r.max_discount_cents,
    minSaleCents: r.min_sale_cents,
    forWorkers: r.for_workers === 1,
    forSupporters: r.for_supporters === 1,
    sectors: parseStoredStrings(r.sectors_json, 'offers.sectors_json'),
    limitPeriod: r.limit_period,
    limitCount: r.limit_count,
    limitCents: r.limit_cents,
    capCount: r.cap_count,
    capCents: r.cap_cents,
    validFrom: r.valid_from,
    validUntil: r.valid_until,
  };
}

/** The offer after a change: a field sent replaces the current one (null clears it), a field not sent stays. */
export function applyPatch(current: OfferTerms, patch: OfferPatch): OfferTerms {
  const next = { ...current } as Record<string, unknown>;
  for (const [k, v] of Object.entries(patch)) if (v !== undefined) next[k] = v;
  return next as OfferTerms;
}

export function columnsOf(t: OfferTerms): TermColumns {
  return {
    title: t.title,
    terms: t.terms,
    kind: t.kind,
    percent: t.percent,
    amount_cents: t.amountCents,
    item: t.item,
    max_discount_cents: t.maxDiscountCents,
    min_sale_cents: t.minSaleCents,
    for_workers: t.forWorkers ? 1 : 0,
    for_supporters: t.forSupporters ? 1 : 0,
    // Sorted and without repeats, so the same choice is stored the same way and a change shows only when there is one.
    sectors_json: JSON.stringify([...new Set(t.sectors)].sort()),
    limit_period: t.limitPeriod,
    limit_count: t.limitCount,
    limit_cents: t.limitCents,
    cap_count: t.capCount,
    cap_cents: t.capCents,
    valid_from: t.validFrom,
    valid_until: t.validUntil,
  };
}

/** The first rule the terms break, with the field to correct; null when they hold together. */
export function brokenRule(t: OfferTerms): { field: keyof OfferTerms; message: string } | null {
  const kindNames = { percent: 'A percent-off offer', amount: 'An amount-off offer', free_item: 'A free-item offer' } as const;
  const of = kindNames[t.kind];
  if (t.kind === 'percent' && t.percent === null) return { field: 'percent', message: `${of} needs its percent.` };
  if (t.kind !== 'percent' && t.percent !== null) return { field: 'percent', message: `${of} has no percent.` };
  if (t.kind === 'percent' && t.amountCents !== null) return { field: 'amountCents', message: `${of} has no amount.` };
  if (t.kind === 'amount' && t.amountCents === null) return { field: 'amountCents', message: `${of} needs the amount taken off.` };
  if (t.kind === 'free_item' && t.item === null) return { field: 'item', message: `${of} needs the item given.` };
  if (t.kind !== 'free_item' && t.item !== null) return { field: 'item', message: `${of} gives no item.` };
  if (t.kind === 'free_item' && t.amountCents === null) return { field: 'amountCents', message: `${of} needs the item's value.` };
  if (t.kind !== 'percent' && t.maxDiscountCents !== null)
    return { field: 'maxDiscountCents', message: 'Only a percent-off offer has a largest discount.' };
  if ((t.limitCount !== null || t.limitCents !== null) && t.limitPeriod === null)
    return { field: 'limitPeriod', message: 'A limit per person needs its period: day, week or month.' };
  if (t.limitPeriod !== null && t.limitCount === null && t.limitCents === null)
    return { field: 'limitCount', message: 'A limit period needs a number of uses or an amount per person.' };
  if (t.validFrom !== null && t.validUntil !== null && t.validUntil < t.validFrom)
    return { field: 'validUntil', message: 'The offer cannot end before it starts.' };
  if (!t.forWorkers && !t.forSupporters) return { field: 'forWorkers', message: 'An offer is for workers, for supporters, or for both.' };
  return null;
}

export function checkTerms(t: OfferTerms): void {
  const broken = brokenRule(t);
  if (broken) throw badRequest('offers.invalid', broken.message, { field: broken.field });
}
