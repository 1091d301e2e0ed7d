/**
 * The Schulze method (Schulze 2011), a Condorcet method: it elects the
 * candidate who beats every other one-to-one whenever there is one.
 *
 * 1. Pairwise matrix: d[i][j] is the total weight of ballots ranking i above j.
 *    Candidates a ballot leaves unranked count as below every ranked one and
 *    equal among themselves.
 * 2. Links: i → j has strength d[i][j] when d[i][j] > d[j][i] ("winning
 *    votes", the default) — or d[i][j] − d[j][i] with `strength: 'margin'` —
 *    and 0 otherwise.
 * 3. Strongest paths: p[i][j] is the strength of the strongest path from i to
 *    j, a path being as strong as its weakest link (Floyd–Warshall).
 * 4. i ranks above j when p[i][j] > p[j][i]. This is a strict partial order;
 *    the ranking is built tier by tier (the candidates no remaining candidate
 *    ranks above), and candidates in the same tier are ordered by the lot.
 *
 * With `seats` > 1 the first candidates of the ranking are elected: that is a
 * Schulze ranking, not a proportional method.
 */
import { assertCandidates, prepareRanked } from './ballot.ts';
import { assertLot, lotPositions } from './lot.ts';
import { isSafeWhole } from './numbers.ts';
import { VotingInputError, type RankedCountInput, type TieBreak } from './types.ts';

export interface SchulzeInput extends RankedCountInput {
  readonly seats?: number;
  readonly strength?: 'winning' | 'margin';
}

export interface SchulzeResult {
  readonly method: 'schulze';
  readonly candidates: readonly string[];
  readonly strength: 'winning' | 'margin';
  readonly outcome: 'complete' | 'no_valid_votes';
  readonly validVotes: number;
  readonly emptyVotes: number;
  /** pairwise[i][j]: weight of ballots ranking i above j. */
  readonly pairwise: readonly (readonly number[])[];
  /** links[i][j]: strength of the direct link i → j (0 when i does not beat j). */
  readonly links: readonly (readonly number[])[];
  /** strongestPaths[i][j]: strength of the strongest path from i to j. */
  readonly strongestPaths: readonly (readonly number[])[];
  /** ranksAbove[i][j]: strongestPaths[i][j] > strongestPaths[j][i]. */
  readonly ranksAbove: readonly (readonly boolean[])[];
  /** The beats-everyone-pairwise candidate, if there is one. */
  readonly condorcetWinner: number | null;
  /** The Schulze ranking as tiers of candidates the method does not separate. */
  readonly tiers: readonly (readonly number[])[];
  /** The ranking with ties inside tiers broken by the lot. */
  readonly order: readonly number[];
  /** Schulze winners: the first tier (one candidate unless there is a tie). */
  readonly winners: readonly number[];
  readonly elected: readonly number[];
  readonly withdrawn: readonly number[];
  readonly tieBreaks: readonly TieBreak[];
  readonly lot: readonly number[];
}

/**
 * Fills the pairwise matrix (flat, n × n, row-major) from grouped ballots.
 * Instead of visiting every (ranked, unranked) pair, it counts P[x][y] over
 * pairs both ranked (x above y) and R[a], the weight of ballots ranking a;
 * then d[a][b] = R[a] − P[b][a] (a is above b on every ballot that ranks a,
 * except those ranking b above a). Exact: integers only. Work per ballot is
 * L(L − 1)/2 + L for L preferences instead of L × n.
 */
export function pairwiseMatrix(
  n: number,
  prefs: readonly (readonly number[])[],
  weights: readonly number[],
  active: readonly boolean[],
): number[] {
  const pairs = new Array<number>(n * n).fill(0);
  const ranked = new Array<number>(n).fill(0);
  for (let g = 0; g < prefs.length; g++) {
    const p = prefs[g]!;
    const w = weights[g]!;
    const len = p.length;
    for (let i = 0; i < len; i++) {
      const a = p[i]!;
      ranked[a] = ranked[a]! + w;
      const row = a * n;
      for (let j = i + 1; j < len; j++) {
        const k = row + p[j]!;
        pairs[k] = pairs[k]! + w;
      }
    }
  }
  const d = new Array<number>(n * n).fill(0);
  for (let a = 0; a < n; a++) {
    if (!active[a]) continue;
    for (let b = 0; b < n; b++) if (b !== a && active[b]) d[a * n + b] = ranked[a]! - pairs[b * n + a]!;
  }
  return d;
}

