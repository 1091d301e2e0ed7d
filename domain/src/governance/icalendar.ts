/**
 * iCalendar (RFC 5545) for the assemblies feed: a pure function from events to
 * the text a calendar program subscribes to. Only what a published feed of
 * meetings needs: one VCALENDAR, one VEVENT per meeting, times in UTC.
 */

export interface CalendarEvent {
  /** globally unique and stable across refreshes, e.g. `<id>@<host>` */
  uid: string;
  /** when this version of the event was written (ISO-8601) */
  stamp: string;
  start: string;
  end: string;
  summary: string;
  location?: string | null;
  description?: string | null;
  url?: string | null;
}

export interface Calendar {
  /** e.g. `-//Coopnet//Assemblies//EN` */
  prodId: string;
  /** shown by most programs as the calendar's name */
  name?: string;
  events: CalendarEvent[];
}

const CRLF = '\r\n';
const MAX_OCTETS = 75;

/**
 * TEXT values: backslash, semicolon and comma are escaped; any line break
 * (Unicode's too) becomes \n; other control characters, which TEXT may not
 * hold (§3.3.11), are dropped. So a value never starts a line of its own.
 */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n|\u0085|\u2028|\u2029/g, '\\n')
    .replace(CONTROLS, '');
}

const CONTROLS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

/** ISO-8601 → the UTC form 20250301T180000Z (DATE-TIME, form #2 of RFC 5545 §3.3.5). */
export function utcDateTime(iso: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new RangeError(`not a time: ${iso}`);
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z').replace(/[-:]/g, '');
}

/** Octets of one code point in UTF-8 (no Buffer: the domain also runs in browsers). */
function utf8Octets(ch: string): number {
  const cp = ch.codePointAt(0)!;
  return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
}

/**
 * Folds a content line so no physical line exceeds 75 octets (§3.1): each
 * continuation starts with one space, which counts toward its 75. Splits
 * between characters, never inside a UTF-8 sequence.
 */
export function foldLine(line: string): string {
  const out: string[] = [];
  let current = '';
  let octets = 0;
  let limit = MAX_OCTETS;
  for (const ch of line) {
    const size = utf8Octets(ch);
    if (octets + size > limit) {
      out.push(current);
      current = ' ';
      octets = 1;
      limit = MAX_OCTETS;
    }
    current += ch;
    octets += size;
  }
  out.push(current);
  return out.join(CRLF);
}

function eventLines(e: CalendarEvent): string[] {
  const lines = [
    'BEGIN:VEVENT',
    `UID:${escapeText(e.uid)}`,
    `DTSTAMP:${utcDateTime(e.stamp)}`,
    `DTSTART:${utcDateTime(e.start)}`,
    `DTEND:${utcDateTime(e.end)}`,
    `SUMMARY:${escapeText(e.summary)}`,
  ];
  if (e.location) lines.push(`LOCATION:${escapeText(e.location)}`);
  if (e.description) lines.push(`DESCRIPTION:${escapeText(e.description)}`);
  // URL is a URI value, not TEXT: it is not escaped, only kept to one line.
  if (e.url) lines.push(`URL:${e.url.replace(/[\r\n]/g, '').replace(CONTROLS, '')}`);
  lines.push('END:VEVENT');
  return lines;
}

export function icalendar(cal: Calendar): string {
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', `PRODID:${cal.prodId}`, 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH'];
  if (cal.name) lines.push(`X-WR-CALNAME:${escapeText(cal.name)}`);
  for (const e of cal.events) lines.push(...eventLines(e));
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join(CRLF) + CRLF;
}
