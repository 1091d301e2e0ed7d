/**
 * A loan's schedule as it stands: its terms, then the changes decided since
 * (freezes and their ends, reschedules, the day a co-op covers its costs),
 * and, for a share of revenue, the revenue the co-op declared month by month.
 * Pure: days are YYYY-MM-DD, months YYYY-MM.
 *
 * - fixed: equal monthly instalments after the grace period.
 * - revenue_share: for each month from the one the grace period ends in (the
 *   payout's month when there is none), the share of the revenue declared for it, due on the 15th of the next month, never more
 *   than what is left; a month not declared after that day is shown as such,
 *   and owes nothing until it is declared.
 * - when_viable: nothing until the co-op declares from which month it covers
 *   its costs and wages; from then what is left falls due in equal monthly
 *   instalments over the term that remains (at least one).
 * - a freeze: nothing falls due and no interest runs from its first day to its
 *   end; what would have fallen due moves later by as many months as it
 *   lasted (while it lasts, it is frozen with no date).
 * - a reschedule from a day: what was due before that day stays as it was
 *   paid; the rest of the principal follows the new grace and term from it.
 */
import { type Instalment, type LoanSchedule, addMonths, arrears } from './loans.ts';

const DAY_MS = 86_400_000;
const dayNumber = (day: string) => Date.parse(`${day}T00:00:00Z`) / DAY_MS;

/** The month after `month` (YYYY-MM), or `n` months after. */
export function nextMonth(month: string, n = 1): string {
  return addMonths(`${month}-01`, n).slice(0, 7);
}

/** The number of months from one month to another (YYYY-MM), negative if before. */
export function monthsBetween(from: string, to: string): number {
  const [fy, fm] = from.split('-').map(Number) as [number, number];
  const [ty, tm] = to.split('-').map(Number) as [number, number];
  return (ty - fy) * 12 + (tm - fm);
}

/** A month's revenue falls due on the 15th of the month after. */
export const revenueDueOn = (month: string): string => `${nextMonth(month)}-15`;

/** The share of a month's revenue owed: basis points (500 = 5 %) of it, rounded down to the cent. */
export function revenueShare(shareBasisPoints: number, revenueCents: number): number {
  return Math.floor((Math.max(0, revenueCents) * shareBasisPoints) / 10_000);
}

export interface FrozenPeriod {
  from: string;
  /** the first day no longer frozen; null while it lasts */
  until: string | null;
}

export type LoanChange =
  | { kind: 'freeze'; on: string }
  | { kind: 'unfreeze'; on: string }
  | { kind: 'reschedule'; on: string; termMonths: number; graceMonths: number }
  | { kind: 'viable'; on: string };

/** The frozen periods the freezes and their ends make, in order. */
export function frozenPeriods(changes: readonly LoanChange[]): FrozenPeriod[] {
  const periods: FrozenPeriod[] = [];
  for (const c of changes) {
    const open = periods.at(-1);
    if (c.kind === 'freeze' && (!open || open.until !== null)) periods.push({ from: c.on, until: null });
    if (c.kind === 'unfreeze' && open && open.until === null) open.until = c.on;
  }
  return periods;
}

/** Why a change cannot be made now, or null: a freeze while frozen, an end with no freeze, a day before another change. */
export function changeRefusal(changes: readonly LoanChange[], next: LoanChange): string | null {
  const periods = frozenPeriods(changes);
  const open = periods.at(-1);
  const frozen = !!open && open.until === null;
  if (next.kind === 'freeze' && frozen) return 'already_frozen';
  if (next.kind === 'unfreeze' && !frozen) return 'not_frozen';
  if (next.kind === 'unfreeze' && open && next.on <= open.from) return 'change_out_of_order';
  if (next.kind === 'viable' && changes.some((c) => c.kind === 'viable')) return 'already_viable';
  const last = changes.filter((c) => c.kind !== 'viable').at(-1);
  if (next.kind !== 'viable' && last && next.on < last.on) return 'change_out_of_order';
  return null;
}

