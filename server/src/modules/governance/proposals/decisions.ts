/**
 * What the network decided, for the modules whose settings are chosen by a
 * vote (the settlement policy): the latest passed proposal of a matter, its
 * subject read with the matter's schema.
 */
import type { Executor } from '../../../db/database.ts';
import type { MatterDefinition } from '../matters.ts';
import { latestPassed } from './proposals.repository.ts';
import { subjectFor } from './stored.ts';

export interface PassedDecision<S> {
  proposalId: string;
  subject: S;
  /** when the vote was decided (its closing time for a decision recorded before that was kept) */
  decidedAt: string | null;
}

/** The latest passed proposal of this matter, or null while none has passed. */
export async function lastPassed<S>(ex: Executor, matter: MatterDefinition<S>): Promise<PassedDecision<S> | null> {
  const row = await latestPassed(ex, matter.matter);
  if (!row) return null;
  return {
    proposalId: row.id,
    subject: subjectFor(matter, row.subject_json),
    decidedAt: row.decided_at ?? row.voting_closes_at,
  };
}

/** Whether `id` names a proposal that passed: the decision a fund movement may rest on. */
export async function isPassedProposal(ex: Executor, id: string): Promise<boolean> {
  const row = await ex.selectFrom('proposals').select('status').where('id', '=', id).executeTakeFirst();
  return row?.status === 'passed';
}
