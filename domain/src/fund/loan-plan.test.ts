import { describe, expect, it } from 'vitest';
import {
  type LoanChange,
  type PlanInput,
  changeRefusal,
  interestOutsideFreezes,
  loanPlan,
  planArrears,
  revenueDueOn,
  revenueShare,
} from './loan-plan.ts';

const base: PlanInput = {
  principalCents: 1_200_000,
  termMonths: 3,
  graceMonths: 0,
  schedule: 'fixed',
  shareBasisPoints: null,
  disbursedOn: '2026-01-10',
  changes: [],
  revenues: [],
  repayments: [],
  writtenOffCents: 0,
  today: '2026-06-20',
};
const dues = (p: PlanInput) => loanPlan(p).dues.map((d) => [d.due, d.principalCents, d.frozen]);

describe('a share of monthly revenue', () => {
  it('rounds the share down to the cent and falls due on the 15th of the month after', () => {
    expect(revenueShare(500, 1_234_567)).toBe(61_728);
    expect(revenueShare(500, -100)).toBe(0);
    expect(revenueDueOn('2026-12')).toBe('2027-01-15');
  });

  it('owes the share of each month declared, never more than is left; a month not declared is shown, not late', () => {
    const p: PlanInput = {
      ...base,
      principalCents: 100_000,
      schedule: 'revenue_share',
      shareBasisPoints: 500,
      revenues: [
        { month: '2026-02', revenueCents: 1_000_000 },
        { month: '2026-04', revenueCents: 3_000_000 },
      ],
    };
    const plan = loanPlan(p);
    expect(plan.revenueMonths.map((m) => [m.month, m.status, m.dueCents])).toEqual([
      ['2026-01', 'not_declared', 0],
      ['2026-02', 'declared', 50_000],
      ['2026-03', 'not_declared', 0],
      ['2026-04', 'declared', 50_000],
    ]);
    expect(dues(p)).toEqual([
      ['2026-03-15', 50_000, false],
      ['2026-05-15', 50_000, false],
    ]);
    // Nothing declared is nothing late; a declared share unpaid is.
    expect(planArrears(loanPlan({ ...p, revenues: [] }), 0, 0, '2026-06-20')).toMatchObject({ bucket: 'current' });
    expect(planArrears(plan, 50_000, 0, '2026-06-20')).toMatchObject({ bucket: 'up_to_60', lateCents: 50_000 });
  });

  it('lists the month just ended as awaiting its declaration until the 15th', () => {
    const plan = loanPlan({ ...base, schedule: 'revenue_share', shareBasisPoints: 500, today: '2026-06-10' });
    expect(plan.revenueMonths.at(-1)).toMatchObject({ month: '2026-05', status: 'awaiting' });
    expect(plan.revenueMonths.at(-2)).toMatchObject({ month: '2026-04', status: 'not_declared' });
  });
});

describe('a loan due when the co-op covers its costs', () => {
  it('owes nothing until then; from the month declared, what is left in equal instalments over the term left', () => {
    const p: PlanInput = { ...base, schedule: 'when_viable', termMonths: 12 };
    expect(dues(p)).toEqual([]);
    // Term ends 2027-01; covering costs from 2026-09 leaves four months.
    const viable = loanPlan({ ...p, changes: [{ kind: 'viable', on: '2026-09-01' }] });
    expect(viable.dues.map((d) => [d.due, d.principalCents])).toEqual([
      ['2026-10-15', 300_000],
      ['2026-11-15', 300_000],
      ['2026-12-15', 300_000],
      ['2027-01-15', 300_000],
    ]);
    // Viable after the term: all of it at once.
    expect(dues({ ...p, changes: [{ kind: 'viable', on: '2027-05-01' }] })).toEqual([['2027-06-15', 1_200_000, false]]);
  });
});

