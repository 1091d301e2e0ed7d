import type { Cents } from '../money/money.ts';

export interface ProjectAsked {
  id: string;
  minimum: Cents;
  maximum: Cents;
}

export interface Allocated {
  projectId: string;
  cents: Cents;
}

export interface ProjectResult {
  id: string;
  total: Cents;
  funded: boolean;
  granted: Cents;
}

export interface RoundResult {
  projects: ProjectResult[];
  granted: Cents;
  unspent: Cents;
}

/**
 * Counts a closed round. A project's total is what members allocated to it.
 * A project is funded when its total reaches its minimum, and it is granted
 * its total up to its maximum: min(total, maximum). What a funded project got
 * over its maximum, and everything given to a project below its minimum, is
 * not spent and stays in the programmes sub-fund. No project is ever granted
 * more than the round has left: projects are granted in order of total
 * (largest first, then by id), so even allocations that were never checked
 * cannot make the grants exceed the round's amount. The order keeps the
 * result the same whatever order the allocations come in.
 */
export function countRound(roundAmount: Cents, projects: readonly ProjectAsked[], allocations: readonly Allocated[]): RoundResult {
  const totals = new Map<string, Cents>(projects.map((p) => [p.id, 0]));
  for (const a of allocations) {
    const before = totals.get(a.projectId);
    if (before === undefined || !Number.isSafeInteger(a.cents) || a.cents <= 0) continue;
    totals.set(a.projectId, before + a.cents);
  }
  const order = [...projects].sort((x, y) => (totals.get(y.id)! - totals.get(x.id)!) || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
  let left = Math.max(0, roundAmount);
  const byId = new Map<string, ProjectResult>();
  for (const p of order) {
    const total = totals.get(p.id)!;
    const wanted = total >= p.minimum && total > 0 ? Math.min(total, p.maximum) : 0;
    const granted = wanted > 0 && wanted <= left && wanted >= p.minimum ? wanted : 0;
    left -= granted;
    byId.set(p.id, { id: p.id, total, funded: granted > 0, granted });
  }
  const results = projects.map((p) => byId.get(p.id)!);
  const granted = results.reduce((s, r) => s + r.granted, 0);
  return { projects: results, granted, unspent: Math.max(0, roundAmount) - granted };
}
