/** All SQL of offers. Offers are always read with their co-op's name, slug and sector. */
import type { Executor } from '../../db/database.ts';
import type { OfferStatus, OfferTable } from '../../db/schema-benefits.ts';
import type { Box } from './near.ts';

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

/** Offers with what the catalogue needs of their co-op too: whether it is a member, and where it is. */
function selectListing(ex: Executor) {
  return selectOffers(ex).select(['coops.status as coop_status', 'coops.latitude as coop_latitude', 'coops.longitude as coop_longitude']);
}

export type ListingRow = NonNullable<Awaited<ReturnType<ReturnType<typeof selectListing>['executeTakeFirst']>>>;

export function findListing(ex: Executor, id: string): Promise<ListingRow | undefined> {
  return selectListing(ex).where('offers.id', '=', id).executeTakeFirst();
}

export interface CatalogueFilter {
  /** YYYY-MM-DD in the network's time zone */
  today: string;
  sector?: string;
  coopId?: string;
  /** "open to me": a worker never sees their own co-op's offers */
  excludeCoopId?: string;
  /** "open to me": only offers for this kind of holder */
  audience?: 'worker' | 'supporter';
  /** "near me": only co-ops on the map inside this box */
  box?: Box;
}

/**
 * The offers in the catalogue today that pass every filter SQL can apply on
 * both engines. The caller applies the domain's eligibility rules and the
 * exact distance, then sorts and pages.
 */
export function catalogueCandidates(ex: Executor, f: CatalogueFilter): Promise<ListingRow[]> {
  let q = selectListing(ex)
    .where('offers.status', '=', 'active')
    .where('coops.status', '=', 'member')
    .where((eb) => eb.or([eb('offers.valid_from', 'is', null), eb('offers.valid_from', '<=', f.today)]))
    .where((eb) => eb.or([eb('offers.valid_until', 'is', null), eb('offers.valid_until', '>=', f.today)]));
  if (f.sector !== undefined) q = q.where('coops.sector', '=', f.sector);
  if (f.coopId !== undefined) q = q.where('offers.coop_id', '=', f.coopId);
  if (f.excludeCoopId !== undefined) q = q.where('offers.coop_id', '<>', f.excludeCoopId);
  if (f.audience === 'worker') q = q.where('offers.for_workers', '=', 1);
  if (f.audience === 'supporter') q = q.where('offers.for_supporters', '=', 1);
  if (f.box) {
    q = q.where('coops.latitude', '>=', f.box.minLat).where('coops.latitude', '<=', f.box.maxLat);
    if (f.box.minLng !== undefined && f.box.maxLng !== undefined) {
      q = q.where('coops.longitude', '>=', f.box.minLng).where('coops.longitude', '<=', f.box.maxLng);
    } else {
      q = q.where('coops.longitude', 'is not', null);
    }
  }
  return q.execute();
}

/** The newest offers in the catalogue today (of member co-ops, active, valid), at most `limit`. */
export function newestListed(ex: Executor, today: string, limit: number): Promise<OfferRow[]> {
  return selectOffers(ex)
    .where('offers.status', '=', 'active')
    .where('coops.status', '=', 'member')
    .where((eb) => eb.or([eb('offers.valid_from', 'is', null), eb('offers.valid_from', '<=', today)]))
    .where((eb) => eb.or([eb('offers.valid_until', 'is', null), eb('offers.valid_until', '>=', today)]))
    .orderBy('offers.created_at', 'desc')
    .orderBy('offers.id', 'desc')
    .limit(limit)
    .execute();
}

/** Every offer of a co-op, any status, newest first: its admins' list. */
export function allOffersOf(ex: Executor, coopId: string): Promise<OfferRow[]> {
  return selectOffers(ex).where('offers.coop_id', '=', coopId).orderBy('offers.created_at', 'desc').orderBy('offers.id', 'desc').execute();
}

export async function insertOffer(ex: Executor, row: OfferTable): Promise<void> {
  await ex.insertInto('offers').values(row).execute();
}

/** Changes an offer's terms unless it has ended meanwhile; false when it has. */
export async function updateOpenOffer(ex: Executor, id: string, patch: Partial<OfferTable>): Promise<boolean> {
  const r = await ex.updateTable('offers').set(patch).where('id', '=', id).where('status', '<>', 'ended').executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Moves an offer to another status only from one of `from`: two admins pausing at once pause it once. */
export async function moveOffer(
  ex: Executor,
  id: string,
  from: OfferStatus[],
  patch: Pick<OfferTable, 'status' | 'updated_at'> & Partial<Pick<OfferTable, 'ended_at'>>,
): Promise<boolean> {
  const r = await ex.updateTable('offers').set(patch).where('id', '=', id).where('status', 'in', from).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
