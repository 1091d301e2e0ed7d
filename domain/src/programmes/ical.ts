/**
 * One person's shifts as an iCalendar feed (RFC 5545): a VEVENT per shift,
 * times in UTC, text escaped (backslash, semicolon, comma, newline) and long
 * lines folded at 75 octets, lines ended with CRLF.
 */
export interface CalendarShift {
  id: string;
  title: string;
  programme: string;
  startsAt: string;
  endsAt: string;
}

/** RFC 5545 §3.3.10 TEXT: escape \ ; , and newlines; drop other control characters. */
export function escapeText(s: string): string {
  return s
    .replace(/[\u0000-\u0009\u000B-\u001F\u007F]/g, '')
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r?\n/g, '\\n');
}

/** 2026-12-06T09:00:00.000Z → 20261206T090000Z */
export const icalTime = (iso: string) =>
  new Date(iso)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');

/** RFC 5545 §3.1: lines longer than 75 octets are folded (CRLF and a space), never inside a character. */
export function fold(line: string): string {
  const out: string[] = [];
  let current = '';
  let octets = 0;
  for (const ch of line) {
    const size = new TextEncoder().encode(ch).length;
    const limit = out.length === 0 ? 75 : 74;
    if (octets + size > limit) {
      out.push(current);
      current = '';
      octets = 0;
    }
    current += ch;
    octets += size;
  }
  out.push(current);
  return out.join('\r\n ');
}

export function calendar(shifts: CalendarShift[], o: { name: string; host: string; stamp: string }): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Coopnet//Programmes//EN',
    'CALSCALE:GREGORIAN',
    `X-WR-CALNAME:${escapeText(o.name)}`,
  ];
  for (const s of shifts) {
    lines.push(
      'BEGIN:VEVENT',
      `UID:${s.id}@${o.host}`,
      `DTSTAMP:${icalTime(o.stamp)}`,
      `DTSTART:${icalTime(s.startsAt)}`,
      `DTEND:${icalTime(s.endsAt)}`,
      `SUMMARY:${escapeText(`${s.title} — ${s.programme}`)}`,
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return lines.map(fold).join('\r\n') + '\r\n';
}
