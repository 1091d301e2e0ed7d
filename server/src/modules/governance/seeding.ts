/**
 * For whatever sets a network up without its people (the demo seed, tests):
 * the bodies every network has from its first start, and a meeting put in
 * the calendar in the caller's transaction — with no coordinator and no
 * audit event of its own: the seed records one for everything it made.
 */
import type { Executor } from '../../db/database.ts';
import type { AssemblyTable, ElectorateTable, ParticipationTable, ProposalCommentTable, ProposalTable } from '../../db/schema-governance.ts';
import { insertAssembly, replaceAgenda } from './assemblies/assemblies.repository.ts';
import { type BoxEntry, createBox, insertParticipation, writeBox } from './ballots/ballots.repository.ts';
import { bodyOfKind } from './bodies/bodies.repository.ts';
import { insertElectorate } from './bodies/electorate.repository.ts';
import { insertComment, insertProposal } from './proposals/proposals.repository.ts';

/** The assembly, the council and the first committee, as ensureGovernance made them. */
export async function governanceBodies(ex: Executor) {
  const assembly = await bodyOfKind(ex, 'assembly');
  const council = await bodyOfKind(ex, 'council');
  const committee = await bodyOfKind(ex, 'committee');
  if (!assembly || !council || !committee) throw new Error('the network has no governance bodies yet: ensureGovernance makes them');
  return { assembly, council, committee };
}

export async function scheduleAssembly(ex: Executor, row: AssemblyTable): Promise<void> {
  await insertAssembly(ex, row);
}

/** A proposal as the seed has it, with what its vote froze and gathered (empty for one not yet put to a vote). */
export interface SeededProposal {
  proposal: ProposalTable;
  electorate?: ElectorateTable[];
  ballots?: BoxEntry[];
  participation?: ParticipationTable[];
  comments?: ProposalCommentTable[];
}

const BATCH = 400;

async function inBatches<T>(rows: T[], insert: (batch: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH) await insert(rows.slice(i, i + BATCH));
}

export async function seedProposal(ex: Executor, s: SeededProposal): Promise<void> {
  await insertProposal(ex, s.proposal);
  if (s.electorate) await inBatches(s.electorate, (b) => insertElectorate(ex, b));
  if (s.electorate || s.ballots) {
    await createBox(ex, s.proposal.id);
    if (s.ballots?.length) await writeBox(ex, s.proposal.id, s.ballots);
  }
  if (s.participation) await inBatches(s.participation, (b) => insertParticipation(ex, b));
  for (const c of s.comments ?? []) await insertComment(ex, c);
}

/** An assembly's agenda, in order. */
export async function seedAgenda(ex: Executor, assemblyId: string, proposalIds: string[]): Promise<void> {
  await replaceAgenda(ex, assemblyId, proposalIds);
}
