import type { Cents } from '../money/money.ts';

export interface RoundPlan {
  amount: Cents;
  capPerProject: Cents;
  proposalsFrom: string; // ISO dates, inclusive
  proposalsUntil: string;
  allocationFrom: string;
  allocationUntil: string;
}

export type RoundProblem =
  | 'amount-not-positive'
  | 'over-sub-fund'
  | 'cap-not-positive'
  | 'proposals-end-before-start'
  | 'allocation-before-proposals-end'
  | 'allocation-end-before-start';

/** What is wrong with a round a coordinator opens; `available` is the programmes sub-fund's balance. */
export function roundProblems(plan: RoundPlan, available: Cents): RoundProblem[] {
  const problems: RoundProblem[] = [];
  if (!Number.isSafeInteger(plan.amount) || plan.amount <= 0) problems.push('amount-not-positive');
  else if (plan.amount > available) problems.push('over-sub-fund');
  if (!Number.isSafeInteger(plan.capPerProject) || plan.capPerProject <= 0) problems.push('cap-not-positive');
  if (plan.proposalsUntil < plan.proposalsFrom) problems.push('proposals-end-before-start');
  if (plan.allocationFrom <= plan.proposalsUntil) problems.push('allocation-before-proposals-end');
  if (plan.allocationUntil < plan.allocationFrom) problems.push('allocation-end-before-start');
  return problems;
}

export type RoundPhase = 'before' | 'proposals' | 'between' | 'allocation' | 'due' | 'closed';

/** Where a round stands on a day; 'due' means the allocation period is over and the round awaits its close. */
export function roundPhase(plan: RoundPlan, today: string, closed: boolean): RoundPhase {
  if (closed) return 'closed';
  if (today < plan.proposalsFrom) return 'before';
  if (today <= plan.proposalsUntil) return 'proposals';
  if (today < plan.allocationFrom) return 'between';
  if (today <= plan.allocationUntil) return 'allocation';
  return 'due';
}

export type ProposalProblem = 'minimum-not-positive' | 'maximum-below-minimum' | 'maximum-over-round';

/** A project asks for a minimum of at least a cent and a maximum between its minimum and the round's amount. */
export function proposalProblems(minimum: Cents, maximum: Cents, roundAmount: Cents): ProposalProblem[] {
  const problems: ProposalProblem[] = [];
  if (!Number.isSafeInteger(minimum) || minimum <= 0) problems.push('minimum-not-positive');
  if (!Number.isSafeInteger(maximum) || maximum < minimum) problems.push('maximum-below-minimum');
  else if (maximum > roundAmount) problems.push('maximum-over-round');
  return problems;
}
