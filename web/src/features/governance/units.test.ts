import { describe, expect, it } from 'vitest';
import { formatVotes } from './units.ts';

describe('votes in units', () => {
  it('keeps every decimal place of the unit and groups the whole part', () => {
    expect(formatVotes(191400000, 100000, 'en')).toBe('1,914.00000');
    expect(formatVotes(6314, 100000, 'en')).toBe('0.06314');
    expect(formatVotes(191400000, 100000, 'es')).toBe('1914,00000');
    expect(formatVotes(1250000000000, 100000, 'es')).toBe('12.500.000,00000');
  });

  it('whole votes stay whole', () => {
    expect(formatVotes(12, 1, 'en')).toBe('12');
    expect(formatVotes(-3, 1, 'en')).toBe('−3');
  });
});
