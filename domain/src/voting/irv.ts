/**
 * Instant-runoff voting for one seat (also called the alternative vote or
 * ranked-choice voting). Round by round: if a continuing candidate has more
 * than half of the votes held by continuing candidates, that candidate wins;
 * otherwise the candidate with the fewest votes is excluded and each of their
 * ballots passes, whole, to its next continuing preference, or is exhausted.
 * Ties for exclusion go to the candidate with the fewest votes at the most
 * recent earlier round where the tied candidates differed, then by lot. When
 * one candidate is left, that candidate wins.
 *
 * Votes are whole numbers (ballot weights).
 */
import { assertCandidates, prepareRanked } from './ballot.ts';
import { assertLot, lotPositions } from './lot.ts';
import { addSafe } from './numbers.ts';
import { breakTie } from './ties.ts';
import type { CandidateStatus, RankedCountInput, TieBreak } from './types.ts';

export type IrvAction =
  | { readonly kind: 'first_preferences' }
  | { readonly kind: 'exclusion'; readonly candidate: number; readonly votes: number };

export interface IrvRound {
  readonly round: number;
  /** What produced this round's figures. */
  readonly action: IrvAction;
  readonly votes: readonly number[];
  /** Gained (+) or given (−) in this round; round 1: the first preferences. */
  readonly change: readonly number[];
  readonly status: readonly CandidateStatus[];
  /** Ballots exhausted so far (no continuing preference left). */
  readonly exhausted: number;
  readonly exhaustedChange: number;
  /** Votes held by continuing candidates: the base of the majority. */
  readonly continuingVotes: number;
  /** The leading candidate and whether 2 × their votes > continuingVotes. */
  readonly majority: { readonly leader: number; readonly votes: number; readonly reached: boolean } | null;
  /** Σ votes + exhausted: always the valid votes. */
  readonly total: number;
}

export interface IrvResult {
  readonly method: 'irv';
  readonly candidates: readonly string[];
  readonly outcome: 'elected' | 'no_valid_votes';
  readonly validVotes: number;
  readonly emptyVotes: number;
  readonly rounds: readonly IrvRound[];
  readonly winner: number | null;
  readonly wonBy: 'majority' | 'last_remaining' | null;
  readonly excluded: readonly number[];
  readonly withdrawn: readonly number[];
  readonly tieBreaks: readonly TieBreak[];
  readonly lot: readonly number[];
}

export function countIrv(input: RankedCountInput): IrvResult {
  assertCandidates(input.candidates);
  const n = input.candidates.length;
  assertLot(input.lot, n);
  const lotPos = lotPositions(input.lot);
  const prep = prepareRanked(n, input.ballots, input.withdrawn);
  const { prefs, weights, validVotes } = prep;
  const status: CandidateStatus[] = prep.withdrawn.map((w) => (w ? 'withdrawn' : 'continuing'));
  const votes = new Array<number>(n).fill(0);
  const piles: number[][] = Array.from({ length: n }, () => []);
  const pos = new Int32Array(prefs.length);
  for (let g = 0; g < prefs.length; g++) {
    const c = prefs[g]![0]!;
    piles[c]!.push(g);
    votes[c] = addSafe(votes[c]!, weights[g]!);
  }
  const rounds: IrvRound[] = [];
  const history: number[][] = [];
  const excluded: number[] = [];
  const tieBreaks: TieBreak[] = [];
  let exhausted = 0;
  let winner: number | null = null;
  let wonBy: IrvResult['wonBy'] = null;

  let lastStatus: CandidateStatus[] = [];
  const record = (action: IrvAction, change: number[], exhaustedChange: number) => {
    const continuing = [];
    for (let c = 0; c < n; c++) if (status[c] === 'continuing') continuing.push(c);
    const continuingVotes = continuing.reduce((s, c) => s + votes[c]!, 0);
    let majority: IrvRound['majority'] = null;
    if (continuing.length > 0) {
      const top = Math.max(...continuing.map((c) => votes[c]!));
      const leaders = continuing.filter((c) => votes[c] === top);
      majority = { leader: leaders[0]!, votes: top, reached: leaders.length === 1 && 2 * top > continuingVotes };
    }
    const round: IrvRound = {
      round: rounds.length + 1,
      action,
      votes: votes.slice(),
      change,
      status: (lastStatus = status.slice()),
      exhausted,
      exhaustedChange,
      continuingVotes,
      majority,
      total: votes.reduce((a, b) => a + b, 0) + exhausted,
    };
    if (round.total !== validVotes) throw new Error(`internal: round ${round.round} does not add up`);
    rounds.push(round);
    history.push(round.votes as number[]);
    return { continuing, round };
  };

  let { continuing, round } = record({ kind: 'first_preferences' }, votes.slice(), 0);
  if (validVotes > 0) {
    for (;;) {
      if (round.majority?.reached) {
        winner = round.majority.leader;
        wonBy = 'majority';
        break;
      }
      if (continuing.length === 1) {
        winner = continuing[0]!;
        wonBy = 'last_remaining';
        break;
      }
      const low = Math.min(...continuing.map((c) => votes[c]!));
      const tied = continuing.filter((c) => votes[c] === low);
      let x = tied[0]!;
      if (tied.length > 1) {
        const t = breakTie({
          tied,
          stage: round.round,
          history,
          want: 'lowest',
          lotPos,
          purpose: 'exclusion',
          show: String,
        });
        x = t.chosen;
        tieBreaks.push(t.tieBreak);
      }
      status[x] = 'excluded';
      excluded.push(x);
      const change = new Array<number>(n).fill(0);
      const had = votes[x]!;
      change[x] = -had;
      let exhaustedNow = 0;
      for (const g of piles[x]!) {
        const p = prefs[g]!;
        let i = pos[g]! + 1;
        while (i < p.length && status[p[i]!] !== 'continuing') i++;
        pos[g] = i;
        const w = weights[g]!;
        if (i < p.length) {
          const d = p[i]!;
          piles[d]!.push(g);
          votes[d] = votes[d]! + w;
          change[d] = change[d]! + w;
        } else {
          exhaustedNow += w;
        }
      }
      exhausted += exhaustedNow;
      piles[x] = [];
      votes[x] = 0;
      ({ continuing, round } = record({ kind: 'exclusion', candidate: x, votes: had }, change, exhaustedNow));
    }
  }
  if (winner !== null) {
    status[winner] = 'elected';
    lastStatus[winner] = 'elected';
  }

  return {
    method: 'irv',
    candidates: input.candidates.slice(),
    outcome: winner === null ? 'no_valid_votes' : 'elected',
    validVotes,
    emptyVotes: prep.emptyVotes,
    rounds,
    winner,
    wonBy,
    excluded,
    withdrawn: status.flatMap((s, c) => (s === 'withdrawn' ? [c] : [])),
    tieBreaks,
    lot: input.lot.slice(),
  };
}
