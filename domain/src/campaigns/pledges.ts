/**
 * Pledges to a campaign: what amount a supporter may pledge under the
 * campaign's tiers, and when a pledge that was never paid lapses.
 */

/** A campaign's tiers: fixed amounts to pick from, or a free amount at or above a minimum. */
export interface Tiers {
  /** amounts offered (cents); with `free` false, only these are accepted */
  suggested: number[];
  /** whether any amount at or above `minimumCents` is accepted */
  free: boolean;
  minimumCents: number;
}

export type PledgeRefusal = 'not_cents' | 'below_minimum' | 'not_a_tier' | 'too_large';

export const MAX_PLEDGE_CENTS = 100_000_000;

/** Why `cents` cannot be pledged under `tiers`, or null when it can. */
export function checkPledgeAmount(tiers: Tiers, cents: number): PledgeRefusal | null {
  if (!Number.isInteger(cents) || cents <= 0) return 'not_cents';
  if (cents > MAX_PLEDGE_CENTS) return 'too_large';
  if (tiers.suggested.includes(cents)) return null;
  if (!tiers.free) return 'not_a_tier';
  return cents < tiers.minimumCents ? 'below_minimum' : null;
}

/** Days an unpaid pledge waits for its first payment before it lapses. */
export const LAPSE_DAYS = 30;

/** Whether a pledge made on `madeOn` and never paid has lapsed on `today` (both YYYY-MM-DD). */
export function hasLapsed(madeOn: string, today: string, days = LAPSE_DAYS): boolean {
  const made = Date.parse(`${madeOn}T00:00:00Z`);
  return Date.parse(`${today}T00:00:00Z`) - made >= days * 86_400_000;
}
