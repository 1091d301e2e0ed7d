/**
 * All SQL of tills and redemptions. The queries a redemption runs are
 * prepared once (db/prepared.ts): at a busy till, compiling SQL would cost
 * more than running it.
 */
import type { DialectName, Executor } from '../../db/database.ts';
import { preparedQuery } from '../../db/prepared.ts';
import type { RedemptionTable } from '../../db/schema-benefits.ts';
import { type OfferRow, selectOffers } from '../offers/index.ts';
import type { benefits } from '@coopnet/domain';

export type { OfferRow };
export type RedemptionRow = RedemptionTable;
/** A redemption with the names the API shows beside it. */
export type RedemptionView = RedemptionRow & { offer_title: string; coop_name: string; holder_name: string };

/** The offers a till keeps: active or paused (a paused one may come back while the till is offline). */
export async function tillOffers(ex: Executor, coopId: string): Promise<OfferRow[]> {
  return selectOffers(ex)
    .where('offers.coop_id', '=', coopId)
    .where('offers.status', 'in', ['active', 'paused'])
    .orderBy('offers.title')
    .orderBy('offers.id')
    .execute();
}

const readOffer = preparedQuery((ex, p: { id: string }) => selectOffers(ex).where('offers.id', '=', p.id));
const lockOffer = preparedQuery((ex, p: { id: string }) =>
  selectOffers(ex).where('offers.id', '=', p.id).forUpdate('offers'),
);

/**
 * The offer a redemption is for. On PostgreSQL its row stays locked until the
 * transaction ends, so two tills redeeming the same offer count its uses one
 * after the other; SQLite's one connection runs one transaction at a time.
 */
export async function offerForRedemption(ex: Executor, dialect: DialectName, id: string): Promise<OfferRow | undefined> {
  const rows = await (dialect === 'postgres' ? lockOffer : readOffer)(ex, { id });
  return rows[0];
}

const byKey = preparedQuery((ex, p: { coopId: string; key: string }) =>
  ex.selectFrom('redemptions').selectAll().where('coop_id', '=', p.coopId).where('idempotency_key', '=', p.key),
);

/** The redemption a till recorded with this key, if any (unique per giving co-op). */
export async function findByKey(ex: Executor, coopId: string, key: string): Promise<RedemptionRow | undefined> {
  return (await byKey(ex, { coopId, key }))[0];
}

export interface UsageParams {
  offerId: string;
  /** the person's limit period [since, until); given only when the offer has a per-person limit */
  personId?: string;
  since?: string;
  until?: string;
  /** '1': also sum the person's discounts (the offer limits them in cents) */
  personCents?: '1';
  /** YYYY-MM; given only when the offer has a monthly cap */
  month?: string;
  /** '1': also sum the month's discounts (the cap is in cents) */
  monthCents?: '1';
  [k: string]: string | undefined;
}

/**
 * One query for both: the person's uses in their limit period, and everyone's
 * this month. A count alone is answered from the index (redemptions_offer_person,
 * redemptions_offer_month); a sum of discounts also reads the rows, so it is
 * asked only when a limit is in cents.
 */
const usageQuery = preparedQuery((ex, p: UsageParams) =>
  ex.selectNoFrom((eb) => {
    const ofOffer = () => eb.selectFrom('redemptions').where('offer_id', '=', p.offerId);
    const person = () => {
      let q = ofOffer().where('person_id', '=', p.personId!).where('redeemed_at', '>=', p.since!);
      if (p.until !== undefined) q = q.where('redeemed_at', '<', p.until);
      return q;
    };
    const month = () => ofOffer().where('month', '=', p.month!);
    type Sub = ReturnType<typeof ofOffer>;
    const count = (q: Sub) => q.select((e) => e.fn.countAll<number>().as('n'));
    const sum = (q: Sub) => q.select((e) => e.fn.coalesce(e.fn.sum<number>('discount_cents'), e.val(0)).as('c'));
    const zero = eb.val(0);
    return [
      (p.personId !== undefined ? count(person()) : zero).as('person_count'),
      (p.personCents !== undefined ? sum(person()) : zero).as('person_cents'),
      (p.month !== undefined ? count(month()) : zero).as('month_count'),
      (p.monthCents !== undefined ? sum(month()) : zero).as('month_cents'),
    ];
  }),
);

type Usage = benefits.Usage;

const NO_USE: Usage = { personCount: 0, personCents: 0, monthCount: 0, monthCents: 0 };

/** What has been used of one offer (uses the indexes redemptions_offer_person and redemptions_offer_month). */
export async function usage(ex: Executor, p: UsageParams): Promise<Usage> {
  if (p.personId === undefined && p.month === undefined) return NO_USE;
  const row = (await usageQuery(ex, p))[0] as Record<string, unknown> | undefined;
  return {
    personCount: Number(row?.person_count ?? 0),
    personCents: Number(row?.person_cents ?? 0),
    monthCount: Number(row?.month_count ?? 0),
    monthCents: Number(row?.month_cents ?? 0),
  };
}

/** For the till's screen: one person's redemptions of some offers since a time (at most a month of them). */
export async function personRedemptionsSince(ex: Executor, personId: string, offerIds: string[], since: string) {
  if (offerIds.length === 0) return [];
  return ex
    .selectFrom('redemptions')
    .select(['offer_id', 'redeemed_at', 'discount_cents'])
    .where('offer_id', 'in', offerIds)
    .where('person_id', '=', personId)
    .where('redeemed_at', '>=', since)
    .execute();
}

