/**
 * Ballot validation (the server calls these when a ballot is cast, so a bad
 * ballot is refused with a clear code) and the preparation every ranked count
 * starts with: checking, dropping withdrawn candidates, and grouping identical
 * ballots so that each distinct ranking is handled once.
 */
import { addSafe, isSafeWhole } from './numbers.ts';
import { VotingInputError, type RankedBallot, type VotingError } from './types.ts';

export type BallotCheck<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: VotingError };

const fail = <T>(code: string, message: string, details: Record<string, unknown> = {}): BallotCheck<T> => ({
  ok: false,
  error: { code, message, details },
});

/** One mark on a ranked ballot: the voter wrote `rank` (1 = first choice) next to `option`. */
export interface RankMark {
  readonly option: string;
  readonly rank: number;
}

export interface RankedBallotRules {
  /** A ballot with no marks (a blank ballot) is accepted. Default true. */
  readonly allowEmpty?: boolean;
  /** Every option must be ranked. Default false. */
  readonly requireComplete?: boolean;
}

/**
 * Checks a ranked ballot and turns it into option indices, most preferred
 * first. Error codes: `ballot.unknown_option`, `ballot.duplicate_option` (an
 * option ranked twice), `ballot.invalid_rank` (not a whole number ≥ 1),
 * `ballot.duplicate_rank` (two options share a rank), `ballot.gap` (e.g.
 * ranks 1 and 3 without 2), `ballot.empty`, `ballot.incomplete`: the first
 * of `rankedBallotProblems`.
 */
export function validateRankedBallot(
  marks: readonly RankMark[],
  options: readonly string[],
  rules: RankedBallotRules = {},
): BallotCheck<number[]> {
  const [first] = rankedBallotProblems(marks, options, rules);
  if (first) return { ok: false, error: first };
  const index = new Map<string, number>();
  options.forEach((o, i) => index.set(o, i));
  const byRank = [...marks].sort((a, b) => a.rank - b.rank);
  return { ok: true, value: byRank.map((m) => index.get(m.option)!) };
}

/**
 * Every problem of a ranked ballot, in the order a person would fix them:
 * each bad mark, each rank given to more than one option, the first rank
 * missing, then an empty or incomplete ballot (as `rules` ask). Empty when
 * the ballot is good. A form lists them all; the server refuses with the first.
 */
export function rankedBallotProblems(
  marks: readonly RankMark[],
  options: readonly string[],
  rules: RankedBallotRules = {},
): VotingError[] {
  const problem = (code: string, message: string, details: Record<string, unknown> = {}): VotingError => ({
    code,
    message,
    details,
  });
  const problems: VotingError[] = [];
  const known = new Set(options);
  const seenOption = new Set<string>();
  const byRank = new Map<number, string[]>();
  for (const m of marks) {
    if (!known.has(m.option)) {
      problems.push(
        problem('ballot.unknown_option', `"${m.option}" is not an option of this vote`, { option: m.option }),
      );
      continue;
    }
    if (seenOption.has(m.option)) {
      problems.push(problem('ballot.duplicate_option', `"${m.option}" is ranked more than once`, { option: m.option }));
      continue;
    }
    seenOption.add(m.option);
    if (!isSafeWhole(m.rank) || m.rank < 1) {
      problems.push(
        problem('ballot.invalid_rank', `the rank of "${m.option}" must be a whole number from 1`, {
          option: m.option,
          rank: m.rank,
        }),
      );
      continue;
    }
    const at = byRank.get(m.rank);
    if (at) at.push(m.option);
    else byRank.set(m.rank, [m.option]);
  }
  const ranks = [...byRank.keys()].sort((a, b) => a - b);
  for (const r of ranks) {
    const at = byRank.get(r)!;
    if (at.length > 1)
      problems.push(
        problem('ballot.duplicate_rank', `rank ${r} is given to more than one option`, { rank: r, options: at }),
      );
  }
  const missing = ranks.findIndex((r, i) => r !== i + 1);
  if (missing >= 0) {
    problems.push(
      problem('ballot.gap', `rank ${missing + 1} is missing: ranks must run 1, 2, 3 … without gaps`, {
        missingRank: missing + 1,
      }),
    );
  }
  if (marks.length === 0 && rules.allowEmpty === false)
    problems.push(problem('ballot.empty', 'the ballot ranks no option'));
  if (rules.requireComplete && marks.length !== options.length) {
    problems.push(
      problem('ballot.incomplete', 'every option must be ranked', { ranked: marks.length, options: options.length }),
    );
  }
  return problems;
}

/** Checks a list of option indices (most preferred first): `ballot.unknown_option`, `ballot.duplicate_option`. */
export function checkPreferences(prefs: readonly number[], optionCount: number): VotingError | null {
  if (!Array.isArray(prefs)) return { code: 'ballot.invalid', message: 'preferences must be a list', details: {} };
  const seen = new Uint8Array(optionCount);
  for (let i = 0; i < prefs.length; i++) {
    const c = prefs[i]!;
    if (!isSafeWhole(c) || c < 0 || c >= optionCount) {
      return {
        code: 'ballot.unknown_option',
        message: `preference ${i + 1} names an unknown option`,
        details: { position: i + 1, option: c },
      };
    }
    if (seen[c]) {
      return {
        code: 'ballot.duplicate_option',
        message: `option ${c} is ranked more than once`,
        details: { position: i + 1, option: c },
      };
    }
    seen[c] = 1;
  }
  return null;
}

