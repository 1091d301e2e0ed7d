import { describe, expect, it } from 'vitest';
import { dateText, dateTimeRangeText, dateTimeText, dayText, lastMonths } from './dates.ts';

describe('dates as people read them', () => {
  it('writes one format per language, in the network’s time zone', () => {
    const at = new Date('2026-12-15T17:00:00Z');
    expect(dateTimeText(at, 'es', 'Europe/Madrid')).toBe('15 dic 2026, 18:00');
    expect(dateTimeText(at, 'en', 'Europe/Madrid')).toBe('Dec 15, 2026, 6:00 PM');
    expect(dateText(new Date('2026-12-31T23:30:00Z'), 'es', 'Europe/Madrid')).toBe('1 ene 2027');
    expect(dayText('2027-12-04', 'es')).toBe('4 dic 2027');
    expect(dayText('2027-12-04', 'en')).toBe('Dec 4, 2027');
    expect(dateTimeRangeText(at, new Date('2026-12-15T19:30:00Z'), 'es', 'Europe/Madrid')).toMatch(/^15 dic 2026, 18:00\s*–\s*20:30$/);
  });

  it('falls back to the device’s zone rather than failing on an unknown one', () => {
    expect(dateText(new Date('2026-06-01T12:00:00Z'), 'es', 'Nowhere/Atlantis')).toMatch(/2026/);
  });
});

describe('the last months', () => {
  it('counts back across a year’s end, oldest first, the month itself last', () => {
    expect(lastMonths('2026-02', 4)).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(lastMonths('2026-12', 1)).toEqual(['2026-12']);
    expect(lastMonths('2026-03', 12)).toHaveLength(12);
    expect(lastMonths('2026-03', 12)[0]).toBe('2025-04');
  });
});
