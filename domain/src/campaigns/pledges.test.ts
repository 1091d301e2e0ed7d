import { describe, expect, it } from 'vitest';
import { checkPledgeAmount, hasLapsed } from './pledges.ts';

describe('a pledge’s amount', () => {
  const free = { suggested: [1000, 2500], free: true, minimumCents: 500 };
  const fixed = { suggested: [1000, 2500], free: false, minimumCents: 0 };
  it('takes a suggested amount, or a free one at or above the minimum', () => {
    expect(checkPledgeAmount(free, 1000)).toBeNull();
    expect(checkPledgeAmount(free, 700)).toBeNull();
    expect(checkPledgeAmount(free, 499)).toBe('below_minimum');
  });
  it('takes only the tiers when no free amount is offered', () => {
    expect(checkPledgeAmount(fixed, 2500)).toBeNull();
    expect(checkPledgeAmount(fixed, 700)).toBe('not_a_tier');
  });
  it('refuses what is not whole cents, nothing, or too much', () => {
    expect(checkPledgeAmount(free, 10.5)).toBe('not_cents');
    expect(checkPledgeAmount(free, 0)).toBe('not_cents');
    expect(checkPledgeAmount(free, 1e12)).toBe('too_large');
  });
});

describe('a pledge never paid', () => {
  it('lapses thirty days after it was made', () => {
    expect(hasLapsed('2026-01-01', '2026-01-30')).toBe(false);
    expect(hasLapsed('2026-01-01', '2026-01-31')).toBe(true);
  });
});
