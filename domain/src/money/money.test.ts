import { describe, expect, it } from 'vitest';
import { addCents, assertCents, formatCents, isCents } from './money.ts';

describe('money', () => {
  it('accepts whole cents and refuses fractions, NaN, strings and unsafe numbers', () => {
    expect(isCents(4500)).toBe(true);
    expect(isCents(-1)).toBe(true);
    expect(isCents(45.5)).toBe(false);
    expect(isCents(Number.NaN)).toBe(false);
    expect(isCents('4500')).toBe(false);
    expect(isCents(2 ** 53)).toBe(false);
    expect(() => assertCents(0.1)).toThrow(RangeError);
  });

  it('adds without losing precision', () => {
    expect(addCents(1, 2, 3)).toBe(6);
    expect(() => addCents(Number.MAX_SAFE_INTEGER, 1)).toThrow(RangeError);
  });

  it('formats in the network locale', () => {
    expect(formatCents(4500, 'EUR', 'en')).toBe('€45.00');
    expect(formatCents(4500, 'EUR', 'es').replace(/\s/g, ' ')).toBe('45,00 €');
  });
});