/** For the till's screen: this month's uses of each of some offers. */
export async function monthUsageOf(ex: Executor, offerIds: string[], month: string) {
  if (offerIds.length === 0) return [];
  return ex
    .selectFrom('redemptions')
    .select((eb) => ['offer_id', eb.fn.countAll<number>().as('n'), eb.fn.sum<number>('discount_cents').as('cents')])
    .where('offer_id', 'in', offerIds)
    .where('month', '=', month)
    .groupBy('offer_id')
    .execute();
}

const insertQuery = preparedQuery((ex, r: RedemptionRow & Record<string, string | number | null>) =>
  ex.insertInto('redemptions').values(r),
);

/** A redemption is written once and never changed, except that an admin may mark its flag seen. */
export async function insertRedemption(ex: Executor, r: RedemptionRow): Promise<void> {
  await insertQuery(ex, r as RedemptionRow & Record<string, string | number | null>);
}

/** A unique violation of (coop_id, idempotency_key): another request recorded this key first. */
export function isKeyClash(err: unknown): boolean {
  const e = err as { code?: string; constraint?: string; message?: string } | null;
  if (e?.code === '23505') return e.constraint === 'redemptions_idempotency';
  return e?.code === 'SQLITE_CONSTRAINT_UNIQUE' && /redemptions\.idempotency_key/.test(e.message ?? '');
}

function selectViews(ex: Executor) {
  return ex
    .selectFrom('redemptions')
    .innerJoin('offers', 'offers.id', 'redemptions.offer_id')
    .innerJoin('coops', 'coops.id', 'redemptions.coop_id')
    .innerJoin('people', 'people.id', 'redemptions.person_id')
    .selectAll('redemptions')
    .select(['offers.title as offer_title', 'coops.name as coop_name', 'people.display_name as holder_name']);
}

export async function findView(ex: Executor, id: string): Promise<RedemptionView | undefined> {
  return selectViews(ex).where('redemptions.id', '=', id).executeTakeFirst();
}

/** A co-op's redemptions, newest first; `flagged`: only flags not yet decided. */
export async function listOfCoop(ex: Executor, coopId: string, f: { flagged: boolean; limit: number; offset: number }) {
  let rowsQ = selectViews(ex).where('redemptions.coop_id', '=', coopId);
  let countQ = ex
    .selectFrom('redemptions')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('redemptions.coop_id', '=', coopId);
  if (f.flagged) {
    // index redemptions_flag (coop_id, flag)
    rowsQ = rowsQ.where('redemptions.flag', 'is not', null).where('redemptions.flag_decision', 'is', null);
    countQ = countQ.where('redemptions.flag', 'is not', null).where('redemptions.flag_decision', 'is', null);
  }
  const [rows, count] = await Promise.all([
    rowsQ.orderBy('redemptions.redeemed_at', 'desc').orderBy('redemptions.id', 'desc').limit(f.limit).offset(f.offset).execute(),
    countQ.executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

/** The admin's decision on an undecided flag (and, when accepted, the month it counts in); false if it was decided already. */
export async function markDecided(
  ex: Executor,
  id: string,
  d: { decision: 'accepted' | 'rejected'; by: string; at: string; accountingMonth: string },
): Promise<boolean> {
  const r = await ex
    .updateTable('redemptions')
    .set({ flag_decision: d.decision, flag_resolved_at: d.at, flag_resolved_by: d.by, accounting_month: d.accountingMonth })
    .where('id', '=', id)
    .where('flag', 'is not', null)
    .where('flag_decision', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** The person's savings: this month's and this year's count and discount (months are YYYY-MM in the network's zone); a rejected sale is not one. */
export async function savingsOf(ex: Executor, personId: string, month: string) {
  const year = month.slice(0, 4);
  const row = await ex
    .selectFrom('redemptions')
    .select((eb) => [
      eb.fn.countAll<number>().as('year_count'),
      eb.fn.coalesce(eb.fn.sum<number>('discount_cents'), eb.val(0)).as('year_cents'),
      eb.fn.sum<number>(eb.case().when('month', '=', month).then(1).else(0).end()).as('month_count'),
      eb.fn.sum<number>(eb.case().when('month', '=', month).then(eb.ref('discount_cents')).else(0).end()).as('month_cents'),
    ])
    .where('person_id', '=', personId)
    .where('month', '>=', `${year}-01`)
    .where('month', '<=', `${year}-12`)
    .where((eb) => eb.or([eb('flag_decision', 'is', null), eb('flag_decision', '!=', 'rejected')]))
    .executeTakeFirstOrThrow();
  return {
    yearCount: Number(row.year_count ?? 0),
    yearCents: Number(row.year_cents ?? 0),
    monthCount: Number(row.month_count ?? 0),
    monthCents: Number(row.month_cents ?? 0),
  };
}

/** The person's latest redemptions (index redemptions_person). */
export async function latestOf(ex: Executor, personId: string, limit: number): Promise<RedemptionView[]> {
  return selectViews(ex)
    .where('redemptions.person_id', '=', personId)
    .orderBy('redemptions.redeemed_at', 'desc')
    .orderBy('redemptions.id', 'desc')
    .limit(limit)
    .execute();
}
