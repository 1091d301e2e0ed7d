/** Participatory budgeting's tables (migration 0022). Money in cents. */

export interface BudgetRoundTable {
  id: string;
  title: string;
  amount_cents: number;
  cap_cents: number;
  /** the workers of member co-ops when the round opened */
  members: number;
  share_cents: number;
  proposals_from: string;
  proposals_until: string;
  allocation_from: string;
  allocation_until: string;
  opened_by: string;
  opened_at: string;
  closed_by: string | null;
  closed_at: string | null;
  granted_cents: number | null;
}

export interface BudgetMemberTable {
  round_id: string;
  person_id: string;
}

export interface BudgetProjectTable {
  id: string;
  round_id: string;
  title: string;
  description: string;
  minimum_cents: number;
  maximum_cents: number;
  programme_id: string | null;
  proposed_by: string;
  proposed_at: string;
  total_cents: number | null;
  granted_cents: number | null;
  movement_id: string | null;
}

export interface BudgetAllocationTable {
  round_id: string;
  person_id: string;
  project_id: string;
  cents: number;
  at: string;
}

export interface BudgetingTables {
  budget_rounds: BudgetRoundTable;
  budget_members: BudgetMemberTable;
  budget_projects: BudgetProjectTable;
  budget_allocations: BudgetAllocationTable;
}
