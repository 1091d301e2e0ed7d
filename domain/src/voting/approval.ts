/**
 * Approval voting for N seats: each ballot approves any number of options;
 * the N options with the most approvals (by weight) win. Options with equal
 * approvals are ordered by the lot; a tie that decides a seat is published as
 * such, and so is every other tie in the published order.
 */
import { ballotWeight } from './ballot.ts';
import { assertLot, lotPositions } from './lot.ts';
import { addSafe, isSafeWhole } from './numbers.ts';
import { VotingInputError, type TieBreak } from './types.ts';

export interface ApprovalBallot {
  /** Approved option indices (any order, no repeats). */
  readonly approvals: readonly number[];
  readonly weight?: number;
}

export interface ApprovalInput {
  readonly options: readonly string[];
  readonly ballots: readonly ApprovalBallot[];
  readonly seats: number;
  readonly lot: readonly number[];
}

export interface ApprovalResult {
  readonly method: 'approval';
  readonly options: readonly string[];
  readonly seats: number;
  /** Total weight of ballots, and of those approving nothing. */
  readonly ballots: number;
  readonly blankBallots: number;
  /** Approvals (weights) per option. */
  readonly tallies: readonly number[];
  /** Options from most to fewest approvals, equal tallies ordered by the lot. */
  readonly order: readonly number[];
  readonly elected: readonly number[];
  readonly tieBreaks: readonly TieBreak[];
  readonly lot: readonly number[];
}

export function countApproval(input: ApprovalInput): ApprovalResult {
  const n = input.options.length;
  if (n === 0) throw new VotingInputError('count.no_candidates', 'an approval vote needs at least one option');
  if (!isSafeWhole(input.seats) || input.seats < 1)
    throw new VotingInputError('count.invalid_seats', 'seats must be a whole number ≥ 1');
  assertLot(input.lot, n);
  const lotPos = lotPositions(input.lot);
  const seats = Math.min(input.seats, n);
  const tallies = new Array<number>(n).fill(0);
  const seen = new Int32Array(n).fill(-1);
  let ballots = 0;
  let blank = 0;
  input.ballots.forEach((b, i) => {
    const w = ballotWeight(b.weight, i);
    ballots = addSafe(ballots, w);
    if (b.approvals.length === 0) blank = addSafe(blank, w);
    for (const c of b.approvals) {
      if (!isSafeWhole(c) || c < 0 || c >= n)
        throw new VotingInputError('ballot.unknown_option', `ballot ${i + 1} approves an unknown option`, {
          ballot: i,
          option: c,
        });
      if (seen[c] === i)
        throw new VotingInputError('ballot.duplicate_option', `ballot ${i + 1} approves option ${c} twice`, {
          ballot: i,
          option: c,
        });
      seen[c] = i;
      tallies[c] = addSafe(tallies[c]!, w);
    }
  });
  const order = Array.from({ length: n }, (_, i) => i).sort(
    (a, b) => tallies[b]! - tallies[a]! || lotPos[a]! - lotPos[b]!,
  );
  const tieBreaks: TieBreak[] = [];
  for (let i = 0; i < n;) {
    let j = i + 1;
    while (j < n && tallies[order[j]!] === tallies[order[i]!]) j++;
    if (j - i > 1) {
      const group = order.slice(i, j);
      const straddles = i < seats && j > seats;
      tieBreaks.push({
        stage: 0,
        purpose: straddles ? 'seat' : 'ranking',
        tied: [...group].sort((a, b) => a - b),
        chosen: straddles ? group.slice(0, seats - i) : group,
        method: 'lot',
        explanation: straddles
          ? `${group.map((c) => `#${c}`).join(', ')} each have ${tallies[group[0]!]} approvals for ${seats - i} remaining seat(s); by the lot, ${group
              .slice(0, seats - i)
              .map((c) => `#${c}`)
              .join(', ')} elected.`
          : `${group.map((c) => `#${c}`).join(', ')} each have ${tallies[group[0]!]} approvals; the lot orders them ${group.map((c) => `#${c}`).join(', ')}.`,
      });
    }
    i = j;
  }
  return {
    method: 'approval',
    options: input.options.slice(),
    seats: input.seats,
    ballots,
    blankBallots: blank,
    tallies,
    order,
    elected: order.slice(0, seats),
    tieBreaks,
    lot: input.lot.slice(),
  };
}
