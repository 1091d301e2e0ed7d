/**
 * A ranked ballot as the form holds it — a rank (or none) per option — and
 * its check before sending, by the domain's own rules (the server checks
 * again with them and has the final word), for a message before the round trip.
 */
import { rankedBallotProblems } from '@coopnet/domain/voting/ballot';

/** rank per option index; null = not ranked */
export type Ranks = (number | null)[];

export type RankingProblem =
  | { code: 'ballot.empty' }
  | { code: 'ballot.duplicate_rank'; rank: number; options: number[] }
  | { code: 'ballot.gap'; missing: number };

/** Problems of a ranking, in the order a person would fix them. */
export function rankingProblems(ranks: Ranks): RankingProblem[] {
  // Options are named by their index; the form offers only its options and ranks 1…n.
  const marks = ranks.flatMap((rank, option) => (rank === null ? [] : [{ option: String(option), rank }]));
  const options = ranks.map((_, option) => String(option));
  return rankedBallotProblems(marks, options, { allowEmpty: false }).flatMap((p): RankingProblem[] => {
    if (p.code === 'ballot.empty') return [{ code: p.code }];
    if (p.code === 'ballot.duplicate_rank') {
      return [{ code: p.code, rank: p.details.rank as number, options: (p.details.options as string[]).map(Number) }];
    }
    if (p.code === 'ballot.gap') return [{ code: p.code, missing: p.details.missingRank as number }];
    return [];
  });
}

/** The ballot the API takes: option indices, most preferred first. Call only without problems. */
export function rankingOf(ranks: Ranks): number[] {
  return ranks
    .map((rank, option) => ({ rank, option }))
    .filter((x): x is { rank: number; option: number } => x.rank !== null)
    .sort((a, b) => a.rank - b.rank)
    .map((x) => x.option);
}
