/**
 * Loans without banks: simple interest (zero by default, never compounding)
 * on the principal still owed, repayments that pay the interest first and
 * then the principal, a schedule — equal monthly instalments after a grace
 * period, or nothing due on a date (a share of revenue, or nothing until the
 * co-op covers its costs and wages) — and arrears in buckets that call the
 * committee to help, never penalties. Pure: days are YYYY-MM-DD.
 */

export const LOAN_SCHEDULES = ['fixed', 'revenue_share', 'when_viable'] as const;
export type LoanSchedule = (typeof LOAN_SCHEDULES)[number];

export interface LoanTerms {
  principalCents: number;
  /** yearly simple interest in hundredths of a percent: 150 = 1.5 %; 0 by default */
  rateBasisPoints: number;
  termMonths: number;
  graceMonths: number;
  schedule: LoanSchedule;
}

const DAY_MS = 86_400_000;
const dayNumber = (day: string) => Date.parse(`${day}T00:00:00Z`) / DAY_MS;

/** The day `months` months after `day`, kept within the month (31 January + 1 month = 28 or 29 February). */
export function addMonths(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const last = new Date(Date.UTC(y, m - 1 + months + 1, 0)).getUTCDate();
  return new Date(Date.UTC(y, m - 1 + months, Math.min(d, last))).toISOString().slice(0, 10);
}

export interface Instalment {
  due: string;
  principalCents: number;
}

/**
 * The principal due and when: for a fixed schedule, `termMonths` equal
 * monthly instalments (the cents that do not divide evenly in the last one),
 * the first a month after the grace period; other schedules set no dates.
 */
export function instalments(terms: LoanTerms, disbursedOn: string): Instalment[] {
  if (terms.schedule !== 'fixed' || terms.termMonths < 1) return [];
  const each = Math.floor(terms.principalCents / terms.termMonths);
  return Array.from({ length: terms.termMonths }, (_, i) => ({
    due: addMonths(disbursedOn, terms.graceMonths + i + 1),
    principalCents: i === terms.termMonths - 1 ? terms.principalCents - each * (terms.termMonths - 1) : each,
  }));
}

/** Simple interest on `principalCents` from one day to another, rounded down to the cent; never on interest. */
export function interestBetween(principalCents: number, rateBasisPoints: number, from: string, to: string): number {
  const days = Math.max(0, dayNumber(to) - dayNumber(from));
  return Math.floor((principalCents * rateBasisPoints * days) / (10_000 * 365));
}

/** A repayment split: the interest owed first, then the principal. */
export function allocate(paymentCents: number, interestDueCents: number): { interestCents: number; principalCents: number } {
  const interestCents = Math.min(paymentCents, interestDueCents);
  return { interestCents, principalCents: paymentCents - interestCents };
}

export type ArrearsBucket = 'current' | 'up_to_30' | 'up_to_60' | 'up_to_90' | 'over_90';

/**
 * How late a loan is: the days since the first instalment not yet covered by
 * the principal repaid, in buckets of 30 days (the committee offers help from
 * the first; nothing is ever charged for it).
 */
export function arrears(schedule: readonly Instalment[], principalRepaidCents: number, today: string): { bucket: ArrearsBucket; daysLate: number; lateCents: number } {
  let covered = principalRepaidCents;
  let lateCents = 0;
  let firstLate: string | null = null;
  for (const i of schedule) {
    if (i.due > today) break;
    const paid = Math.min(covered, i.principalCents);
    covered -= paid;
    if (paid < i.principalCents) {
      lateCents += i.principalCents - paid;
      firstLate ??= i.due;
    }
  }
  const daysLate = firstLate ? dayNumber(today) - dayNumber(firstLate) : 0;
  const bucket: ArrearsBucket = daysLate <= 0 ? 'current' : daysLate <= 30 ? 'up_to_30' : daysLate <= 60 ? 'up_to_60' : daysLate <= 90 ? 'up_to_90' : 'over_90';
  return { bucket, daysLate: Math.max(0, daysLate), lateCents };
}
