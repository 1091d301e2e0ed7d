import { describe, expect, it } from 'vitest';
import { centsToDecimal, parseDecimalCents } from './decimal.ts';

describe('typed decimal amounts to cents', () => {
  it('reads the digits exactly, with a point or a comma', () => {
    for (const [typed, cents] of [
      ['45.5', 4550], ['45,50', 4550], [' 7 ', 700], ['0.1', 10], ['.5', 50], ['1.', 100],
      ['0.29', 29], ['19.99', 1999], ['1000000', 100_000_000], ['0', 0], ['', null],
    ] as const) {
      expect(parseDecimalCents(typed), typed).toEqual({ ok: true, cents });
    }
  });
  it('refuses what it would have to guess, saying why', () => {
    for (const [typed, problem] of [
      ['-5', 'negative'], ['4.555', 'decimals'], ['1000000.01', 'too_large'], ['99999999999999999999', 'too_large'],
      ['+5', 'format'], ['1,000.50', 'format'], ['1.000,50', 'format'], ['1 000', 'format'], ['abc', 'format'],
      ['.', 'format'], [',', 'format'], ['5e3', 'format'], ['0x10', 'format'],
    ] as const) {
      expect(parseDecimalCents(typed), typed).toEqual({ ok: false, problem });
    }
    expect(parseDecimalCents('50.01', 5000)).toEqual({ ok: false, problem: 'too_large' });
  });
  it('writes cents back as an input shows them, and round-trips', () => {
    expect([4550, 5, 705, 0, -5, -137500, 123_456_789].map(centsToDecimal)).toEqual(['45.50', '0.05', '7.05', '0.00', '-0.05', '-1375.00', '1234567.89']);
    expect(centsToDecimal(null)).toBe('');
    for (const text of ['0.01', '12.34', '999999.99']) {
      const parsed = parseDecimalCents(text);
      expect(parsed.ok && centsToDecimal(parsed.cents)).toBe(text);
    }
  });
});
