/**
 * When an offline sale may be recorded, and which month of the reciprocity
 * accounts it counts in (decision 0010). Pure; the server runs these at sync.
 *
 * - A sale dated more than a few minutes ahead of the server's clock is
 *   refused: the till's clock is wrong.
 * - A sale dated before its offer was created is refused: no till could have
 *   given that offer then.
 * - A sale older than the till's offline window (days; the operator's
 *   setting) is held: recorded with the flag `synced_late`, counted nowhere
 *   in the accounts until the co-op's admin accepts it. Older than 30 days,
 *   it is refused.
 * - A month once settled is closed: a sale that arrives after its month was
 *   settled counts in the next month that is not settled.
 */

/** How far a till's clock may run ahead of the server's. */
export const CLOCK_SKEW_MS = 5 * 60_000;
/** No sale older than this is recorded, held or not. */
export const OLDEST_SALE_DAYS = 30;
/** The till's offline window: how old a synced sale may be and still be recorded as usual. */
export const OFFLINE_WINDOW_DAYS = { default: 3, min: 1, max: 14 } as const;

const DAY_MS = 86_400_000;

export type SaleRefusal = 'redeemed_in_future' | 'before_offer' | 'too_old';
export type SaleTiming = { ok: true; late: boolean } | { ok: false; reason: SaleRefusal };

/** Whether an offline sale made at `at` can be recorded at `now`, and whether it came later than the window allows. Times in ms. */
export function offlineSaleTiming(o: { at: number; now: number; offerCreatedAt: number; windowDays: number }): SaleTiming {
  if (!Number.isFinite(o.at) || o.at > o.now + CLOCK_SKEW_MS) return { ok: false, reason: 'redeemed_in_future' };
  if (o.at < o.offerCreatedAt) return { ok: false, reason: 'before_offer' };
  if (o.at < o.now - OLDEST_SALE_DAYS * DAY_MS) return { ok: false, reason: 'too_old' };
  return { ok: true, late: o.at < o.now - o.windowDays * DAY_MS };
}

/** The calendar month after `month` (YYYY-MM). */
export function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

/** The month a sale of `saleMonth` counts in: its own, or the first after it that is not settled. */
export function accountingMonth(saleMonth: string, settled: ReadonlySet<string>): string {
  let month = saleMonth;
  while (settled.has(month)) month = nextMonth(month);
  return month;
}
