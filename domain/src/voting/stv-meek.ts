/**
 * Single transferable vote by Meek's method (Meek 1969; Hill, Wichmann &
 * Woodall, "Algorithm 123", 1987). Every candidate has a keep value k: 1 for
 * a hopeful candidate, 0 for an excluded one, and for an elected candidate
 * the fraction of each vote reaching them that they keep, adjusted until each
 * elected candidate holds just the quota. A ballot of value 1 gives each
 * candidate in order of preference value × k and passes the rest on; what is
 * left after the last preference is excess (exhausted). Unlike the Scottish
 * rules, surpluses also pass to later preferences for candidates already
 * elected, and the quota falls as ballots exhaust.
 *
 * Arithmetic: fixed point, values in units of 10^−9 of a vote (MEEK_UNIT),
 * all whole numbers:
 * - a candidate receives ⌊value × k⌋ (truncated); the ballot keeps
 *   value − received, so nothing is lost: Σ votes + excess = valid votes × unit;
 * - quota = ⌊(valid votes − excess) ÷ (seats + 1)⌋ + 1 unit;
 * - an elected candidate's new keep value is ⌈k × quota ÷ votes⌉ (rounded up,
 *   at most 1), computed exactly on BigInt.
 *
 * Iteration stops when a hopeful candidate reaches the quota, when the total
 * surplus of elected candidates is at most `tolerance` (default 10^−5 of a
 * vote), when the surplus stops falling (rounding floor reached), or after
 * `maxIterations` (default 1000; reported). Then every hopeful candidate with
 * votes ≥ quota is elected; if none, the hopeful candidate with the fewest
 * votes is excluded (one at a time; no bulk exclusion) — ties by the fewest
 * votes at the most recent earlier stage where they differed, then by lot.
 * When hopeful candidates are no more than the seats left, they are elected.
 */
import { assertCandidates, prepareRanked } from './ballot.ts';
import { assertLot, lotPositions } from './lot.ts';
import { MEEK_UNIT, ceilDiv, formatUnits, isSafeWhole, mulFloorMeekUnit } from './numbers.ts';
import { breakTie } from './ties.ts';
import { VotingInputError, type CandidateStatus, type ElectedEntry, type StvResultCommon, type TieBreak } from './types.ts';
import type { StvInput } from './stv-scottish.ts';

export interface MeekOptions {
  /** Stop iterating when the elected candidates' total surplus is at most this many units (default 10^4 = 0.00001 vote). */
  readonly tolerance?: number;
  readonly maxIterations?: number;
}

export type MeekAction =
  | { readonly kind: 'first_preferences' }
  /** Keep values of newly elected candidates brought down, surpluses passed on by iteration. */
  | { readonly kind: 'surplus'; readonly candidates: readonly number[] }
  | { readonly kind: 'exclusion'; readonly candidate: number };

export interface MeekStage {
  readonly stage: number;
  readonly action: MeekAction;
  /** Iterations used to reach these figures, and why iteration stopped. */
  readonly iterations: number;
  readonly stoppedBecause: 'quota_reached' | 'converged' | 'no_elected' | 'stalled' | 'iteration_limit';
  readonly quota: number;
  /** Each candidate's votes (units). */
  readonly votes: readonly number[];
  /** Each candidate's keep value (units: 10^9 = keeps all). */
  readonly keep: readonly number[];
  /** Votes that passed beyond every preference (units). */
  readonly excess: number;
  /** Σ over elected candidates of (votes − quota) when positive (units). */
  readonly surplus: number;
  readonly status: readonly CandidateStatus[];
  /** Candidates elected at the end of this stage. */
  readonly elected: readonly number[];
  /** Σ votes + excess: always validVotes × unit. */
  readonly total: number;
}

export interface StvMeekResult extends StvResultCommon {
  readonly method: 'stv_meek';
  readonly tolerance: number;
  readonly stages: readonly MeekStage[];
}

