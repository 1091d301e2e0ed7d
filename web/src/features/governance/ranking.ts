/**
 * A ranked ballot as the form holds it — a rank (or none) per option — and
 * its check before sending. The server checks again with the domain's
 * validators and has the final word; these are the same rules, for a message
 * before the round trip.
 */

/** rank per option index; null = not ranked */
export type Ranks = (number | null)[];

export type RankingProblem =
  | { code: 'ballot.empty' }
  | { code: 'ballot.duplicate_rank'; rank: number; options: number[] }
  | { code: 'ballot.gap'; missing: number };

/** Problems of a ranking, in the order a person would fix them. */
export function rankingProblems(ranks: Ranks): RankingProblem[] {
  const used = ranks.filter((r): r is number => r !== null);
  if (used.length === 0) return [{ code: 'ballot.empty' }];
  const problems: RankingProblem[] = [];
  const byRank = new Map<number, number[]>();
  ranks.forEach((r, i) => {
    if (r === null) return;
    byRank.set(r, [...(byRank.get(r) ?? []), i]);
  });
  for (const [rank, options] of [...byRank.entries()].sort((a, b) => a[0] - b[0])) {
    if (options.length > 1) problems.push({ code: 'ballot.duplicate_rank', rank, options });
  }
  const highest = Math.max(...used);
  for (let r = 1; r <= highest; r++) {
    if (!byRank.has(r)) {
      problems.push({ code: 'ballot.gap', missing: r });
      break;
    }
  }
  return problems;
}

/** The ballot the API takes: option indices, most preferred first. Call only without problems. */
export function rankingOf(ranks: Ranks): number[] {
  return ranks
    .map((rank, option) => ({ rank, option }))
    .filter((x): x is { rank: number; option: number } => x.rank !== null)
    .sort((a, b) => a.rank - b.rank)
    .map((x) => x.option);
}
