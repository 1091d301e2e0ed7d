/** Assemblies, their agenda and attendance: all SQL of assemblies. */
import type { Executor } from '../../../db/database.ts';
import type { AssemblyTable } from '../../../db/schema-governance.ts';

export async function insertAssembly(ex: Executor, row: AssemblyTable): Promise<void> {
  await ex.insertInto('assemblies').values(row).execute();
}

export async function findAssembly(ex: Executor, id: string) {
  return ex.selectFrom('assemblies').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function updateAssembly(ex: Executor, id: string, patch: Partial<AssemblyTable>): Promise<void> {
  await ex.updateTable('assemblies').set(patch).where('id', '=', id).execute();
}

/**
 * Upcoming meetings first (soonest first), then past ones (latest first). Two
 * ordered queries joined by paging arithmetic: portable, unlike ordering one
 * query by a CASE with NULLs, which the two engines sort differently.
 */
export async function listAssemblies(ex: Executor, q: { when?: 'upcoming' | 'past'; limit: number; offset: number }, now: string) {
  const upcoming = () => ex.selectFrom('assemblies').where('ends_at', '>=', now);
  const past = () => ex.selectFrom('assemblies').where('ends_at', '<', now);
  const countOf = async (query: ReturnType<typeof upcoming>) =>
    Number((await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const nUpcoming = q.when === 'past' ? 0 : await countOf(upcoming());
  const nPast = q.when === 'upcoming' ? 0 : await countOf(past());
  const rows: AssemblyTable[] = [];
  if (q.when !== 'past' && q.offset < nUpcoming) {
    rows.push(...(await upcoming().selectAll().orderBy('starts_at').orderBy('id').limit(q.limit).offset(q.offset).execute()));
  }
  const room = q.limit - rows.length;
  if (q.when !== 'upcoming' && room > 0) {
    const pastOffset = Math.max(0, q.offset - nUpcoming);
    rows.push(...(await past().selectAll().orderBy('starts_at', 'desc').orderBy('id').limit(room).offset(pastOffset).execute()));
  }
  return { rows, total: nUpcoming + nPast };
}

/** The next assembly not yet over (the earliest to start), if any. */
export async function nextAssembly(ex: Executor, now: string): Promise<AssemblyTable | undefined> {
  return ex.selectFrom('assemblies').selectAll().where('ends_at', '>=', now).orderBy('starts_at').orderBy('id').limit(1).executeTakeFirst();
}

/** For the calendar feed: what is coming and what happened since `since`. */
export async function assembliesSince(ex: Executor, since: string, limit: number) {
  return ex.selectFrom('assemblies').selectAll().where('ends_at', '>=', since).orderBy('starts_at').orderBy('id').limit(limit).execute();
}

export async function agendaOf(ex: Executor, assemblyIds: string[]) {
  if (assemblyIds.length === 0) return [];
  return ex
    .selectFrom('assembly_agenda')
    .innerJoin('proposals', 'proposals.id', 'assembly_agenda.proposal_id')
    .select(['assembly_agenda.assembly_id as assemblyId', 'assembly_agenda.proposal_id as proposalId', 'assembly_agenda.position', 'proposals.title', 'proposals.status'])
    .where('assembly_agenda.assembly_id', 'in', assemblyIds)
    .orderBy('assembly_agenda.position')
    .execute();
}

export async function attendanceCounts(ex: Executor, assemblyIds: string[]): Promise<Map<string, number>> {
  if (assemblyIds.length === 0) return new Map();
  const rows = await ex
    .selectFrom('attendance')
    .select(['assembly_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('assembly_id', 'in', assemblyIds)
    .groupBy('assembly_id')
    .execute();
  return new Map(rows.map((r) => [r.assembly_id, Number(r.n)]));
}

export async function existingProposalIds(ex: Executor, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await ex.selectFrom('proposals').select('id').where('id', 'in', ids).execute();
  return new Set(rows.map((r) => r.id));
}

export async function replaceAgenda(ex: Executor, assemblyId: string, proposalIds: string[]): Promise<void> {
  await ex.deleteFrom('assembly_agenda').where('assembly_id', '=', assemblyId).execute();
  if (proposalIds.length === 0) return;
  await ex
    .insertInto('assembly_agenda')
    .values(proposalIds.map((proposalId, i) => ({ assembly_id: assemblyId, proposal_id: proposalId, position: i + 1 })))
    .execute();
}

export async function findAttendance(ex: Executor, assemblyId: string, personId: string) {
  return ex.selectFrom('attendance').selectAll().where('assembly_id', '=', assemblyId).where('person_id', '=', personId).executeTakeFirst();
}

export async function insertAttendance(ex: Executor, row: { assembly_id: string; person_id: string; recorded_at: string }): Promise<void> {
  await ex.insertInto('attendance').values(row).execute();
}

export async function deleteAttendance(ex: Executor, assemblyId: string, personId: string): Promise<boolean> {
  const r = await ex.deleteFrom('attendance').where('assembly_id', '=', assemblyId).where('person_id', '=', personId).executeTakeFirst();
  return Number(r.numDeletedRows) === 1;
}

export async function listAttendance(ex: Executor, assemblyId: string, q: { limit: number; offset: number }) {
  const base = ex.selectFrom('attendance').where('attendance.assembly_id', '=', assemblyId);
  const rows = await base
    .innerJoin('people', 'people.id', 'attendance.person_id')
    .leftJoin('coops', 'coops.id', 'people.coop_id')
    .select(['attendance.person_id as personId', 'people.display_name as displayName', 'coops.name as coopName'])
    .orderBy('people.display_name')
    .orderBy('attendance.person_id')
    .limit(q.limit)
    .offset(q.offset)
    .execute();
  const { n } = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return { rows, total: Number(n) };
}
