/**
 * Single transferable vote under the counting rules of The Scottish Local
 * Government Elections Order 2007 (SSI 2007/42), Schedule 1, rules 45–52.
 *
 * - Quota (46): ⌊valid ballot papers ÷ (seats + 1)⌋ + 1.
 * - Election (47): a candidate whose votes equal or exceed the quota at the end
 *   of a stage is elected.
 * - Surplus (48): the candidate's surplus is transferred by sorting ALL the
 *   ballot papers credited to the candidate by next available preference for a
 *   continuing candidate; each paper carries on at the transfer value
 *   (surplus × value of the paper when received) ÷ total votes credited,
 *   calculated to five decimal places, any remainder ignored. (This is the
 *   weighted inclusive Gregory method: not the "last parcel received" of the
 *   Northern Irish or Irish rules.) Papers with no further preference are
 *   non-transferable; their share of the surplus, and what truncation to five
 *   places leaves over, are not passed on.
 * - Order of surpluses (49): the largest surplus first; equal surpluses go by
 *   the most votes at the most recent earlier stage where they differed, then
 *   by lot.
 * - Exclusion (50, 51): when no surplus remains to be transferred, the
 *   continuing candidate with the fewest votes is excluded and all their
 *   papers pass on, in one stage, at the value each had when received. Ties go
 *   by the fewest votes at the most recent earlier stage where the tied
 *   candidates differed, then by lot.
 * - Last vacancies (52): when the continuing candidates are as many as the
 *   vacancies left, they are elected and no further transfer is made.
 *
 * All values are whole numbers of hundred-thousandths of a vote (`unit`).
 */
import { assertCandidates, prepareRanked } from './ballot.ts';
import { assertLot, lotPositions } from './lot.ts';
import { SCOTTISH_UNIT, addSafe, formatUnits, isSafeWhole, mulDivFloor, mulSafe } from './numbers.ts';
import { breakTie } from './ties.ts';
import { VotingInputError, type CandidateStatus, type ElectedEntry, type RankedCountInput, type StvResultCommon, type TieBreak } from './types.ts';

export interface StvInput extends RankedCountInput {
  readonly seats: number;
}

export interface ValueRow {
  /** Value of each paper when received by the transferring candidate (units). */
  readonly valueReceived: number;
  /** Value at which each paper passes on (units). For an exclusion, the same. */
  readonly transferValue: number;
  /** Number of ballot papers (weights) with that value. */
  readonly papers: number;
}

export type ScottishAction =
  | { readonly kind: 'first_preferences' }
  | {
      readonly kind: 'surplus';
      readonly candidate: number;
      /** Surplus transferred (units). */
      readonly surplus: number;
      /** Total votes credited to the candidate before the transfer (units): the divisor of rule 48(3). */
      readonly votesCredited: number;
      /** Transfer value of a paper received at full value (units): ⌊surplus × 100000 ÷ votes credited⌋. */
      readonly transferValue: number;
      readonly values: readonly ValueRow[];
    }
  | {
      readonly kind: 'exclusion';
      readonly candidate: number;
      readonly votes: number;
      readonly values: readonly ValueRow[];
    };

export interface NonTransferable {
  /** Value of papers that had no further preference, cumulative (units). */
  readonly exhausted: number;
  /** Ballot papers (weights) that had no further preference, cumulative. */
  readonly exhaustedPapers: number;
  /** Value lost by truncating transfer values to five places, cumulative (units). */
  readonly lostToTruncation: number;
  /** exhausted + lostToTruncation. */
  readonly total: number;
}

export interface ScottishStage {
  readonly stage: number;
  readonly action: ScottishAction;
  /** Each candidate's votes at the end of the stage (units). */
  readonly votes: readonly number[];
  /** What each candidate gained (+) or gave (−) at this stage (units); at stage 1, the first preferences. */
  readonly change: readonly number[];
  /** Ballot papers (weights) in each candidate's hands at the end of the stage. */
  readonly papers: readonly number[];
  readonly status: readonly CandidateStatus[];
  readonly nonTransferable: NonTransferable;
  /** Non-transferable value added at this stage (units). */
  readonly nonTransferableChange: number;
  /** Candidates elected at the end of this stage, highest vote first. */
  readonly elected: readonly number[];
  /** Σ votes + non-transferable: always validVotes × unit. */
  readonly total: number;
}

export interface StvScottishResult extends StvResultCommon {
  readonly method: 'stv_scottish';
  readonly quota: number;
  readonly quotaVotes: number;
  readonly stages: readonly ScottishStage[];
}

interface Parcel {
  readonly value: number;
  readonly groups: number[];
  readonly weight: number;
}

