/** Offer rows to the API's shape, and to the domain's rule inputs. */
import type { Offer } from '@coopnet/contract/offers';
import type { benefits } from '@coopnet/domain';
import { type TermColumns, termsOfRow } from './offer-terms.ts';
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

/** What the domain's rules need from an offer row: its terms, whose offer it is, and whether it is open. */
export function offerRules(
  r: TermColumns & Pick<OfferRow, 'coop_id' | 'status'>,
): benefits.OfferTerms & benefits.Audience & benefits.OfferWindow & benefits.Limits & { coopId: string } {
  return { ...termsOfRow(r), coopId: r.coop_id, status: r.status };
}

/** An offer in the catalogue: with its distance from the given position (km, to 10 m), or null without one. */
export function presentCatalogueOffer(r: OfferRow, distanceKm: number | null) {
  return { ...presentOffer(r), distanceKm: distanceKm === null ? null : Math.round(distanceKm * 100) / 100 };
}
