/**
 * Calendar periods in the network's time zone: a limit "per day" means the
 * local day at the till, not a UTC day. Pure, no dependencies: Intl supplies
 * the zone rules.
 */
export type Period = 'day' | 'week' | 'month';

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

interface Wall {
  year: number;
  month: number; // 1..12
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function wallTime(ms: number, timeZone: string): Wall {
  const parts: Record<string, number> = {};
  for (const p of formatter(timeZone).formatToParts(new Date(ms))) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  return {
    year: parts.year!,
    month: parts.month!,
    day: parts.day!,
    hour: parts.hour! % 24,
    minute: parts.minute!,
    second: parts.second!,
  };
}

/** How far the zone's wall clock is ahead of UTC at this instant, in ms. */
function offsetMs(ms: number, timeZone: string): number {
  const w = wallTime(ms, timeZone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return asUtc - Math.floor(ms / 1000) * 1000;
}

/** The instant the local day y-m-d starts in the zone (months and days may overflow, as Date.UTC allows). */
export function startOfLocalDay(year: number, month: number, day: number, timeZone: string): Date {
  const guess = Date.UTC(year, month - 1, day);
  const first = guess - offsetMs(guess, timeZone);
  const second = guess - offsetMs(first, timeZone);
  return new Date(second);
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** YYYY-MM-DD of this instant in the zone. */
export function localDate(at: Date, timeZone: string): string {
  const w = wallTime(at.getTime(), timeZone);
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}`;
}

/** YYYY-MM of this instant in the zone: the month a redemption counts in. */
export function localMonth(at: Date, timeZone: string): string {
  return localDate(at, timeZone).slice(0, 7);
}

/** Start (inclusive) and end (exclusive) of the day, ISO week (from Monday) or month containing `at`. */
export function periodBounds(at: Date, period: Period, timeZone: string): { start: Date; end: Date } {
  const w = wallTime(at.getTime(), timeZone);
  if (period === 'month') {
    return { start: startOfLocalDay(w.year, w.month, 1, timeZone), end: startOfLocalDay(w.year, w.month + 1, 1, timeZone) };
  }
  if (period === 'week') {
    const weekday = (new Date(Date.UTC(w.year, w.month - 1, w.day)).getUTCDay() + 6) % 7; // Monday = 0
    return {
      start: startOfLocalDay(w.year, w.month, w.day - weekday, timeZone),
      end: startOfLocalDay(w.year, w.month, w.day - weekday + 7, timeZone),
    };
  }
  return { start: startOfLocalDay(w.year, w.month, w.day, timeZone), end: startOfLocalDay(w.year, w.month, w.day + 1, timeZone) };
}

/** Start and end (exclusive) of a YYYY-MM month in the zone. */
export function monthBounds(month: string, timeZone: string): { start: Date; end: Date } {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return { start: startOfLocalDay(y, m, 1, timeZone), end: startOfLocalDay(y, m + 1, 1, timeZone) };
}