/** Counts an election under the Scottish STV rules. Throws VotingInputError on bad input. */
export function countStvScottish(input: StvInput): StvScottishResult {
  const U = SCOTTISH_UNIT;
  assertCandidates(input.candidates);
  const n = input.candidates.length;
  if (!isSafeWhole(input.seats) || input.seats < 1)
    throw new VotingInputError('count.invalid_seats', 'seats must be a whole number ≥ 1');
  assertLot(input.lot, n);
  const seats = input.seats;
  const prep = prepareRanked(n, input.ballots, input.withdrawn);
  const { prefs, weights, validVotes } = prep;
  if (!Number.isSafeInteger(validVotes * U))
    throw new VotingInputError('count.too_large', 'too many votes to count in units of 1/100000');
  const lotPos = lotPositions(input.lot);
  const quotaVotes = Math.floor(validVotes / (seats + 1)) + 1;
  const Q = quotaVotes * U;
  const show = (v: number) => formatUnits(v, U);

  const status: CandidateStatus[] = prep.withdrawn.map((w) => (w ? 'withdrawn' : 'continuing'));
  const votes = new Array<number>(n).fill(0);
  const papers = new Array<number>(n).fill(0);
  const piles: Parcel[][] = Array.from({ length: n }, () => []);
  const pos = new Int32Array(prefs.length);
  const surplusDone = new Array<boolean>(n).fill(false);
  const stages: ScottishStage[] = [];
  const history: number[][] = [];
  const elected: ElectedEntry[] = [];
  const excluded: number[] = [];
  const tieBreaks: TieBreak[] = [];
  let exhausted = 0;
  let exhaustedPapers = 0;
  let lost = 0;

  // Stage 1: first preferences (rule 45).
  {
    const groupsOf: number[][] = Array.from({ length: n }, () => []);
    const weightOf = new Array<number>(n).fill(0);
    for (let g = 0; g < prefs.length; g++) {
      const c = prefs[g]![0]!;
      groupsOf[c]!.push(g);
      weightOf[c] = weightOf[c]! + weights[g]!;
    }
    for (let c = 0; c < n; c++) {
      if (groupsOf[c]!.length === 0) continue;
      piles[c]!.push({ value: U, groups: groupsOf[c]!, weight: weightOf[c]! });
      papers[c] = weightOf[c]!;
      votes[c] = mulSafe(weightOf[c]!, U);
    }
  }

  // The latest stage's status and elected lists, still open for rule 52.
  let open = { status: [] as CandidateStatus[], elected: [] as number[] };
  const record = (action: ScottishAction, change: number[], ntChange: number) => {
    const newly = electReached();
    const total = votes.reduce((a, b) => a + b, 0) + exhausted + lost;
    open = { status: status.slice(), elected: newly };
    const stage: ScottishStage = {
      stage: stages.length + 1,
      action,
      votes: votes.slice(),
      change,
      papers: papers.slice(),
      status: open.status,
      nonTransferable: { exhausted, exhaustedPapers, lostToTruncation: lost, total: exhausted + lost },
      nonTransferableChange: ntChange,
      elected: newly,
      total,
    };
    if (total !== validVotes * U) throw new Error(`internal: stage ${stage.stage} does not add up`);
    stages.push(stage);
    history.push(stage.votes as number[]);
  };

  const electReached = (): number[] => {
    const newly = [];
    for (let c = 0; c < n; c++) if (status[c] === 'continuing' && votes[c]! >= Q) newly.push(c);
    newly.sort((a, b) => votes[b]! - votes[a]! || lotPos[a]! - lotPos[b]!);
    for (const c of newly) {
      status[c] = 'elected';
      elected.push({ candidate: c, stage: stages.length + 1, by: 'quota' });
    }
    return newly;
  };

  /** Moves all papers of `from` to the next continuing preference; returns change and what was not passed on. */
  const transfer = (from: number, valueOf: (received: number) => number) => {
    const change = new Array<number>(n).fill(0);
    const rows = new Map<number, { transferValue: number; papers: number }>();
    let passed = 0;
    let exhaustedNow = 0;
    for (const parcel of piles[from]!) {
      const tv = valueOf(parcel.value);
      const row = rows.get(parcel.value);
      if (row) row.papers += parcel.weight;
      else rows.set(parcel.value, { transferValue: tv, papers: parcel.weight });
      const buckets = new Map<number, number[]>();
      const bucketWeight = new Map<number, number>();
      let exW = 0;
      for (const g of parcel.groups) {
        const p = prefs[g]!;
        let i = pos[g]! + 1;
        while (i < p.length && status[p[i]!] !== 'continuing') i++;
        pos[g] = i;
        const w = weights[g]!;
        if (i < p.length) {
          const d = p[i]!;
          const b = buckets.get(d);
          if (b) b.push(g);
          else buckets.set(d, [g]);
          bucketWeight.set(d, (bucketWeight.get(d) ?? 0) + w);
        } else {
          exW += w;
        }
      }
      for (const [d, groups] of buckets) {
        const w = bucketWeight.get(d)!;
        const add = mulSafe(tv, w);
        piles[d]!.push({ value: tv, groups, weight: w });
        votes[d] = addSafe(votes[d]!, add);
        papers[d] = papers[d]! + w;
        change[d] = change[d]! + add;
        passed += add;
      }
      const exV = mulSafe(tv, exW);
      exhausted += exV;
      exhaustedNow += exV;
      exhaustedPapers += exW;
    }
    piles[from] = [];
    papers[from] = 0;
    const values = [...rows.entries()]
      .sort((a, b) => b[0] - a[0])
      .map(([valueReceived, r]) => ({ valueReceived, transferValue: r.transferValue, papers: r.papers }));
    return { change, passed, exhaustedNow, values };
  };

  record({ kind: 'first_preferences' }, votes.slice(), 0);

  const outcome = validVotes === 0 ? 'no_valid_votes' : 'complete';
  while (outcome === 'complete') {
    const seatsLeft = seats - elected.length;
    if (seatsLeft <= 0) break;
    const continuing = [];
    for (let c = 0; c < n; c++) if (status[c] === 'continuing') continuing.push(c);
    if (continuing.length <= seatsLeft) {
      // Rule 52: the remaining continuing candidates fill the last vacancies.
      const last = open;
      continuing.sort((a, b) => votes[b]! - votes[a]! || lotPos[a]! - lotPos[b]!);
      for (const c of continuing) {
        status[c] = 'elected';
        last.status[c] = 'elected';
        last.elected.push(c);
        elected.push({ candidate: c, stage: stages.length, by: 'last_vacancies' });
      }
      break;
    }
    const stageNo = stages.length + 1;
    const pending = [];
    for (let c = 0; c < n; c++) {
      if (status[c] === 'elected' && !surplusDone[c]) {
        if (votes[c]! > Q) pending.push(c);
        else surplusDone[c] = true;
      }
    }
    if (pending.length > 0) {
      // Rules 48 and 49: the largest surplus first.
      const top = Math.max(...pending.map((c) => votes[c]!));
      const tied = pending.filter((c) => votes[c] === top);
      let c = tied[0]!;
      if (tied.length > 1) {
        const t = breakTie({
          tied,
          stage: stageNo - 1,
          history,
          want: 'highest',
          lotPos,
          purpose: 'surplus_order',
          show,
        });
        c = t.chosen;
        tieBreaks.push(t.tieBreak);
      }
      const T = votes[c]!;
      const S = T - Q;
      const r = transfer(c, (received) => mulDivFloor(S, received, T));
      const lostNow = S - r.passed - r.exhaustedNow;
      lost += lostNow;
      votes[c] = Q;
      r.change[c] = -S;
      surplusDone[c] = true;
      record(
        {
          kind: 'surplus',
          candidate: c,
          surplus: S,
          votesCredited: T,
          transferValue: mulDivFloor(S, U, T),
          values: r.values,
        },
        r.change,
        r.exhaustedNow + lostNow,
      );
      continue;
    }
    // Rules 50 and 51: exclude the continuing candidate with the fewest votes.
    const low = Math.min(...continuing.map((c) => votes[c]!));
    const tied = continuing.filter((c) => votes[c] === low);
    let c = tied[0]!;
    if (tied.length > 1) {
      const t = breakTie({ tied, stage: stageNo - 1, history, want: 'lowest', lotPos, purpose: 'exclusion', show });
      c = t.chosen;
      tieBreaks.push(t.tieBreak);
    }
    status[c] = 'excluded';
    excluded.push(c);
    const had = votes[c]!;
    const r = transfer(c, (received) => received);
    votes[c] = 0;
    r.change[c] = -had;
    record(
      { kind: 'exclusion', candidate: c, votes: had, values: r.values.map((v) => ({ ...v })) },
      r.change,
      r.exhaustedNow,
    );
  }

  return {
    method: 'stv_scottish',
    unit: U,
    candidates: input.candidates.slice(),
    seats,
    outcome,
    validVotes,
    emptyVotes: prep.emptyVotes,
    quota: Q,
    quotaVotes,
    stages,
    elected,
    excluded,
    withdrawn: status.flatMap((s, c) => (s === 'withdrawn' ? [c] : [])),
    unfilledSeats: outcome === 'complete' ? Math.max(0, seats - elected.length) : seats,
    tieBreaks,
    lot: input.lot.slice(),
  };
}
