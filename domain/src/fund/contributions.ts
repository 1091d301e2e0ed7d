/**
 * What co-ops owe the fund: a monthly due per worker (and, yearly, a share of
 * the surplus they declare), each an obligation with a reference code for
 * the bank transfer, split between the sub-funds as the network decided.
 */

export interface ContributionRules {
  /** each month, per worker of a member co-op */
  perWorkerMonthlyCents: number;
  /** days after the month's end a monthly due falls due */
  dueDays: number;
  /** how contributions are shared between sub-funds, in percent (they add up to 100) */
  split: Record<string, number>;
  /** a share of the surplus each co-op declares for its year; none when left out */
  surplus?: SurplusRule;
}

/** The yearly share of a co-op's surplus: a part of it, due some days after the co-op's accounts close. */
export interface SurplusRule {
  /** the share, in basis points (300 = 3 %) */
  shareBasisPoints: number;
  /** days after the day the co-op's accounts closed that the share falls due */
  dueDays: number;
}

export const DEFAULT_CONTRIBUTION_RULES: ContributionRules = {
  perWorkerMonthlyCents: 1_000,
  dueDays: 30,
  split: { emergency: 40, development: 30, programmes: 20, reserve: 10 },
  // As Italy's law asks of co-ops for their mutual funds: 3 % of the year's surplus within 60 days.
  surplus: { shareBasisPoints: 300, dueDays: 60 },
};

/**
 * What a co-op owes of its year's surplus: `shareBasisPoints` of it in whole
 * cents, half a cent and more rounded up. A loss or nothing left (0 or less)
 * owes nothing. Exact for any amount (counted in integers, never floats).
 */
export function surplusShare(surplusCents: number, shareBasisPoints: number): number {
  if (surplusCents <= 0 || shareBasisPoints <= 0) return 0;
  const times = BigInt(surplusCents) * BigInt(shareBasisPoints);
  return Number((times + 5_000n) / 10_000n);
}

/** The day a share of surplus falls due: `dueDays` after the day the co-op's accounts closed. */
export function surplusDueDate(closedOn: string, dueDays: number): string {
  return new Date(Date.parse(`${closedOn}T00:00:00Z`) + dueDays * 86_400_000).toISOString().slice(0, 10);
}

/**
 * An amount shared by percentages, in whole cents that add up to it: each
 * part rounded down, the cents left over given one by one to the largest
 * remainders (ties to the first listed).
 */
export function splitCents(cents: number, split: Record<string, number>): [string, number][] {
  const entries = Object.entries(split).filter(([, p]) => p > 0);
  const total = entries.reduce((s, [, p]) => s + p, 0);
  const parts = entries.map(([code, p]) => {
    const exact = (cents * p) / total;
    return { code, cents: Math.floor(exact), rest: exact - Math.floor(exact) };
  });
  let left = cents - parts.reduce((s, p) => s + p.cents, 0);
  for (const p of [...parts].sort((a, b) => b.rest - a.rest)) {
    if (left <= 0) break;
    p.cents++;
    left--;
  }
  return parts.filter((p) => p.cents > 0).map((p) => [p.code, p.cents]);
}

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * The code a co-op writes on its transfer: F (dues) or L (a loan), the period
 * and six letters made from the obligation's id ("F202611-7K3M9Q"), short enough to type, read
 * the same with or without its dash or spaces.
 */
export function referenceCode(period: string, id: string, prefix = 'F'): string {
  const hex = id.replace(/-/g, '');
  let n = 0n;
  for (const c of hex.slice(0, 12)) n = (n << 4n) | BigInt(Number.parseInt(c, 16) || 0);
  let code = '';
  for (let i = 0; i < 6; i++) {
    code = CROCKFORD[Number(n % 32n)]! + code;
    n /= 32n;
  }
  return `${prefix}${period.replace('-', '')}-${code}`;
}

/** The day a month's due falls due: `dueDays` after the month's last day. */
export function dueDate(period: string, dueDays: number): string {
  const [y, m] = period.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0) + dueDays * 86_400_000).toISOString().slice(0, 10);
}

/** Days after an obligation's due day on which its reminders go: the day after, then 30 days later. */
export const REMINDER_STAGES = [1, 31] as const;

/**
 * Which reminder an obligation has reached on `today` (1 the first, 2 the
 * second…), 0 before it is overdue. An obligation first seen late gets only
 * the latest reminder it reached, never the earlier ones all at once.
 */
export function reminderStage(dueDate: string, today: string): number {
  const late = Math.floor((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${dueDate}T00:00:00Z`)) / 86_400_000);
  return REMINDER_STAGES.filter((days) => late >= days).length;
}

export interface CoopArrears {
  coopId: string;
  coopName: string;
  /** what is still owed of obligations past their due day */
  overdueCents: number;
  /** how many obligations are past due and not fully paid */
  obligations: number;
  /** the earliest due day among them */
  since: string;
}

/** Who is behind with the fund on `today`: per co-op, what it owes past the due day, most behind first. */
export function arrearsByCoop(
  owed: readonly { coopId: string; coopName: string; outstandingCents: number; dueDate: string }[],
  today: string,
): CoopArrears[] {
  const byCoop = new Map<string, CoopArrears>();
  for (const o of owed) {
    if (o.outstandingCents <= 0 || o.dueDate >= today) continue;
    const a = byCoop.get(o.coopId) ?? { coopId: o.coopId, coopName: o.coopName, overdueCents: 0, obligations: 0, since: o.dueDate };
    a.overdueCents += o.outstandingCents;
    a.obligations += 1;
    if (o.dueDate < a.since) a.since = o.dueDate;
    byCoop.set(o.coopId, a);
  }
  return [...byCoop.values()].sort((x, y) => y.overdueCents - x.overdueCents || x.since.localeCompare(y.since) || x.coopName.localeCompare(y.coopName));
}
