import { describe, expect, it } from 'vitest';
import { escapeText, foldLine, icalendar, utcDateTime } from './icalendar.ts';

const octets = (s: string) => new TextEncoder().encode(s).length;
/** Undo folding (§3.1): a CRLF followed by one space or tab joins the lines. */
const unfold = (s: string) => s.replace(/\r\n[ \t]/g, '');

describe('iCalendar', () => {
  it('escapes backslash, semicolon, comma and every kind of line break in text', () => {
    expect(escapeText('a\\b;c,d')).toBe('a\\\\b\\;c\\,d');
    expect(escapeText('one\ntwo\r\nthree\rfour')).toBe('one\\ntwo\\nthree\\nfour');
    expect(escapeText('\\n')).toBe('\\\\n'); // a literal backslash-n stays two characters
  });

  it('keeps hostile text inside its own property: no new line, property or event comes out of a value', () => {
    const hostile = 'Assembly\r\nEND:VEVENT\r\nBEGIN:VEVENT\nATTENDEE:mailto:x@evil.example\rURL:https://evil.example\u2028X-A:1\u2029X-B:2\u0085X-C:3';
    const text = icalendar({
      prodId: '-//X//Y//EN',
      name: hostile,
      events: [{ uid: 'a@x', stamp: '2025-01-01T00:00:00Z', start: '2025-03-01T18:00:00Z', end: '2025-03-01T20:00:00Z', summary: hostile, location: hostile, description: hostile, url: `https://x.test/\r\nATTENDEE:y` }],
    });
    const lines = unfold(text).split('\r\n').slice(0, -1);
    const names = lines.map((l) => l.split(/[:;]/)[0]);
    expect(names).toEqual(['BEGIN', 'VERSION', 'PRODID', 'CALSCALE', 'METHOD', 'X-WR-CALNAME', 'BEGIN', 'UID', 'DTSTAMP', 'DTSTART', 'DTEND', 'SUMMARY', 'LOCATION', 'DESCRIPTION', 'URL', 'END', 'END']);
    expect(lines).toContain('SUMMARY:Assembly\\nEND:VEVENT\\nBEGIN:VEVENT\\nATTENDEE:mailto:x@evil.example\\nURL:https://evil.example\\nX-A:1\\nX-B:2\\nX-C:3');
  });

  it('drops control characters, which TEXT may not hold', () => {
    expect(escapeText('a\u0000b\u0007c\u000Bd\u000Ce\u001Bf\u007Fg\th')).toBe('abcdefg\th');
  });

  it('writes times in UTC with a Z, whatever offset the input had', () => {
    expect(utcDateTime('2025-03-01T18:00:00.000Z')).toBe('20250301T180000Z');
    expect(utcDateTime('2025-03-01T19:30:15+01:00')).toBe('20250301T183015Z');
    expect(() => utcDateTime('soon')).toThrow(RangeError);
  });

  it('folds at 75 octets, continuation lines starting with a space, never splitting a character', () => {
    const ascii = `SUMMARY:${'x'.repeat(200)}`;
    const folded = foldLine(ascii);
    for (const line of folded.split('\r\n')) expect(octets(line)).toBeLessThanOrEqual(75);
    expect(folded.split('\r\n')[0]).toHaveLength(75);
    expect(unfold(folded)).toBe(ascii);

    const wide = `LOCATION:${'ñ€😀'.repeat(40)}`;
    const lines = foldLine(wide).split('\r\n');
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) {
      expect(octets(line)).toBeLessThanOrEqual(75);
      expect(line).not.toContain('\uFFFD');
    }
    expect(lines.slice(1).every((l) => l.startsWith(' '))).toBe(true);
    expect(unfold(lines.join('\r\n'))).toBe(wide);
    expect(foldLine('SHORT:1')).toBe('SHORT:1');
  });

  it('builds one calendar with one event per meeting, CRLF line ends', () => {
    const text = icalendar({
      prodId: '-//Coopnet//Assemblies//EN',
      name: 'Assemblies, Valencia',
      events: [
        { uid: 'a@coopnet.test', stamp: '2025-01-01T00:00:00Z', start: '2025-03-01T18:00:00Z', end: '2025-03-01T20:00:00Z', summary: 'Spring assembly; all welcome', location: 'Casal, Carrer Major 3', description: 'Agenda:\n1. Admission', url: 'https://coopnet.test/a?x=1,2' },
        { uid: 'b@coopnet.test', stamp: '2025-01-01T00:00:00Z', start: '2025-06-01T18:00:00Z', end: '2025-06-01T20:00:00Z', summary: 'Summer' },
      ],
    });
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const lines = unfold(text).split('\r\n').slice(0, -1);
    expect(lines[0]).toBe('BEGIN:VCALENDAR');
    expect(lines.at(-1)).toBe('END:VCALENDAR');
    expect(lines).toContain('VERSION:2.0');
    expect(lines).toContain('PRODID:-//Coopnet//Assemblies//EN');
    expect(lines).toContain('X-WR-CALNAME:Assemblies\\, Valencia');
    expect(lines.filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(2);
    expect(lines.filter((l) => l === 'END:VEVENT')).toHaveLength(2);
    expect(lines).toContain('DTSTART:20250301T180000Z');
    expect(lines).toContain('DTEND:20250301T200000Z');
    expect(lines).toContain('SUMMARY:Spring assembly\\; all welcome');
    expect(lines).toContain('LOCATION:Casal\\, Carrer Major 3');
    expect(lines).toContain('DESCRIPTION:Agenda:\\n1. Admission');
    expect(lines).toContain('URL:https://coopnet.test/a?x=1,2');
    // the second event has no optional properties
    const second = lines.slice(lines.lastIndexOf('BEGIN:VEVENT'));
    expect(second.some((l) => l.startsWith('LOCATION'))).toBe(false);
  });

  it('is a valid empty calendar when there are no meetings', () => {
    const text = icalendar({ prodId: '-//X//Y//EN', events: [] });
    expect(text).toBe('BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//X//Y//EN\r\nCALSCALE:GREGORIAN\r\nMETHOD:PUBLISH\r\nEND:VCALENDAR\r\n');
  });
});
