import { describe, expect, it } from 'vitest';
import { dateText, dateTimeRangeText, dateTimeText, dayText } from './dates.ts';

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
