import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fundRuleProblems, DEFAULT_FUND_RULES } from './applications.ts';
import { DEFAULT_CONTRIBUTION_RULES, reminderStage, surplusDueDate, surplusShare } from './contributions.ts';

describe('the yearly share of surplus', () => {
  it('is the share of the surplus in whole cents, half a cent rounded up', () => {
    expect(surplusShare(1_000_000, 300)).toBe(30_000);
    expect(surplusShare(1_234_567, 300)).toBe(37_037); // 37,037.01
    expect(surplusShare(50, 300)).toBe(2); // 1.5 → 2
    expect(surplusShare(49, 300)).toBe(1); // 1.47 → 1
    expect(surplusShare(16, 300)).toBe(0); // 0.48 → 0
  });

  it('owes nothing on a loss, on nothing left, or with no share', () => {
    expect(surplusShare(0, 300)).toBe(0);
    expect(surplusShare(-5_000_000, 300)).toBe(0);
    expect(surplusShare(5_000_000, 0)).toBe(0);
  });

  it('is exact for the largest surplus, where floating point would lose cents', () => {
    expect(surplusShare(9_999_999_999_999, 300)).toBe(300_000_000_000);
    expect(surplusShare(9_007_199_254_740, 10_000)).toBe(9_007_199_254_740);
  });

  it('never exceeds the surplus and never goes below the share rounded down', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000_000_000_000 }), fc.integer({ min: 0, max: 10_000 }), (s, bp) => {
        const share = surplusShare(s, bp);
        expect(share).toBeLessThanOrEqual(s);
        expect(BigInt(share) * 10_000n).toBeGreaterThanOrEqual(BigInt(s) * BigInt(bp) - 5_000n);
        expect(BigInt(share) * 10_000n).toBeLessThan(BigInt(s) * BigInt(bp) + 5_000n);
      }),
    );
  });

  it('falls due the given days after the accounts closed', () => {
    expect(surplusDueDate('2025-12-31', 60)).toBe('2026-03-01');
    expect(surplusDueDate('2024-12-31', 60)).toBe('2025-03-01');
    expect(surplusDueDate('2024-06-30', 0)).toBe('2024-06-30');
  });

  it('is Italy’s 3 % within 60 days by default, and a share beyond 100 % is a problem in the bylaws', () => {
    expect(DEFAULT_CONTRIBUTION_RULES.surplus).toEqual({ shareBasisPoints: 300, dueDays: 60 });
    const bad = {
      ...DEFAULT_FUND_RULES,
      contributions: { ...DEFAULT_CONTRIBUTION_RULES, surplus: { shareBasisPoints: 10_001, dueDays: 60 } },
    };
    expect(fundRuleProblems(bad).map((p) => p.path)).toEqual(['fund.contributions.surplus.shareBasisPoints']);
    expect(fundRuleProblems({ ...DEFAULT_FUND_RULES, contributions: DEFAULT_CONTRIBUTION_RULES })).toEqual([]);
  });
});

describe('reminders of what is overdue', () => {
  it('the first the day after the due day, the second 30 days later', () => {
    expect(reminderStage('2026-03-01', '2026-03-01')).toBe(0);
    expect(reminderStage('2026-03-01', '2026-03-02')).toBe(1);
    expect(reminderStage('2026-03-01', '2026-03-31')).toBe(1);
    expect(reminderStage('2026-03-01', '2026-04-01')).toBe(2);
    expect(reminderStage('2026-03-01', '2027-01-01')).toBe(2);
    expect(reminderStage('2026-03-01', '2025-01-01')).toBe(0);
  });
});
