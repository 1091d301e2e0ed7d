/**
 * Reading offers: the public catalogue with its filters ("open to me",
 * sector, co-op, near me), one offer, and a co-op's list. "Today" and
 * "valid" are the network's local day, as at the till.
 */
import type { OfferListQuery } from '@coopnet/contract/offers';
import { benefits } from '@coopnet/domain';
import type { Executor } from '../../db/database.ts';
import type { AppDeps } from '../../deps.ts';
import type { Actor, MaybeActor } from '../../platform/auth/actor.ts';
import { badRequest, notFound, unauthorized } from '../../platform/errors.ts';
import type { NetworkSettingsReader } from '../../platform/network/settings.ts';
import { cardsPolicy } from '../cards/index.ts';
import { coopPolicy, findCoop } from '../coops/index.ts';
import { boxAround, distanceKm, type Point } from './near.ts';
import { isListed, offerPolicy } from './offers.policy.ts';
import { offerRules, presentCatalogueOffer, presentOffer } from './offers.presenter.ts';
import * as repo from './offers.repository.ts';

/** The network's local day, and its way of sorting names. */
async function networkToday(network: NetworkSettingsReader) {
  const [settings, today] = await Promise.all([network.get(), network.today()]);
  return {
    today,
    collator: new Intl.Collator(settings.locale, { numeric: true }),
  };
}

/** The person as a till would see their card: a worker of a member co-op (that wins), a supporter, or neither. */
async function holderOf(ex: Executor, actor: Actor): Promise<benefits.Holder | null> {
  const coop = actor.coopId ? await findCoop(ex, actor.coopId) : undefined;
  const kind = cardsPolicy.cardKind({
    status: 'active', // a signed-in person is active
    supporter: actor.supporter ? 1 : 0,
    coop_id: coop?.id ?? null,
    coop_status: coop?.status ?? null,
  });
  if (kind === 'worker') return { kind, coopId: coop!.id, sector: coop!.sector };
  if (kind === 'supporter') return { kind, coopId: null, sector: null };
  return null;
}

/**
 * A few offers open today, for the network's home page: the newest offer of
 * each co-op first, so that several co-ops show, then their other offers.
 */
export async function sampleOffers(ex: Executor, today: string, count: number) {
  const rows = await repo.newestListed(ex, today, count * 10);
  const seen = new Set<string>();
  const first: typeof rows = [];
  const rest: typeof rows = [];
  for (const r of rows) {
    (seen.has(r.coop_id) ? rest : first).push(r);
    seen.add(r.coop_id);
  }
  return [...first, ...rest].slice(0, count).map(presentOffer);
}

export function catalogueService({ db, network }: AppDeps) {
  /**
   * SQL narrows with what it can say the same way on both engines; the
   * domain's eligibility rule (the one the till applies) and the exact
   * distance decide here, and so do the order and the page: names sort as
   * people of the network's language expect, on either engine.
   */
  async function catalogue(actor: MaybeActor, q: OfferListQuery) {
    const openToMe = q.openToMe === '1' || q.openToMe === 'true';
    if (openToMe && !actor) throw unauthorized();
    if ((q.lat === undefined) !== (q.lng === undefined)) {
      throw badRequest('offers.invalid', 'Near me needs both latitude and longitude.', { field: q.lat === undefined ? 'lat' : 'lng' });
    }
    const here: Point | null = q.lat !== undefined && q.lng !== undefined ? { lat: q.lat, lng: q.lng } : null;
    const empty = { items: [], total: 0, limit: q.limit, offset: q.offset };
    const { today, collator } = await networkToday(network);
    const holder = openToMe ? await holderOf(db, actor!) : null;
    // Someone with no card (a coordinator who is no worker, say) has no offer open to them.
    if (openToMe && !holder) return empty;

    const rows = await repo.catalogueCandidates(db, {
      today,
      sector: q.sector || undefined,
      coopId: q.coopId,
      excludeCoopId: holder?.coopId ?? undefined,
      audience: holder?.kind,
      box: here ? boxAround(here, q.radiusKm) : undefined,
    });
    const found = rows
      .filter((r) => !holder || benefits.ineligibility(offerRules(r), holder, today) === null)
      .map((r) => ({
        row: r,
        km: here && r.coop_latitude !== null && r.coop_longitude !== null ? distanceKm(here, { lat: r.coop_latitude, lng: r.coop_longitude }) : null,
      }))
      .filter((x) => !here || (x.km !== null && x.km <= q.radiusKm));
    const byName = (a: repo.ListingRow, b: repo.ListingRow) =>
      collator.compare(a.coop_name, b.coop_name) || collator.compare(a.title, b.title) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
    found.sort((a, b) => (here ? a.km! - b.km! : 0) || byName(a.row, b.row));
    return {
      items: found.slice(q.offset, q.offset + q.limit).map((x) => presentCatalogueOffer(x.row, x.km)),
      total: found.length,
      limit: q.limit,
      offset: q.offset,
    };
  }

  async function show(actor: MaybeActor, id: string) {
    const [row, { today }] = await Promise.all([repo.findListing(db, id), networkToday(network)]);
    if (!row || !offerPolicy.view(actor, row, isListed(row, today))) throw notFound('offer');
    return presentOffer(row);
  }

  /** A co-op's offers: to everyone, those in the catalogue today; to its admins, every offer, newest first. */
  async function ofCoop(actor: MaybeActor, coopId: string) {
    const coop = await findCoop(db, coopId);
    if (!coop || !coopPolicy.view(actor, coop)) throw notFound('co-op');
    const manage = offerPolicy.manage(actor, coop.id);
    if (manage) return { items: (await repo.allOffersOf(db, coop.id)).map(presentOffer), abilities: { manage } };
    const { today, collator } = await networkToday(network);
    const rows = await repo.catalogueCandidates(db, { today, coopId: coop.id });
    rows.sort((a, b) => collator.compare(a.title, b.title) || (a.id < b.id ? -1 : 1));
    return { items: rows.map(presentOffer), abilities: { manage } };
  }

  return { catalogue, show, ofCoop };
}
