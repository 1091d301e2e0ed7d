/** Offer rows to the API's shape, and to the domain's rule inputs. */
import type { Offer } from '@coopnet/contract/offers';
import type { benefits } from '@coopnet/domain';
import { termsOfRow } from './offer-terms.ts';
import type { OfferRow } from './offers.repository.ts';

export function presentOffer(r: OfferRow): Offer {
  return {
    id: r.id,
    coopId: r.coop_id,
    coopName: r.coop_name,
    coopSlug: r.coop_slug,
    coopSector: r.coop_sector,
    ...termsOfRow(r),
    status: r.status,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

type RuleRow = Pick<
  OfferRow,
  | 'coop_id' | 'kind' | 'percent' | 'amount_cents' | 'max_discount_cents' | 'min_sale_cents' | 'for_workers' | 'for_supporters'
  | 'sectors_json' | 'status' | 'valid_from' | 'valid_until' | 'limit_period' | 'limit_count' | 'limit_cents' | 'cap_count' | 'cap_cents'
>;

/** What the domain's rules need from an offer row. */
export function offerRules(r: RuleRow): benefits.OfferTerms & benefits.Audience & benefits.OfferWindow & benefits.Limits & { coopId: string } {
  return {
    coopId: r.coop_id,
    kind: r.kind,
    percent: r.percent,
    amountCents: r.amount_cents,
    maxDiscountCents: r.max_discount_cents,
    minSaleCents: r.min_sale_cents,
    forWorkers: r.for_workers === 1,
    forSupporters: r.for_supporters === 1,
    sectors: JSON.parse(r.sectors_json) as string[],
    status: r.status,
    validFrom: r.valid_from,
    validUntil: r.valid_until,
    limitPeriod: r.limit_period,
    limitCount: r.limit_count,
    limitCents: r.limit_cents,
    capCount: r.cap_count,
    capCents: r.cap_cents,
  };
}

/** An offer in the catalogue: with its distance from the given position (km, to 10 m), or null without one. */
export function presentCatalogueOffer(r: OfferRow, distanceKm: number | null) {
  return { ...presentOffer(r), distanceKm: distanceKm === null ? null : Math.round(distanceKm * 100) / 100 };
}
