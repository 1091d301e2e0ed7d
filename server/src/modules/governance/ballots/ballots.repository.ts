/**
 * All SQL of ballots and who voted: the ballot box (one row per proposal,
 * its ballots one shuffled JSON list — see migration 0003's comments),
 * participation (who voted and through whom, to the day) and delegations.
 * Casting's idempotency records are platform's (platform/idempotency.repository.ts).
 */
import type { DialectName, Executor } from '../../../db/database.ts';
import type { DelegationTable, ParticipationTable } from '../../../db/schema-governance.ts';
import { parseStored } from '../../../platform/stored-json.ts';
import { BallotBox, type BoxEntry } from './box-entry.ts';

export type { BoxEntry };

export async function createBox(ex: Executor, proposalId: string): Promise<void> {
  await ex.insertInto('ballot_boxes').values({ proposal_id: proposalId, ballots_json: '[]', ballot_count: 0 }).execute();
}

/**
 * Reads the box for a change. On PostgreSQL the row is locked until the
 * transaction ends, so casts, delegations and the close of one vote happen
 * one after another; SQLite runs one write transaction at a time anyway.
 */
export async function lockBox(ex: Executor, dialect: DialectName, proposalId: string): Promise<BoxEntry[] | undefined> {
  let q = ex.selectFrom('ballot_boxes').select('ballots_json').where('proposal_id', '=', proposalId);
  if (dialect === 'postgres') q = q.forUpdate();
  const row = await q.executeTakeFirst();
  return row ? parseStored(BallotBox, row.ballots_json, 'ballot_boxes.ballots_json') : undefined;
}

export async function readBox(ex: Executor, proposalId: string): Promise<BoxEntry[]> {
  const row = await ex.selectFrom('ballot_boxes').select('ballots_json').where('proposal_id', '=', proposalId).executeTakeFirst();
  return row ? parseStored(BallotBox, row.ballots_json, 'ballot_boxes.ballots_json') : [];
}

export async function writeBox(ex: Executor, proposalId: string, entries: BoxEntry[]): Promise<void> {
  await ex.updateTable('ballot_boxes').set({ ballots_json: JSON.stringify(entries), ballot_count: entries.length }).where('proposal_id', '=', proposalId).execute();
}

// ── Participation ──

export async function insertParticipation(ex: Executor, rows: ParticipationTable[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 400) await ex.insertInto('participation').values(rows.slice(i, i + 400)).execute();
}

export async function participationOf(ex: Executor, proposalId: string, personId: string) {
  return ex.selectFrom('participation').selectAll().where('proposal_id', '=', proposalId).where('person_id', '=', personId).executeTakeFirst();
}

export async function participants(ex: Executor, proposalId: string): Promise<string[]> {
  const rows = await ex.selectFrom('participation').select('person_id').where('proposal_id', '=', proposalId).execute();
  return rows.map((r) => r.person_id);
}

// ── Delegations ──

export async function insertDelegation(ex: Executor, row: DelegationTable): Promise<void> {
  await ex.insertInto('delegations').values(row).execute();
}

export async function activeDelegationFrom(ex: Executor, proposalId: string, personId: string) {
  return ex
    .selectFrom('delegations')
    .innerJoin('people', 'people.id', 'delegations.to_person_id')
    .select(['delegations.id', 'delegations.to_person_id', 'people.display_name as to_name'])
    .where('delegations.proposal_id', '=', proposalId)
    .where('delegations.from_person_id', '=', personId)
    .where('delegations.revoked_at', 'is', null)
    .executeTakeFirst();
}

/** Who handed their vote to this person (and has not taken it back). */
export async function activeDelegationsTo(ex: Executor, proposalId: string, personId: string): Promise<string[]> {
  const rows = await ex
    .selectFrom('delegations')
    .select('from_person_id')
    .where('proposal_id', '=', proposalId)
    .where('to_person_id', '=', personId)
    .where('revoked_at', 'is', null)
    .execute();
  return rows.map((r) => r.from_person_id);
}

/** Everyone who has handed their vote on this proposal to someone. */
export async function activeDelegators(ex: Executor, proposalId: string): Promise<string[]> {
  const rows = await ex.selectFrom('delegations').select('from_person_id').where('proposal_id', '=', proposalId).where('revoked_at', 'is', null).execute();
  return rows.map((r) => r.from_person_id);
}

export async function revokeDelegation(ex: Executor, id: string, at: string): Promise<void> {
  await ex.updateTable('delegations').set({ revoked_at: at }).where('id', '=', id).where('revoked_at', 'is', null).execute();
}