/** Interest-free days: the days from `from` to `to` that no freeze covers. */
export function daysRunning(from: string, to: string, frozen: readonly FrozenPeriod[]): number {
  let days = Math.max(0, dayNumber(to) - dayNumber(from));
  for (const p of frozen) {
    const start = Math.max(dayNumber(from), dayNumber(p.from));
    const end = Math.min(dayNumber(to), p.until ? dayNumber(p.until) : dayNumber(to));
    days -= Math.max(0, end - start);
  }
  return days;
}

/** Simple interest from one day to another, except while frozen; rounded down to the cent. */
export function interestOutsideFreezes(
  principalCents: number,
  rateBasisPoints: number,
  from: string,
  to: string,
  frozen: readonly FrozenPeriod[],
): number {
  return Math.floor((principalCents * rateBasisPoints * daysRunning(from, to, frozen)) / (10_000 * 365));
}

export interface PlanInput {
  principalCents: number;
  termMonths: number;
  graceMonths: number;
  schedule: LoanSchedule;
  /** revenue_share: basis points of each month's revenue */
  shareBasisPoints: number | null;
  disbursedOn: string;
  /** in the order they were recorded */
  changes: readonly LoanChange[];
  /** the revenue standing for each month (the latest declaration) */
  revenues: readonly { month: string; revenueCents: number }[];
  repayments: readonly { paidOn: string; principalCents: number }[];
  /** principal forgiven or written off */
  writtenOffCents: number;
  today: string;
}

export interface Due {
  /** the day it falls due; while a freeze lasts, the day it would have */
  due: string;
  principalCents: number;
  /** the month whose revenue it is a share of */
  month: string | null;
  /** it falls in a freeze that has not ended: not due */
  frozen: boolean;
}

export type RevenueMonthStatus = 'declared' | 'not_declared' | 'awaiting' | 'frozen';
export interface RevenueMonth {
  month: string;
  dueOn: string;
  revenueCents: number | null;
  dueCents: number;
  status: RevenueMonthStatus;
}

export interface Plan {
  dues: Due[];
  revenueMonths: RevenueMonth[];
  frozen: FrozenPeriod[];
  /** the month from which a when_viable loan's co-op covers its costs */
  viableFrom: string | null;
}

/** A day moved past the freezes that begin on or before it: by their length in months, or frozen while one lasts. */
function pastFreezes(day: string, frozen: readonly FrozenPeriod[]): { due: string; frozen: boolean } {
  let due = day;
  for (const p of frozen) {
    if (due < p.from) continue;
    if (p.until === null) return { due, frozen: true };
    let n = 0;
    while (addMonths(p.from, n) < p.until) n++;
    due = addMonths(due, n);
  }
  return { due, frozen: false };
}

const inFreeze = (day: string, frozen: readonly FrozenPeriod[]) =>
  frozen.some((p) => day >= p.from && (p.until === null || day < p.until));

interface Segment {
  start: string;
  termMonths: number;
  graceMonths: number;
  end: string | null;
}

