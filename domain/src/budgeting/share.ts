import { assertCents, type Cents } from '../money/money.ts';

/**
 * Each eligible member's share of a round: the round's amount divided by
 * the eligible members, ROUNDED DOWN to the cent. The few cents left over
 * (always fewer than the number of members) are never handed out and stay
 * in the programmes sub-fund, so the shares together never exceed the round.
 */
export function memberShare(roundAmount: Cents, eligibleMembers: number): Cents {
  assertCents(roundAmount, 'round amount');
  if (!Number.isSafeInteger(eligibleMembers) || eligibleMembers <= 0 || roundAmount <= 0) return 0;
  return Math.floor(roundAmount / eligibleMembers);
}

export interface AllocationLine {
  projectId: string;
  cents: Cents;
}

export type AllocationProblem =
  | { rule: 'not-a-project'; projectId: string }
  | { rule: 'twice'; projectId: string }
  | { rule: 'not-whole-cents'; projectId: string }
  | { rule: 'over-cap'; projectId: string; cap: Cents }
  | { rule: 'over-share'; share: Cents; total: Cents };

/**
 * What is wrong with one member's allocation: every line names a project of
 * the round once, in whole positive cents, at most the cap per project, and
 * all lines together at most the member's share. Empty means allowed.
 */
export function allocationProblems(
  lines: readonly AllocationLine[],
  projectIds: ReadonlySet<string>,
  share: Cents,
  capPerProject: Cents,
): AllocationProblem[] {
  const problems: AllocationProblem[] = [];
  const seen = new Set<string>();
  let total = 0;
  for (const line of lines) {
    if (!projectIds.has(line.projectId)) problems.push({ rule: 'not-a-project', projectId: line.projectId });
    if (seen.has(line.projectId)) problems.push({ rule: 'twice', projectId: line.projectId });
    seen.add(line.projectId);
    if (!Number.isSafeInteger(line.cents) || line.cents < 0) {
      problems.push({ rule: 'not-whole-cents', projectId: line.projectId });
      continue;
    }
    if (line.cents > capPerProject) problems.push({ rule: 'over-cap', projectId: line.projectId, cap: capPerProject });
    total += line.cents;
  }
  if (total > share) problems.push({ rule: 'over-share', share, total });
  return problems;
}
