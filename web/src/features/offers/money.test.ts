import { describe, expect, it } from 'vitest';
import { centsToInput, formatMoney, parseCount, parseMoney } from './money.ts';

describe('typed money to cents', () => {
  it('reads decimal euros exactly', () => {
    expect(parseMoney('45.5')).toEqual({ ok: true, cents: 4550 });
    expect(parseMoney('45,50')).toEqual({ ok: true, cents: 4550 });
    expect(parseMoney(' 7 ')).toEqual({ ok: true, cents: 700 });
    expect(parseMoney('0.1')).toEqual({ ok: true, cents: 10 });
    expect(parseMoney('.5')).toEqual({ ok: true, cents: 50 });
    expect(parseMoney('1.')).toEqual({ ok: true, cents: 100 });
    expect(parseMoney('19.99')).toEqual({ ok: true, cents: 1999 });
    expect(parseMoney('1000000')).toEqual({ ok: true, cents: 100_000_000 });
    expect(parseMoney('')).toEqual({ ok: true, cents: null });
  });

  it('refuses more than two decimals, signs, separators and words', () => {
    expect(parseMoney('4.555')).toEqual({ ok: false, reason: 'decimals' });
    for (const bad of ['-5', '+5', '1,000.50', '1 000', 'abc', '.', '5e3', '0x10']) {
      expect(parseMoney(bad), bad).toEqual({ ok: false, reason: 'format' });
    }
  });

  it('refuses amounts above the API limit', () => {
    expect(parseMoney('1000000.01')).toEqual({ ok: false, reason: 'too_large' });
    expect(parseMoney('99999999999999999999')).toEqual({ ok: false, reason: 'too_large' });
  });

  it('writes cents back as the input shows them', () => {
    expect(centsToInput(4550)).toBe('45.50');
    expect(centsToInput(5)).toBe('0.05');
    expect(centsToInput(null)).toBe('');
    for (const text of ['0.01', '12.34', '999999.99']) expect(centsToInput((parseMoney(text) as { cents: number }).cents)).toBe(text);
  });

  it('formats in the reader language', () => {
    expect(formatMoney(150, 'EUR', 'en')).toBe('€1.50');
    expect(formatMoney(150, 'EUR', 'es')).toMatch(/^1,50\s€$/);
  });

  it('reads whole counts only', () => {
    expect(parseCount('3')).toEqual({ ok: true, value: 3 });
    expect(parseCount('')).toEqual({ ok: true, value: null });
    expect(parseCount('3.5')).toEqual({ ok: false });
    expect(parseCount('-1')).toEqual({ ok: false });
  });
});
