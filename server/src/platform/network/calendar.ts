/**
 * The domain's calendar (local day, month and limit period in the network's
 * time zone), remembered: Intl's formatToParts costs about 10 µs a call and a
 * redemption needs several. An instant's local day cannot change within one
 * UTC minute (every zone's offset today is a whole number of minutes), and a
 * period's bounds depend only on the local day, so both are kept by those keys.
 */
import { benefits } from '@coopnet/domain';

const KEEP = 2_000;
const days = new Map<string, string>();
const periods = new Map<string, { start: string; end: string }>();

function remember<V>(map: Map<string, V>, key: string, make: () => V): V {
  let value = map.get(key);
  if (value === undefined) {
    if (map.size >= KEEP) map.clear();
    value = make();
    map.set(key, value);
  }
  return value;
}

/** YYYY-MM-DD of the instant in the zone. */
export function localDate(at: Date, timeZone: string): string {
  return remember(days, `${timeZone}|${Math.floor(at.getTime() / 60_000)}`, () => benefits.localDate(at, timeZone));
}

/** YYYY-MM of the instant in the zone: the month a redemption counts in. */
export function localMonth(at: Date, timeZone: string): string {
  return localDate(at, timeZone).slice(0, 7);
}

/** The day, week (from Monday) or month containing the instant, as ISO instants: start inclusive, end exclusive. */
export function periodOf(at: Date, period: benefits.Period, timeZone: string): { start: string; end: string } {
  return remember(periods, `${timeZone}|${period}|${localDate(at, timeZone)}`, () => {
    const b = benefits.periodBounds(at, period, timeZone);
    return { start: b.start.toISOString(), end: b.end.toISOString() };
  });
}
