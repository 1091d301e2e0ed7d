/** All SQL of who may vote on a proposal: the frozen electorate, and the facts it is frozen from. */
import type { Executor } from '../../../db/database.ts';
import type { ElectorateTable } from '../../../db/schema-governance.ts';

export async function insertElectorate(ex: Executor, rows: ElectorateTable[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 400) await ex.insertInto('electorate').values(rows.slice(i, i + 400)).execute();
}

export async function electorateEntry(ex: Executor, proposalId: string, personId: string) {
  return ex.selectFrom('electorate').selectAll().where('proposal_id', '=', proposalId).where('person_id', '=', personId).executeTakeFirst();
}

export async function electorateOf(ex: Executor, proposalId: string) {
  return ex.selectFrom('electorate').selectAll().where('proposal_id', '=', proposalId).execute();
}

/** Removes one person from an open vote's electorate (a recalled delegate); the frozen size stays. */
export async function removeFromElectorate(ex: Executor, proposalId: string, personId: string): Promise<void> {
  await ex.deleteFrom('electorate').where('proposal_id', '=', proposalId).where('person_id', '=', personId).execute();
}

/** Is this person an active worker of a member co-op — a member of the network and of its assembly? */
export async function isNetworkMember(ex: Executor, personId: string): Promise<boolean> {
  const row = await ex
    .selectFrom('people')
    .innerJoin('coops', 'coops.id', 'people.coop_id')
    .select('people.id')
    .where('people.id', '=', personId)
    .where('people.status', '=', 'active')
    .where('coops.status', '=', 'member')
    .executeTakeFirst();
  return !!row;
}

/** For each co-op, its co-op admins who can vote (active people), oldest grant first. */
export async function coopAdmins(ex: Executor, coopIds: string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  for (let i = 0; i < coopIds.length; i += 500) {
    const rows = await ex
      .selectFrom('role_grants')
      .innerJoin('people', 'people.id', 'role_grants.person_id')
      .select(['role_grants.coop_id', 'role_grants.person_id'])
      .where('role_grants.role', '=', 'coop_admin')
      .where('role_grants.coop_id', 'in', coopIds.slice(i, i + 500))
      .where('people.status', '=', 'active')
      .orderBy('role_grants.created_at')
      .orderBy('role_grants.id')
      .execute();
    for (const r of rows) out.set(r.coop_id, [...(out.get(r.coop_id) ?? []), r.person_id]);
  }
  return out;
}

/** Worker counts of co-ops, for the weighted basis. */
export async function workerCounts(ex: Executor, coopIds: string[]): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  for (let i = 0; i < coopIds.length; i += 500) {
    const rows = await ex.selectFrom('coops').select(['id', 'worker_count']).where('id', 'in', coopIds.slice(i, i + 500)).execute();
    for (const r of rows) out.set(r.id, Number(r.worker_count));
  }
  return out;
}

/** People recorded present at an assembly that had this proposal on its agenda. */
export async function attendeesFor(ex: Executor, proposalId: string): Promise<string[]> {
  const rows = await ex
    .selectFrom('attendance')
    .innerJoin('assembly_agenda', 'assembly_agenda.assembly_id', 'attendance.assembly_id')
    .select('attendance.person_id')
    .distinct()
    .where('assembly_agenda.proposal_id', '=', proposalId)
    .execute();
  return rows.map((r) => r.person_id);
}

/** The voting weight of those who have voted so far (themselves or through a delegate): a count, never what. */
export async function votedWeight(ex: Executor, proposalId: string): Promise<number> {
  const row = await ex
    .selectFrom('participation')
    .innerJoin('electorate', (j) => j.onRef('electorate.proposal_id', '=', 'participation.proposal_id').onRef('electorate.person_id', '=', 'participation.person_id'))
    .select((eb) => eb.fn.sum<number>('electorate.weight').as('w'))
    .where('participation.proposal_id', '=', proposalId)
    .executeTakeFirst();
  return Number(row?.w ?? 0);
}

/** Names of a proposal's frozen electorate (with the co-op each was counted for): who may vote, never who did. */
export async function electorateNames(ex: Executor, proposalId: string) {
  return ex
    .selectFrom('electorate')
    .innerJoin('people', 'people.id', 'electorate.person_id')
    .leftJoin('coops', 'coops.id', 'electorate.coop_id')
    .select(['electorate.person_id as personId', 'people.display_name as displayName', 'coops.name as coopName'])
    .where('electorate.proposal_id', '=', proposalId)
    .execute();
}
