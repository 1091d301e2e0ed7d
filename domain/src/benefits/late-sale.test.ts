import { describe, expect, it } from 'vitest';
import { accountingMonth, nextMonth, offlineSaleTiming } from './index.ts';

const DAY = 86_400_000;
const now = Date.parse('2026-05-02T10:00:00Z');

describe('offlineSaleTiming', () => {
  const timing = (at: number, offerCreatedAt = now - 60 * DAY, windowDays = 3) => offlineSaleTiming({ at, now, offerCreatedAt, windowDays });
  it('records a sale within the window as usual, and allows a till clock a few minutes fast', () => {
    expect(timing(now - 2 * DAY)).toEqual({ ok: true, late: false });
    expect(timing(now + 4 * 60_000)).toEqual({ ok: true, late: false });
  });
  it('refuses a sale in the future beyond the clock skew, and one made before its offer existed', () => {
    expect(timing(now + 6 * 60_000)).toEqual({ ok: false, reason: 'redeemed_in_future' });
    expect(timing(Number.NaN)).toEqual({ ok: false, reason: 'redeemed_in_future' });
    expect(timing(now - 20 * DAY, now - 60_000)).toEqual({ ok: false, reason: 'before_offer' });
  });
  it('holds a sale older than the window, and refuses one older than 30 days', () => {
    expect(timing(now - 4 * DAY)).toEqual({ ok: true, late: true });
    expect(timing(now - 4 * DAY, now - 60 * DAY, 14)).toEqual({ ok: true, late: false });
    expect(timing(now - 31 * DAY)).toEqual({ ok: false, reason: 'too_old' });
  });
});

describe('accountingMonth', () => {
  it('counts a sale in its own month unless that month is settled, then in the next open one', () => {
    expect(nextMonth('2026-12')).toBe('2027-01');
    expect(nextMonth('2026-04')).toBe('2026-05');
    expect(accountingMonth('2026-04', new Set())).toBe('2026-04');
    expect(accountingMonth('2026-04', new Set(['2026-04']))).toBe('2026-05');
    expect(accountingMonth('2026-03', new Set(['2026-03', '2026-04']))).toBe('2026-05');
    expect(accountingMonth('2026-03', new Set(['2026-04']))).toBe('2026-03');
  });
});