export function countStvMeek(input: StvInput, options: MeekOptions = {}): StvMeekResult {
  const M = MEEK_UNIT;
  assertCandidates(input.candidates);
  const n = input.candidates.length;
  if (!isSafeWhole(input.seats) || input.seats < 1)
    throw new VotingInputError('count.invalid_seats', 'seats must be a whole number ≥ 1');
  assertLot(input.lot, n);
  const tolerance = options.tolerance ?? 10_000;
  const maxIterations = options.maxIterations ?? 1000;
  const seats = input.seats;
  const prep = prepareRanked(n, input.ballots, input.withdrawn);
  const { prefs, weights, validVotes } = prep;
  if (!Number.isSafeInteger(validVotes * M)) {
    throw new VotingInputError(
      'count.too_large',
      'too many votes for Meek counting in units of 10^-9 (at most 9,007,199)',
    );
  }
  const total = validVotes * M;
  const lotPos = lotPositions(input.lot);
  const show = (v: number) => formatUnits(v, M);

  const status: CandidateStatus[] = prep.withdrawn.map((w) => (w ? 'withdrawn' : 'continuing'));
  const keep: number[] = status.map((s) => (s === 'continuing' ? M : 0));
  const stages: MeekStage[] = [];
  const history: number[][] = [];
  const elected: ElectedEntry[] = [];
  const excluded: number[] = [];
  const tieBreaks: TieBreak[] = [];

  const distribute = () => {
    const votes = new Array<number>(n).fill(0);
    let excess = 0;
    for (let g = 0; g < prefs.length; g++) {
      const p = prefs[g]!;
      const w = weights[g]!;
      let value = M;
      for (let i = 0; i < p.length && value > 0; i++) {
        const c = p[i]!;
        const k = keep[c]!;
        if (k === 0) continue;
        const got = k === M ? value : mulFloorMeekUnit(value, k);
        votes[c] = votes[c]! + got * w;
        value -= got;
      }
      excess += value * w;
    }
    return { votes, excess };
  };

  const iterate = () => {
    let iterations = 0;
    let prevSurplus = Infinity;
    for (;;) {
      iterations++;
      const { votes, excess } = distribute();
      const quota = Math.floor((total - excess) / (seats + 1)) + 1;
      let surplus = 0;
      let anyElected = false;
      let reached = false;
      for (let c = 0; c < n; c++) {
        if (status[c] === 'elected') {
          anyElected = true;
          if (votes[c]! > quota) surplus += votes[c]! - quota;
        } else if (status[c] === 'continuing' && votes[c]! >= quota) reached = true;
      }
      const done = (why: MeekStage['stoppedBecause']) => ({ votes, excess, quota, surplus, iterations, why });
      if (reached) return done('quota_reached');
      if (!anyElected) return done('no_elected');
      if (surplus <= tolerance) return done('converged');
      if (surplus >= prevSurplus) return done('stalled');
      if (iterations >= maxIterations) return done('iteration_limit');
      prevSurplus = surplus;
      for (let c = 0; c < n; c++) {
        if (status[c] !== 'elected' || votes[c]! <= 0) continue;
        const next = ceilDiv(BigInt(keep[c]!) * BigInt(quota), BigInt(votes[c]!));
        keep[c] = next > BigInt(M) ? M : Number(next);
      }
    }
  };

  let open = { status: [] as CandidateStatus[], elected: [] as number[] };
  const record = (action: MeekAction) => {
    const r = iterate();
    const newly: number[] = [];
    for (let c = 0; c < n; c++) if (status[c] === 'continuing' && r.votes[c]! >= r.quota) newly.push(c);
    newly.sort((a, b) => r.votes[b]! - r.votes[a]! || lotPos[a]! - lotPos[b]!);
    const seatsLeft = seats - elected.length;
    if (newly.length > seatsLeft) {
      // Only possible when elected candidates sit a few units under the quota after
      // rounding: more hopefuls reached it than there are seats. The most votes win;
      // a tie at the cut goes by lot.
      const cut = r.votes[newly[seatsLeft - 1]!]!;
      const tiedAtCut = newly.filter((c) => r.votes[c] === cut);
      const above = newly.filter((c) => r.votes[c]! > cut);
      if (above.length + tiedAtCut.length > seatsLeft) {
        const won = tiedAtCut.slice(0, seatsLeft - above.length);
        tieBreaks.push({
          stage: stages.length + 1,
          purpose: 'seat',
          tied: [...tiedAtCut].sort((a, b) => a - b),
          chosen: won,
          method: 'lot',
          explanation: `${tiedAtCut.map((c) => `#${c}`).join(', ')} reached the quota with equal votes at stage ${stages.length + 1} for ${won.length} seat(s); by the lot, ${won.map((c) => `#${c}`).join(', ')} chosen.`,
        });
      }
      newly.length = seatsLeft;
    }
    for (const c of newly) {
      status[c] = 'elected';
      elected.push({ candidate: c, stage: stages.length + 1, by: 'quota' });
    }
    open = { status: status.slice(), elected: newly };
    const stage: MeekStage = {
      stage: stages.length + 1,
      action,
      iterations: r.iterations,
      stoppedBecause: r.why,
      quota: r.quota,
      votes: r.votes,
      keep: keep.slice(),
      excess: r.excess,
      surplus: r.surplus,
      status: open.status,
      elected: open.elected,
      total: r.votes.reduce((a, b) => a + b, 0) + r.excess,
    };
    if (stage.total !== total) throw new Error(`internal: stage ${stage.stage} does not add up`);
    stages.push(stage);
    history.push(r.votes);
    return stage;
  };

  let stage = record({ kind: 'first_preferences' });
  const outcome = validVotes === 0 ? 'no_valid_votes' : 'complete';
  while (outcome === 'complete') {
    const seatsLeft = seats - elected.length;
    if (seatsLeft <= 0) break;
    const hopeful = [];
    for (let c = 0; c < n; c++) if (status[c] === 'continuing') hopeful.push(c);
    if (hopeful.length <= seatsLeft) {
      const last = open;
      hopeful.sort((a, b) => stage.votes[b]! - stage.votes[a]! || lotPos[a]! - lotPos[b]!);
      for (const c of hopeful) {
        status[c] = 'elected';
        last.status[c] = 'elected';
        last.elected.push(c);
        elected.push({ candidate: c, stage: stage.stage, by: 'last_vacancies' });
      }
      break;
    }
    if (stage.elected.length > 0) {
      stage = record({ kind: 'surplus', candidates: stage.elected.slice() });
      continue;
    }
    const low = Math.min(...hopeful.map((c) => stage.votes[c]!));
    const tied = hopeful.filter((c) => stage.votes[c] === low);
    let x = tied[0]!;
    if (tied.length > 1) {
      const t = breakTie({ tied, stage: stage.stage, history, want: 'lowest', lotPos, purpose: 'exclusion', show });
      x = t.chosen;
      tieBreaks.push(t.tieBreak);
    }
    status[x] = 'excluded';
    keep[x] = 0;
    excluded.push(x);
    stage = record({ kind: 'exclusion', candidate: x });
  }

  return {
    method: 'stv_meek',
    unit: M,
    candidates: input.candidates.slice(),
    seats,
    outcome,
    validVotes,
    emptyVotes: prep.emptyVotes,
    tolerance,
    stages,
    elected,
    excluded,
    withdrawn: status.flatMap((s, c) => (s === 'withdrawn' ? [c] : [])),
    unfilledSeats: outcome === 'complete' ? Math.max(0, seats - elected.length) : seats,
    tieBreaks,
    lot: input.lot.slice(),
  };
}
