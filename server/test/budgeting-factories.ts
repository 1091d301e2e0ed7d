/** Helpers for participatory budgeting's tests: days around today, and moving a round to a period as time would. */
import type { AppDeps } from '../src/deps.ts';

export const day = (d: number) => new Date(Date.now() + d * 86_400_000).toISOString().slice(0, 10);

/** A round's periods, with today (in any time zone a day either side) inside the one named. */
export const periods = (phase: 'proposals' | 'allocation') =>
  phase === 'proposals'
    ? { proposalsFrom: day(-1), proposalsUntil: day(1), allocationFrom: day(2), allocationUntil: day(4) }
    : { proposalsFrom: day(-4), proposalsUntil: day(-2), allocationFrom: day(-1), allocationUntil: day(1) };

/** Moves a round's periods so that today falls in `phase` (what the calendar would do in a few days). */
export async function moveTo(deps: AppDeps, roundId: string, phase: 'proposals' | 'allocation') {
  const p = periods(phase);
  await deps.db
    .updateTable('budget_rounds')
    .set({
      proposals_from: p.proposalsFrom,
      proposals_until: p.proposalsUntil,
      allocation_from: p.allocationFrom,
      allocation_until: p.allocationUntil,
    })
    .where('id', '=', roundId)
    .execute();
}
