/** Rounds and projects as the API shows them: totals and grants only once the round is closed. */
import type { Project, RoundSummary } from '@coopnet/contract/budgeting';
import { budgeting as rules } from '@coopnet/domain';
import type { BudgetProjectTable, BudgetRoundTable } from '../../db/schema-budgeting.ts';

export const planOf = (r: BudgetRoundTable): rules.RoundPlan => ({
  amount: Number(r.amount_cents),
  capPerProject: Number(r.cap_cents),
  proposalsFrom: r.proposals_from,
  proposalsUntil: r.proposals_until,
  allocationFrom: r.allocation_from,
  allocationUntil: r.allocation_until,
});

export const phaseOf = (r: BudgetRoundTable, today: string) => rules.roundPhase(planOf(r), today, r.closed_at !== null);

export function presentRound(r: BudgetRoundTable, today: string): RoundSummary {
  const closed = r.closed_at !== null;
  return {
    id: r.id,
    title: r.title,
    amountCents: Number(r.amount_cents),
    capCents: Number(r.cap_cents),
    members: Number(r.members),
    shareCents: Number(r.share_cents),
    proposalsFrom: r.proposals_from,
    proposalsUntil: r.proposals_until,
    allocationFrom: r.allocation_from,
    allocationUntil: r.allocation_until,
    phase: phaseOf(r, today),
    grantedCents: closed ? Number(r.granted_cents) : null,
  };
}

export function presentProject(p: BudgetProjectTable & { programme_name: string | null }, closed: boolean): Project {
  return {
    id: p.id,
    title: p.title,
    description: p.description,
    minimumCents: Number(p.minimum_cents),
    maximumCents: Number(p.maximum_cents),
    programme: p.programme_id ? { id: p.programme_id, name: p.programme_name ?? '' } : null,
    totalCents: closed ? Number(p.total_cents ?? 0) : null,
    grantedCents: closed ? Number(p.granted_cents ?? 0) : null,
  };
}