describe('freezes and reschedules', () => {
  it('a freeze that lasts: nothing falls due from its day, no interest runs', () => {
    const p: PlanInput = { ...base, changes: [{ kind: 'freeze', on: '2026-03-01' }] };
    expect(dues(p)).toEqual([
      ['2026-02-10', 400_000, false],
      ['2026-03-10', 400_000, true],
      ['2026-04-10', 400_000, true],
    ]);
    expect(planArrears(loanPlan(p), 400_000, 0, '2026-06-20')).toMatchObject({ bucket: 'current', lateCents: 0 });
    const frozen = loanPlan(p).frozen;
    expect(interestOutsideFreezes(1_000_000, 365, '2026-02-01', '2026-06-01', frozen)).toBe(28 * 100);
  });

  it('an ended freeze moves the rest later by its length in months and stops interest only meanwhile', () => {
    const p: PlanInput = {
      ...base,
      changes: [
        { kind: 'freeze', on: '2026-03-01' },
        { kind: 'unfreeze', on: '2026-04-20' },
      ],
    };
    expect(dues(p)).toEqual([
      ['2026-02-10', 400_000, false],
      ['2026-05-10', 400_000, false],
      ['2026-06-10', 400_000, false],
    ]);
    // 1 Feb – 1 Jun is 120 days; 50 of them frozen.
    expect(interestOutsideFreezes(1_000_000, 365, '2026-02-01', '2026-06-01', loanPlan(p).frozen)).toBe(70 * 100);
  });

  it('a reschedule keeps what was repaid before its day and spreads the rest over the new term, after the new grace', () => {
    const p: PlanInput = {
      ...base,
      repayments: [{ paidOn: '2026-02-10', principalCents: 400_000 }],
      changes: [{ kind: 'reschedule', on: '2026-04-01', termMonths: 4, graceMonths: 2 }],
    };
    expect(dues(p)).toEqual([
      ['2026-02-10', 400_000, false],
      ['2026-07-01', 200_000, false],
      ['2026-08-01', 200_000, false],
      ['2026-09-01', 200_000, false],
      ['2026-10-01', 200_000, false],
    ]);
    // The instalment that was late on 10 March is no longer late.
    expect(planArrears(loanPlan(p), 400_000, 0, '2026-06-20')).toMatchObject({ bucket: 'current' });
    expect(planArrears(loanPlan({ ...p, changes: [] }), 400_000, 0, '2026-06-20')).toMatchObject({ bucket: 'over_90' });
  });

  it('refuses a freeze while frozen, an end with none, and changes dated before the last', () => {
    expect(changeRefusal([], { kind: 'unfreeze', on: '2026-03-01' })).toBe('not_frozen');
    const frozen = [{ kind: 'freeze', on: '2026-03-01' }] as const;
    expect(changeRefusal(frozen, { kind: 'freeze', on: '2026-04-01' })).toBe('already_frozen');
    expect(changeRefusal(frozen, { kind: 'unfreeze', on: '2026-03-01' })).toBe('change_out_of_order');
    expect(changeRefusal(frozen, { kind: 'unfreeze', on: '2026-03-02' })).toBeNull();
    expect(
      changeRefusal([{ kind: 'reschedule', on: '2026-05-01', termMonths: 2, graceMonths: 0 }], {
        kind: 'freeze',
        on: '2026-04-01',
      }),
    ).toBe('change_out_of_order');
    expect(changeRefusal([{ kind: 'viable', on: '2026-05-01' }], { kind: 'viable', on: '2026-06-01' })).toBe(
      'already_viable',
    );
  });

  it('counts what was forgiven as settled', () => {
    expect(planArrears(loanPlan(base), 0, 1_200_000, '2026-06-20')).toMatchObject({ bucket: 'current' });
  });
});

describe('whatever is decided', () => {
  it('never puts more than the principal due, and a fixed loan always all of it', async () => {
    const fc = (await import('fast-check')).default;
    const day = fc
      .integer({ min: 0, max: 900 })
      .map((n) => new Date(Date.UTC(2026, 0, 10) + n * 86_400_000).toISOString().slice(0, 10));
    fc.assert(
      fc.property(
        fc.constantFrom('fixed', 'revenue_share', 'when_viable'),
        fc.integer({ min: 1, max: 5_000_000 }),
        fc.array(
          fc.tuple(fc.constantFrom('freeze', 'unfreeze', 'reschedule', 'viable'), day, fc.integer({ min: 1, max: 24 })),
          {
            maxLength: 6,
          },
        ),
        fc.array(fc.tuple(day, fc.integer({ min: 0, max: 100_000_000 })), { maxLength: 12 }),
        fc.array(fc.tuple(day, fc.integer({ min: 0, max: 1_000_000 })), { maxLength: 5 }),
        (schedule, principal, raw, revenues, repayments) => {
          // Changes as the service admits them: each refused one is left out.
          const changes: LoanChange[] = [];
          for (const [kind, on, n] of raw.sort((a, b) => (a[1] < b[1] ? -1 : 1))) {
            const next: LoanChange =
              kind === 'reschedule' ? { kind, on, termMonths: n, graceMonths: n % 3 } : { kind, on };
            if (!changeRefusal(changes, next)) changes.push(next);
          }
          const plan = loanPlan({
            ...base,
            schedule,
            principalCents: principal,
            shareBasisPoints: 700,
            changes,
            revenues: revenues.map(([d, r]) => ({ month: d.slice(0, 7), revenueCents: r })),
            repayments: repayments.map(([paidOn, c]) => ({ paidOn, principalCents: c })),
            today: '2028-12-31',
          });
          const total = plan.dues.reduce((s, d) => s + d.principalCents, 0);
          expect(total).toBeLessThanOrEqual(principal);
          expect(plan.dues.every((d) => d.principalCents > 0)).toBe(true);
          if (schedule === 'fixed') expect(total).toBe(principal);
        },
      ),
    );
  });
});
