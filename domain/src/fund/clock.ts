/**
 * What the fund's clock does when, pure. A fast-track application not yet
 * decided is reminded to the committee 12 hours before its deadline and is
 * overdue once the deadline has passed. A loan that falls behind by more than
 * 30, 60 or 90 days (entering the arrears buckets after the first) calls the
 * committee to offer help, once per threshold per stretch of lateness: a
 * stretch starts on the day the first unpaid instalment fell due, so a loan
 * that catches up and falls behind again starts a new one.
 */
import type { ArrearsBucket } from './loans.ts';

/** How long before a fast-track deadline the committee is reminded. */
export const FAST_TRACK_REMINDER_HOURS = 12;

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

export type FastTrackStage = 'waiting' | 'due_soon' | 'overdue';

/** Where an open fast-track application stands at `now` (ISO instants). */
export function fastTrackStage(dueAt: string, now: string): FastTrackStage {
  const left = Date.parse(dueAt) - Date.parse(now);
  if (left <= 0) return 'overdue';
  return left <= FAST_TRACK_REMINDER_HOURS * HOUR_MS ? 'due_soon' : 'waiting';
}

/** Whether an application is overdue: open, on the fast track, and past its deadline. */
export function isOverdue(a: { status: string; dueAt: string | null }, now: string): boolean {
  return a.status === 'open' && a.dueAt !== null && fastTrackStage(a.dueAt, now) === 'overdue';
}

export type ArrearsThreshold = 30 | 60 | 90;

/** The highest threshold a loan has passed: more than 30, 60 or 90 days late; null before. */
export function arrearsThreshold(bucket: ArrearsBucket): ArrearsThreshold | null {
  return bucket === 'up_to_60' ? 30 : bucket === 'up_to_90' ? 60 : bucket === 'over_90' ? 90 : null;
}

/** The day the loan fell behind (its first unpaid instalment's due day), from today and the days late. */
export function lateSince(today: string, daysLate: number): string {
  return new Date(Date.parse(`${today}T00:00:00Z`) - daysLate * DAY_MS).toISOString().slice(0, 10);
}
