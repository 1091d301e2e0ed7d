/**
 * The seam through which a module above the fund vouches for decisions of
 * its own kind: a participatory budgeting round's close (`round`, decision
 * 0026) is checked by the budgeting module, registered in server/src/wiring.ts.
 * A kind nobody registered is never a decision. Proposals and approvals are
 * the fund's own checks and cannot be replaced here.
 */
import type { ledger } from '@coopnet/domain';
import type { Executor } from '../../db/database.ts';

/** Whether `decision` allows the movement `draft` (posted with `meta.programmeId`), read inside the posting's transaction. */
export type DecisionCheck = (
  ex: Executor,
  decision: ledger.Decision,
  draft: ledger.MovementDraft,
  meta: { programmeId: string | null },
) => Promise<boolean>;

type OwnKind = Exclude<ledger.Decision['kind'], 'proposal' | 'approval'>;
const checks = new Map<OwnKind, DecisionCheck>();

export function registerDecisionCheck(kind: OwnKind, check: DecisionCheck): void {
  if (!checks.has(kind)) checks.set(kind, check);
}

export const decisionCheck = (kind: ledger.Decision['kind']): DecisionCheck | undefined =>
  kind === 'proposal' || kind === 'approval' ? undefined : checks.get(kind);
