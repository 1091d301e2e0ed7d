import { describe, expect, it } from 'vitest';
import { instantOfWallClock, wallClockValue } from './calendar.ts';

describe('times on the network’s wall clock', () => {
  it('reads a time picked in Madrid as that hour in Madrid, winter and summer', () => {
    expect(instantOfWallClock('2026-01-15T18:00', 'Europe/Madrid')!.toISOString()).toBe('2026-01-15T17:00:00.000Z');
    expect(instantOfWallClock('2026-07-15T18:00:30', 'Europe/Madrid')!.toISOString()).toBe('2026-07-15T16:00:30.000Z');
    expect(instantOfWallClock('2026-07-15T18:00', 'UTC')!.toISOString()).toBe('2026-07-15T18:00:00.000Z');
  });

  it('shows an instant as the zone’s wall clock, and reads it back to the same instant', () => {
    const at = new Date('2026-03-29T00:59:59.000Z');
    expect(wallClockValue(at, 'Europe/Madrid')).toBe('2026-03-29T01:59:59');
    expect(wallClockValue(new Date('2026-03-29T01:00:00.000Z'), 'Europe/Madrid')).toBe('2026-03-29T03:00:00');
    for (const iso of ['2026-03-29T00:30:00.000Z', '2026-10-25T00:30:00.000Z', '2026-12-31T23:00:00.000Z']) {
      expect(instantOfWallClock(wallClockValue(new Date(iso), 'Europe/Madrid'), 'Europe/Madrid')!.toISOString()).toBe(iso);
    }
  });

  it('reads an hour lived twice as its first, and an hour skipped with the offset before the change', () => {
    expect(instantOfWallClock('2026-10-25T02:30', 'Europe/Madrid')!.toISOString()).toBe('2026-10-25T00:30:00.000Z');
    expect(instantOfWallClock('2026-03-29T02:30', 'Europe/Madrid')!.toISOString()).toBe('2026-03-29T01:30:00.000Z');
  });

  it('is no time when the text is not one', () => {
    for (const bad of ['', 'tomorrow', '2026-02-30T10:00', '2026-13-01T10:00', '2026-01-01T24:00', '2026-01-01 10:00']) {
      expect(instantOfWallClock(bad, 'Europe/Madrid'), bad).toBeNull();
    }
  });
});