export function countSchulze(input: SchulzeInput): SchulzeResult {
  assertCandidates(input.candidates);
  const n = input.candidates.length;
  assertLot(input.lot, n);
  const seats = input.seats ?? 1;
  if (!isSafeWhole(seats) || seats < 1)
    throw new VotingInputError('count.invalid_seats', 'seats must be a whole number ≥ 1');
  const strength = input.strength ?? 'winning';
  const lotPos = lotPositions(input.lot);
  const prep = prepareRanked(n, input.ballots, input.withdrawn);
  const active = prep.withdrawn.map((w) => !w);
  const cands = [];
  for (let c = 0; c < n; c++) if (active[c]) cands.push(c);
  const flat = pairwiseMatrix(n, prep.prefs, prep.weights, active);
  if (flat.some((v) => !Number.isSafeInteger(v)))
    throw new VotingInputError('count.too_large', 'pairwise totals exceed the safe integer range');
  const d = (i: number, j: number) => flat[i * n + j]!;

  const links = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (const i of cands) {
    for (const j of cands) {
      if (i === j) continue;
      if (d(i, j) > d(j, i)) links[i]![j] = strength === 'winning' ? d(i, j) : d(i, j) - d(j, i);
    }
  }
  const p = links.map((row) => row.slice());
  for (const k of cands) {
    const pk = p[k]!;
    for (const i of cands) {
      if (i === k) continue;
      const pi = p[i]!;
      const ik = pi[k]!;
      if (ik === 0) continue;
      for (const j of cands) {
        if (j === i || j === k) continue;
        const via = ik < pk[j]! ? ik : pk[j]!;
        if (via > pi[j]!) pi[j] = via;
      }
    }
  }
  const ranksAbove = Array.from({ length: n }, (_, i) =>
    Array.from({ length: n }, (_, j) => i !== j && p[i]![j]! > p[j]![i]!),
  );

  let condorcetWinner: number | null = null;
  for (const i of cands) {
    if (cands.every((j) => j === i || d(i, j) > d(j, i))) condorcetWinner = i;
  }

  const tiers: number[][] = [];
  let remaining = cands.slice();
  while (remaining.length > 0) {
    const tier = remaining.filter((i) => !remaining.some((j) => ranksAbove[j]![i]));
    if (tier.length === 0) throw new Error('internal: the Schulze relation has a cycle');
    tiers.push(tier);
    remaining = remaining.filter((i) => !tier.includes(i));
  }

  const tieBreaks: TieBreak[] = [];
  const order: number[] = [];
  for (const tier of tiers) {
    const sorted = [...tier].sort((a, b) => lotPos[a]! - lotPos[b]!);
    if (tier.length > 1) {
      const from = order.length;
      const straddles = from < seats && from + tier.length > seats;
      tieBreaks.push({
        stage: 0,
        purpose: straddles ? 'seat' : 'ranking',
        tied: [...tier].sort((a, b) => a - b),
        chosen: straddles ? sorted.slice(0, seats - from) : sorted,
        method: 'lot',
        explanation:
          `${tier.map((c) => `#${c}`).join(', ')} are not separated by their strongest paths (places ${from + 1}–${from + tier.length}); ` +
          `by the lot they are placed ${sorted.map((c) => `#${c}`).join(', ')}.`,
      });
    }
    order.push(...sorted);
  }
  const outcome = prep.validVotes === 0 ? 'no_valid_votes' : 'complete';
  const matrix = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => d(i, j)));
  return {
    method: 'schulze',
    candidates: input.candidates.slice(),
    strength,
    outcome,
    validVotes: prep.validVotes,
    emptyVotes: prep.emptyVotes,
    pairwise: matrix,
    links,
    strongestPaths: p,
    ranksAbove,
    condorcetWinner,
    tiers,
    order,
    winners: outcome === 'complete' ? (tiers[0] ?? []) : [],
    elected: outcome === 'complete' ? order.slice(0, seats) : [],
    withdrawn: prep.withdrawn.flatMap((w, c) => (w ? [c] : [])),
    tieBreaks: outcome === 'complete' ? tieBreaks : [],
    lot: input.lot.slice(),
  };
}
