import { describe, expect, it } from 'vitest';
import { arrearsThreshold, fastTrackStage, isOverdue, lateSince } from './clock.ts';
import { arrears, instalments } from './loans.ts';

describe('the fund clock’s rules', () => {
  const due = '2026-03-10T12:00:00.000Z';

  it('reminds 12 hours before a fast-track deadline and calls it overdue once it has passed', () => {
    expect(fastTrackStage(due, '2026-03-09T23:59:59.000Z')).toBe('waiting');
    expect(fastTrackStage(due, '2026-03-10T00:00:00.000Z')).toBe('due_soon');
    expect(fastTrackStage(due, '2026-03-10T11:59:59.000Z')).toBe('due_soon');
    expect(fastTrackStage(due, due)).toBe('overdue');
  });

  it('calls only an open application overdue', () => {
    const later = '2026-03-11T00:00:00.000Z';
    expect(isOverdue({ status: 'open', dueAt: due }, later)).toBe(true);
    expect(isOverdue({ status: 'approved', dueAt: due }, later)).toBe(false);
    expect(isOverdue({ status: 'open', dueAt: null }, later)).toBe(false);
    expect(isOverdue({ status: 'open', dueAt: due }, '2026-03-10T11:00:00.000Z')).toBe(false);
  });

  it('alerts past 30, 60 and 90 days late, not before', () => {
    expect(arrearsThreshold('current')).toBeNull();
    expect(arrearsThreshold('up_to_30')).toBeNull();
    expect(arrearsThreshold('up_to_60')).toBe(30);
    expect(arrearsThreshold('up_to_90')).toBe(60);
    expect(arrearsThreshold('over_90')).toBe(90);
  });

  it('dates a stretch of lateness from the first unpaid instalment', () => {
    const schedule = instalments(
      { principalCents: 120_000, rateBasisPoints: 0, termMonths: 12, graceMonths: 0, schedule: 'fixed' },
      '2026-01-15',
    );
    const late = arrears(schedule, 0, '2026-03-20');
    expect(lateSince('2026-03-20', late.daysLate)).toBe(schedule[0]!.due);
    expect(arrearsThreshold(late.bucket)).toBe(30);
    // Caught up on the first two, behind on the third: a new stretch, from the third's day.
    const again = arrears(schedule, schedule[0]!.principalCents + schedule[1]!.principalCents, '2026-05-20');
    expect(lateSince('2026-05-20', again.daysLate)).toBe(schedule[2]!.due);
  });
});