/** The loan's dues as they stand, with each month's revenue for a share of revenue. */
export function loanPlan(input: PlanInput): Plan {
  const frozen = frozenPeriods(input.changes);
  const viable = input.changes.find((c) => c.kind === 'viable');
  const viableFrom = viable ? viable.on.slice(0, 7) : null;
  const reschedules = input.changes.filter(
    (c): c is Extract<LoanChange, { kind: 'reschedule' }> => c.kind === 'reschedule',
  );
  const segments: Segment[] = [
    { start: input.disbursedOn, termMonths: input.termMonths, graceMonths: input.graceMonths, end: null },
    ...reschedules.map((r) => ({ start: r.on, termMonths: r.termMonths, graceMonths: r.graceMonths, end: null })),
  ];
  segments.forEach((s, i) => (s.end = segments[i + 1]?.start ?? null));
  const revenue = new Map(input.revenues.map((r) => [r.month, r.revenueCents]));
  const lastEndedMonth = nextMonth(input.today.slice(0, 7), -1);

  const dues: Due[] = [];
  const revenueMonths: RevenueMonth[] = [];
  let scheduled = 0;
  for (const seg of segments) {
    const toSpread = input.principalCents - scheduled;
    const made: Due[] = [];
    const graceEnds = addMonths(seg.start, seg.graceMonths);
    if (input.schedule === 'fixed') {
      const n = Math.max(1, seg.termMonths);
      const each = Math.floor(toSpread / n);
      for (let i = 0; i < n; i++) {
        const moved = pastFreezes(addMonths(seg.start, seg.graceMonths + i + 1), frozen);
        made.push({ ...moved, principalCents: i === n - 1 ? toSpread - each * (n - 1) : each, month: null });
      }
    } else if (input.schedule === 'when_viable' && viableFrom) {
      const first = viableFrom > graceEnds.slice(0, 7) ? viableFrom : graceEnds.slice(0, 7);
      const termEnds = addMonths(seg.start, seg.graceMonths + seg.termMonths).slice(0, 7);
      const n = Math.max(1, monthsBetween(first, termEnds));
      const each = Math.floor(toSpread / n);
      for (let i = 0; i < n; i++) {
        const moved = pastFreezes(revenueDueOn(nextMonth(first, i)), frozen);
        made.push({ ...moved, principalCents: i === n - 1 ? toSpread - each * (n - 1) : each, month: null });
      }
    } else if (input.schedule === 'revenue_share') {
      let left = toSpread;
      // From the month the grace period ends (the payout's month without grace); after a reschedule, the months not yet listed.
      const last = revenueMonths.at(-1)?.month;
      const from = last ? nextMonth(last) : graceEnds.slice(0, 7);
      for (let m = from; left > 0; m = nextMonth(m)) {
        const dueOn = revenueDueOn(m);
        if (seg.end && dueOn >= seg.end) break;
        if (dueOn < graceEnds) continue;
        const declared = revenue.get(m);
        if (m > lastEndedMonth && declared === undefined) break;
        let status: RevenueMonthStatus;
        let dueCents = 0;
        if (inFreeze(dueOn, frozen)) status = 'frozen';
        else if (declared === undefined) status = dueOn <= input.today ? 'not_declared' : 'awaiting';
        else {
          status = 'declared';
          dueCents = Math.min(left, revenueShare(input.shareBasisPoints ?? 0, declared));
          left -= dueCents;
          if (dueCents > 0) made.push({ due: dueOn, principalCents: dueCents, month: m, frozen: false });
        }
        revenueMonths.push({ month: m, dueOn, revenueCents: declared ?? null, dueCents, status });
      }
    }
    if (seg.end === null) {
      dues.push(...made);
      break;
    }
    // A reschedule: what fell due before its day stays, as far as it was repaid by then.
    const repaidBefore = input.repayments.filter((r) => r.paidOn < seg.end!).reduce((s, r) => s + r.principalCents, 0);
    let room = Math.max(0, repaidBefore - scheduled);
    for (const d of made) {
      if (d.frozen || d.due >= seg.end) continue;
      const kept = Math.min(room, d.principalCents);
      room -= kept;
      if (kept > 0) dues.push({ ...d, principalCents: kept });
      scheduled += kept;
    }
  }
  // A few cents spread over many months leave some months nothing to pay.
  const owed = dues.filter((d) => d.principalCents > 0);
  owed.sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : 0));
  return { dues: owed, revenueMonths, frozen, viableFrom };
}

/** How late the loan is on its dues (frozen ones are not due); principal forgiven counts as settled. */
export function planArrears(plan: Plan, principalRepaidCents: number, writtenOffCents: number, today: string) {
  const due: Instalment[] = plan.dues.filter((d) => !d.frozen);
  return arrears(due, principalRepaidCents + writtenOffCents, today);
}
