/**
 * The one way Coopnet writes dates and times, per language: the app's pages,
 * printed cards and mails all call these, in the network's time zone, so a
 * date reads the same wherever it is shown ("4 dic 2027", "Dec 4, 2027";
 * "15 dic 2026, 18:00").
 */
const DATE: Intl.DateTimeFormatOptions = { dateStyle: 'medium' };
const DATE_TIME: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' };

/** Formatters are slow to make and cheap to use: each is made once per language, zone and style. */
const made = new Map<string, Intl.DateTimeFormat>();
const MAX_KEPT = 64;

function formatter(locale: string, options: Intl.DateTimeFormatOptions, timeZone: string | undefined): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone ?? ''}|${options === DATE ? 'date' : options === DATE_TIME ? 'dateTime' : JSON.stringify(options)}`;
  const kept = made.get(key);
  if (kept) return kept;
  let f: Intl.DateTimeFormat;
  try {
    f = new Intl.DateTimeFormat(locale, { ...options, timeZone });
  } catch {
    // an unknown zone or language: the device's, rather than nothing
    f = new Intl.DateTimeFormat(undefined, options);
  }
  if (made.size >= MAX_KEPT) made.clear();
  made.set(key, f);
  return f;
}

/** The day of an instant in the zone: "4 dic 2027". */
export function dateText(at: Date, locale: string, timeZone: string | undefined): string {
  return formatter(locale, DATE, timeZone).format(at);
}

/** An instant in the zone: "15 dic 2026, 18:00". */
export function dateTimeText(at: Date, locale: string, timeZone: string | undefined): string {
  return formatter(locale, DATE_TIME, timeZone).format(at);
}

/** A calendar day (YYYY-MM-DD), which has no time zone: "4 dic 2027". */
export function dayText(day: string, locale: string): string {
  return formatter(locale, DATE, 'UTC').format(new Date(`${day}T12:00:00Z`));
}

/** From one instant to another in the zone, the day written once when it is the same: "15 dic 2026, 18:00–20:30". */
export function dateTimeRangeText(from: Date, to: Date, locale: string, timeZone: string | undefined): string {
  return formatter(locale, DATE_TIME, timeZone).formatRange(from, to);
}

/** The `count` calendar months up to and including `month` (YYYY-MM), oldest first. */
export function lastMonths(month: string, count: number): string[] {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return Array.from({ length: count }, (_, i) =>
    new Date(Date.UTC(y, m - 1 - (count - 1 - i), 1)).toISOString().slice(0, 7),
  );
}
