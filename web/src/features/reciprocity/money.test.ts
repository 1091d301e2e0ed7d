import { describe, expect, it } from 'vitest';
import { centsToInput, formatMoney, monthName, parseAmount } from './money.ts';

describe('reciprocity amounts', () => {
  it('reads a threshold as whole cents, refusing what it would have to guess', () => {
    expect(['50', '12.5', '12,50', '0', ' 7.05 '].map(parseAmount)).toEqual([5000, 1250, 1250, 0, 705]);
    expect(['', '-1', '1.234', 'abc', '1e3', '1,000.00'].map(parseAmount)).toEqual([null, null, null, null, null, null]);
  });
  it('writes cents back for the input, and in the currency for reading', () => {
    expect(centsToInput(5000)).toBe('50.00');
    expect(centsToInput(705)).toBe('7.05');
    expect(centsToInput(null)).toBe('');
    expect(formatMoney(-137500, 'EUR', 'en-GB')).toBe('-€1,375.00');
    expect(formatMoney(4550, 'EUR', 'es')).toMatch(/^45,50\s€$/);
  });
  it('names a month in the reader’s language', () => {
    expect(monthName('2026-03', 'en')).toBe('March 2026');
    expect(monthName('2026-03', 'es')).toBe('marzo de 2026');
  });
});
