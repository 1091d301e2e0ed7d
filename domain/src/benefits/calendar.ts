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

/** "2026-05-04T18:30:00": this instant on the zone's wall clock, as a datetime-local field shows it. */
export function wallClockValue(at: Date, timeZone: string): string {
  const w = wallTime(at.getTime(), timeZone);
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}:${pad(w.second)}`;
}

/**
 * The instant a wall-clock time ("2026-05-04T18:30", seconds optional) names
 * in the zone; null when it is not one. A time skipped when the clocks go
 * forward is read with the offset before the change; a time lived twice when
 * they go back, as its first.
 */
export function instantOfWallClock(value: string, timeZone: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?$/.exec(value);
  if (!m) return null;
  const [year, month, day, hour, minute, second] = m.slice(1).map((x) => Number(x ?? 0)) as [number, number, number, number, number, number];
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59) return null;
  const guess = Date.UTC(year, month - 1, day, hour, minute, second);
  const check = new Date(guess);
  if (check.getUTCDate() !== day || check.getUTCMonth() !== month - 1) return null;
  const before = guess - offsetMs(guess - 86_400_000 / 2, timeZone);
  const candidates = [guess - offsetMs(guess, timeZone), before, guess - offsetMs(before, timeZone)];
  const exact = candidates.filter((c) => wallClockValue(new Date(c), timeZone).slice(0, 19) === wallClockValue(new Date(guess), 'UTC')).sort((a, b) => a - b);
  return new Date(exact[0] ?? candidates[1]!);
}

/** The last day (YYYY-MM-DD) in the zone that lies wholly before `until`: what a card valid until then may promise. */
export function lastWholeDay(until: Date, timeZone: string): string {
  const [y, m, d] = localDate(until, timeZone).split('-').map(Number) as [number, number, number];
  return localDate(new Date(startOfLocalDay(y, m, d, timeZone).getTime() - 1), timeZone);
}