export interface ApprovalBallotRules {
  /** Most options one ballot may approve (e.g. the number of seats). Default: all. */
  readonly maxApprovals?: number;
}

/** Checks an approval ballot; returns the approved option indices in increasing order. */
export function validateApprovalBallot(
  approved: readonly string[],
  options: readonly string[],
  rules: ApprovalBallotRules = {},
): BallotCheck<number[]> {
  const index = new Map<string, number>();
  options.forEach((o, i) => index.set(o, i));
  const out: number[] = [];
  const seen = new Set<string>();
  for (const o of approved) {
    const i = index.get(o);
    if (i === undefined) return fail('ballot.unknown_option', `"${o}" is not an option of this vote`, { option: o });
    if (seen.has(o)) return fail('ballot.duplicate_option', `"${o}" is approved more than once`, { option: o });
    seen.add(o);
    out.push(i);
  }
  if (rules.maxApprovals !== undefined && out.length > rules.maxApprovals) {
    return fail('ballot.too_many_approvals', `at most ${rules.maxApprovals} options may be approved`, {
      approved: out.length,
      max: rules.maxApprovals,
    });
  }
  return { ok: true, value: out.sort((a, b) => a - b) };
}

/** Weight of a ballot: a whole number ≥ 1 (default 1). */
export function ballotWeight(w: number | undefined, where: number): number {
  if (w === undefined) return 1;
  if (!isSafeWhole(w) || w < 1) {
    throw new VotingInputError(
      'ballot.invalid_weight',
      `ballot ${where + 1} has a weight that is not a whole number ≥ 1`,
      {
        ballot: where,
        weight: w,
      },
    );
  }
  return w;
}

/** Identical ballots grouped: one entry per distinct ranking. */
export interface PreparedBallots {
  readonly candidateCount: number;
  /** Distinct rankings (withdrawn candidates removed), each non-empty. */
  readonly prefs: readonly (readonly number[])[];
  /** Total weight of each distinct ranking. */
  readonly weights: readonly number[];
  /** Sum of weights of ballots with at least one usable preference. */
  readonly validVotes: number;
  /** Sum of weights of ballots with no usable preference (blank, or only withdrawn candidates). */
  readonly emptyVotes: number;
  readonly withdrawn: readonly boolean[];
}

export function assertCandidates(candidates: readonly string[]): void {
  if (!Array.isArray(candidates) || candidates.length === 0) {
    throw new VotingInputError('count.no_candidates', 'a count needs at least one candidate');
  }
}

/** Validates ranked ballots and groups identical ones. Throws VotingInputError on bad input. */
export function prepareRanked(
  candidateCount: number,
  ballots: readonly RankedBallot[],
  withdrawnList: readonly number[] = [],
): PreparedBallots {
  const withdrawn = new Array<boolean>(candidateCount).fill(false);
  for (const c of withdrawnList) {
    if (!isSafeWhole(c) || c < 0 || c >= candidateCount) {
      throw new VotingInputError('count.unknown_withdrawn', `withdrawn candidate ${String(c)} is not a candidate`, {
        candidate: c,
      });
    }
    withdrawn[c] = true;
  }
  const anyWithdrawn = withdrawn.some(Boolean);
  const groups = new Map<string, number>();
  const prefs: number[][] = [];
  const weights: number[] = [];
  let validVotes = 0;
  let emptyVotes = 0;
  // seen[c] === b + 1 when candidate c already appeared on ballot b: one array for all ballots.
  const seen = new Int32Array(candidateCount);
  // Identical rankings share a key: one UTF-16 code unit per candidate when there are
  // at most 4,096 candidates (always, in practice), else the decimal list.
  const compactKeys = candidateCount <= 4096;
  for (let b = 0; b < ballots.length; b++) {
    const ballot = ballots[b]!;
    const list = ballot.prefs;
    if (!Array.isArray(list))
      throw new VotingInputError('ballot.invalid', `ballot ${b + 1}: preferences must be a list`, { ballot: b });
    for (let i = 0; i < list.length; i++) {
      const c = list[i]!;
      if (!isSafeWhole(c) || c < 0 || c >= candidateCount) {
        throw new VotingInputError(
          'ballot.unknown_option',
          `ballot ${b + 1}: preference ${i + 1} names an unknown option`,
          { ballot: b, position: i + 1, option: c },
        );
      }
      if (seen[c] === b + 1) {
        throw new VotingInputError('ballot.duplicate_option', `ballot ${b + 1}: option ${c} is ranked more than once`, {
          ballot: b,
          position: i + 1,
          option: c,
        });
      }
      seen[c] = b + 1;
    }
    const w = ballotWeight(ballot.weight, b);
    const p = anyWithdrawn ? list.filter((c) => !withdrawn[c]) : list;
    if (p.length === 0) {
      emptyVotes = addSafe(emptyVotes, w);
      continue;
    }
    validVotes = addSafe(validVotes, w);
    const key = compactKeys ? String.fromCharCode.apply(null, p as number[]) : p.join(',');
    const g = groups.get(key);
    if (g === undefined) {
      groups.set(key, prefs.length);
      prefs.push(p.slice());
      weights.push(w);
    } else {
      weights[g] = weights[g]! + w;
    }
  }
  return { candidateCount, prefs, weights, validVotes, emptyVotes, withdrawn };
}
