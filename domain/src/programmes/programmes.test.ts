import { describe, expect, it } from 'vitest';
import { calendar, escapeText, fold, icalTime, placesLeft, shiftProblem } from './index.ts';

describe('a volunteer shift', () => {
  it('ends after it starts, lasts a day at most, and has places', () => {
    expect(shiftProblem('2026-12-07T09:00:00Z', '2026-12-07T12:00:00Z', 4)).toBeNull();
    expect(shiftProblem('2026-12-07T09:00:00Z', '2026-12-07T09:00:00Z', 4)).toBe('ends_before_start');
    expect(shiftProblem('2026-12-07T09:00:00Z', '2026-12-08T10:00:00Z', 4)).toBe('too_long');
    expect(shiftProblem('2026-12-07T09:00:00Z', '2026-12-07T10:00:00Z', 0)).toBe('places');
    expect(placesLeft(3, 5)).toBe(0);
  });
});

describe('the iCalendar feed', () => {
  it('escapes text and folds long lines at 75 octets', () => {
    expect(escapeText('a;b,c\\d\ne\u0007')).toBe('a\\;b\\,c\\\\d\\ne');
    const folded = fold(`SUMMARY:${'ñ'.repeat(60)}`);
    for (const l of folded.split('\r\n')) expect(Buffer.byteLength(l)).toBeLessThanOrEqual(75);
    expect(folded.split('\r\n ').join('')).toBe(`SUMMARY:${'ñ'.repeat(60)}`);
    expect(icalTime('2026-12-07T09:30:00.000Z')).toBe('20261207T093000Z');
  });

  it('has one event per shift, with CRLF line ends', () => {
    const ics = calendar(
      [
        {
          id: 's1',
          title: 'Sorting',
          programme: 'Food bank',
          startsAt: '2026-12-07T09:00:00Z',
          endsAt: '2026-12-07T12:00:00Z',
        },
      ],
      { name: 'My shifts', host: 'coopnet.example', stamp: '2026-12-06T00:00:00Z' },
    );
    expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(1);
    expect(ics).toContain('DTSTART:20261207T090000Z\r\n');
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
  });
});
