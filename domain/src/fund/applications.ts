/**
 * Who decides a fund application, by its kind and amount, and the fund's
 * policy limits — the part of the bylaws about the solidarity fund. Pure: the
 * server reads these rules from the bylaws in force.
 *
 * Each kind of application has bands by amount, lowest first: up to a band's
 * limit, the fund committee decides with so many approvals (within so many
 * hours for a fast track); above the last committee band, the assembly votes
 * (the matter `fund_application`).
 */
import type { ContributionRules } from './contributions.ts';
export const APPLICATION_KINDS = ['emergency_grant', 'loan', 'seed_capital', 'programme'] as const;
export type ApplicationKind = (typeof APPLICATION_KINDS)[number];

export interface CommitteeBand {
  /** applications up to this amount (inclusive) */
  upToCents: number;
  /** approvals of fund committee members needed */
  approvals: number;
  /** a fast track: decided within this many hours (shown to the committee), null for none */
  withinHours: number | null;
}

export interface FundPolicy {
  /** the most one application may ask for */
  maxPerApplicationCents: number;
  /** the most the fund may have lent to one co-op, as a share of what the fund holds (percent) */
  maxLentToOneCoopPercent: number;
  /** the least the reserve sub-fund holds: no movement takes it below (0 when left out) */
  minimumReserveCents?: number;
}

/** The sub-fund the policy's minimum reserve is kept in. */
export const RESERVE = 'reserve';

/** A sub-fund's minimum in force: its own, or for the reserve the policy's if higher. */
export const minimumOf = (code: string, ownMinimumCents: number, policy: FundPolicy): number =>
  code === RESERVE ? Math.max(ownMinimumCents, policy.minimumReserveCents ?? 0) : ownMinimumCents;

export interface FundRules {
  /** per kind, the committee's bands, lowest first; above the last one the assembly decides */
  bands: Record<ApplicationKind, CommitteeBand[]>;
  policy: FundPolicy;
  /** what co-ops pay in; the defaults when left out */
  contributions?: ContributionRules;
}

/** Which sub-fund each kind of application is paid from. */
export const SUB_FUND_OF: Record<ApplicationKind, string> = {
  emergency_grant: 'emergency',
  loan: 'development',
  seed_capital: 'development',
  programme: 'programmes',
};

/** The starting rules: a fast track for emergencies under €3,000, the committee up to €20,000, the assembly above. */
export const DEFAULT_FUND_RULES: FundRules = {
  bands: {
    emergency_grant: [
      { upToCents: 300_000, approvals: 2, withinHours: 48 },
      { upToCents: 2_000_000, approvals: 3, withinHours: null },
    ],
    loan: [{ upToCents: 1_000_000, approvals: 3, withinHours: null }],
    seed_capital: [{ upToCents: 1_000_000, approvals: 3, withinHours: null }],
    programme: [{ upToCents: 500_000, approvals: 2, withinHours: null }],
  },
  policy: { maxPerApplicationCents: 10_000_000, maxLentToOneCoopPercent: 25 },
};

export type Track = { by: 'committee'; approvals: number; withinHours: number | null } | { by: 'assembly' };

/** Who decides an application of this kind and amount. */
export function trackFor(rules: FundRules, kind: ApplicationKind, amountCents: number): Track {
  const band = rules.bands[kind].find((b) => amountCents <= b.upToCents);
  return band ? { by: 'committee', approvals: band.approvals, withinHours: band.withinHours } : { by: 'assembly' };
}

export type PolicyBreach =
  | { rule: 'max_per_application'; limitCents: number }
  | { rule: 'max_lent_to_one_coop'; limitCents: number; lentCents: number };

/**
 * What an application would break of the fund's policy, before anyone
 * decides: more than one application may ask for; for a loan, more lent to
 * one co-op than its share of what the fund holds (`fundCents`).
 */
export function policyBreaches(
  policy: FundPolicy,
  a: { kind: ApplicationKind; amountCents: number; lentToCoopCents: number; fundCents: number },
): PolicyBreach[] {
  const breaches: PolicyBreach[] = [];
  if (a.amountCents > policy.maxPerApplicationCents)
    breaches.push({ rule: 'max_per_application', limitCents: policy.maxPerApplicationCents });
  if (a.kind === 'loan') {
    const limitCents = Math.floor((Math.max(0, a.fundCents) * policy.maxLentToOneCoopPercent) / 100);
    if (a.lentToCoopCents + a.amountCents > limitCents)
      breaches.push({ rule: 'max_lent_to_one_coop', limitCents, lentCents: a.lentToCoopCents });
  }
  return breaches;
}

export interface FundRuleProblem {
  path: string;
  message: string;
}

/** Checks the fund's part of the bylaws beyond its shape: bands rising, approvals possible, limits sensible. */
export function fundRuleProblems(rules: FundRules): FundRuleProblem[] {
  const problems: FundRuleProblem[] = [];
  for (const kind of APPLICATION_KINDS) {
    const bands = rules.bands[kind] ?? [];
    bands.forEach((b, i) => {
      const p = `fund.bands.${kind}.${i}`;
      if (b.approvals < 1) problems.push({ path: `${p}.approvals`, message: 'at least one approval' });
      if (i > 0 && b.upToCents <= bands[i - 1]!.upToCents)
        problems.push({ path: `${p}.upToCents`, message: 'bands rise: each limit above the one before' });
    });
  }
  if (rules.contributions) {
    const shares = Object.values(rules.contributions.split);
    if (shares.reduce((a, b) => a + b, 0) !== 100 || shares.some((p) => p < 0))
      problems.push({ path: 'fund.contributions.split', message: 'shares of 0 to 100 that add up to 100' });
    const surplus = rules.contributions.surplus;
    if (surplus && (surplus.shareBasisPoints < 0 || surplus.shareBasisPoints > 10_000))
      problems.push({ path: 'fund.contributions.surplus.shareBasisPoints', message: 'basis points from 0 to 10,000' });
  }
  if (rules.policy.maxLentToOneCoopPercent < 0 || rules.policy.maxLentToOneCoopPercent > 100) {
    problems.push({ path: 'fund.policy.maxLentToOneCoopPercent', message: 'a percentage from 0 to 100' });
  }
  return problems;
}

export type Verdict = 'approved' | 'declined' | 'open';

/**
 * A committee decision from its members' answers: approved once `needed`
 * members approve; declined once so many have declined that `needed`
 * approvals can no longer come from the `members` who may answer.
 */
export function committeeVerdict(needed: number, members: number, approvals: number, declines: number): Verdict {
  if (approvals >= needed) return 'approved';
  if (members - declines < needed) return 'declined';
  return 'open';
}

/**
 * The committee members who may answer an application: no one decides their
 * own — not whoever applied, and no one who works at the applicant co-op.
 */
export function mayAnswer<M extends { personId: string; coopId: string | null }>(
  members: readonly M[],
  application: { coopId: string; appliedBy: string },
): M[] {
  return members.filter((m) => m.coopId !== application.coopId && m.personId !== application.appliedBy);
}
