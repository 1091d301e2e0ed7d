/** All SQL of offers. Offers are always read with their co-op's name, slug and sector. */
import type { Executor } from '../../db/database.ts';

/** Offers joined with their co-op: the shape the presenter turns into the API's Offer. */
export function selectOffers(ex: Executor) {
  return ex
    .selectFrom('offers')
    .innerJoin('coops', 'coops.id', 'offers.coop_id')
    .selectAll('offers')
    .select(['coops.name as coop_name', 'coops.slug as coop_slug', 'coops.sector as coop_sector']);
}

export type OfferRow = NonNullable<Awaited<ReturnType<ReturnType<typeof selectOffers>['executeTakeFirst']>>>;

export function findOffer(ex: Executor, id: string): Promise<OfferRow | undefined> {
  return selectOffers(ex).where('offers.id', '=', id).executeTakeFirst();
}
