/** Participatory budgeting's SQL: rounds, their eligible members, projects and allocations. */
import type { DialectName, Executor } from '../../db/database.ts';
import type { BudgetAllocationTable, BudgetProjectTable, BudgetRoundTable } from '../../db/schema-budgeting.ts';

export const insertRound = (ex: Executor, row: BudgetRoundTable) =>
  ex.insertInto('budget_rounds').values(row).execute();

export const rounds = (ex: Executor) =>
  ex.selectFrom('budget_rounds').selectAll().orderBy('opened_at', 'desc').orderBy('id').limit(100).execute();

/** A round; on PostgreSQL locked for the transaction (`update`: the close) or shared (`share`: an allocation). */
export function round(ex: Executor, id: string, lock?: { dialect: DialectName; mode: 'update' | 'share' }) {
  let q = ex.selectFrom('budget_rounds').selectAll().where('id', '=', id);
  if (lock?.dialect === 'postgres') q = lock.mode === 'update' ? q.forUpdate() : q.forShare();
  return q.executeTakeFirst();
}

/** The workers of member co-ops, now: the round's eligible members. */
export async function enrolMembers(ex: Executor, roundId: string): Promise<number> {
  await ex
    .insertInto('budget_members')
    .columns(['round_id', 'person_id'])
    .expression((eb) =>
      eb
        .selectFrom('people as p')
        .innerJoin('coops as c', 'c.id', 'p.coop_id')
        .select([eb.val(roundId).as('round_id'), 'p.id'])
        .where('p.status', '=', 'active')
        .where('c.status', '=', 'member'),
    )
    .execute();
  const r = await ex
    .selectFrom('budget_members')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('round_id', '=', roundId)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export const setShare = (ex: Executor, roundId: string, members: number, shareCents: number) =>
  ex.updateTable('budget_rounds').set({ members, share_cents: shareCents }).where('id', '=', roundId).execute();

/** Whether the person is one of the round's members; on PostgreSQL their row is locked: one allocation at a time. */
export async function isMember(ex: Executor, roundId: string, personId: string, dialect?: DialectName) {
  let q = ex
    .selectFrom('budget_members')
    .select('person_id')
    .where('round_id', '=', roundId)
    .where('person_id', '=', personId);
  if (dialect === 'postgres') q = q.forUpdate();
  return !!(await q.executeTakeFirst());
}

export const projects = (ex: Executor, roundId: string) =>
  ex
    .selectFrom('budget_projects as b')
    .leftJoin('programmes as g', 'g.id', 'b.programme_id')
    .selectAll('b')
    .select('g.name as programme_name')
    .where('b.round_id', '=', roundId)
    .orderBy('b.proposed_at')
    .orderBy('b.id')
    .execute();

export const countProjects = async (ex: Executor, roundId: string) =>
  Number(
    (
      await ex
        .selectFrom('budget_projects')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('round_id', '=', roundId)
        .executeTakeFirstOrThrow()
    ).n,
  );

export const insertProject = (ex: Executor, row: BudgetProjectTable) =>
  ex.insertInto('budget_projects').values(row).execute();

export const programmeExists = async (ex: Executor, id: string) =>
  !!(await ex.selectFrom('programmes').select('id').where('id', '=', id).executeTakeFirst());

export const allocationOf = (ex: Executor, roundId: string, personId: string) =>
  ex
    .selectFrom('budget_allocations')
    .select(['project_id', 'cents'])
    .where('round_id', '=', roundId)
    .where('person_id', '=', personId)
    .orderBy('project_id')
    .execute();

/** Replaces the person's whole allocation in the round. */
export async function replaceAllocation(
  ex: Executor,
  roundId: string,
  personId: string,
  lines: { projectId: string; cents: number }[],
  at: string,
) {
  await ex.deleteFrom('budget_allocations').where('round_id', '=', roundId).where('person_id', '=', personId).execute();
  const rows = lines
    .filter((l) => l.cents > 0)
    .map((l) => ({ round_id: roundId, person_id: personId, project_id: l.projectId, cents: l.cents, at }));
  if (rows.length > 0) await ex.insertInto('budget_allocations').values(rows).execute();
}

/** Many members' allocations at once (the demo's seed). */
export const insertAllocations = (ex: Executor, rows: BudgetAllocationTable[]) =>
  rows.length === 0
    ? Promise.resolve()
    : ex
        .insertInto('budget_allocations')
        .values(rows)
        .execute()
        .then(() => undefined);

/** Every allocation of the round: read only by the close. */
export const allAllocations = (ex: Executor, roundId: string) =>
  ex.selectFrom('budget_allocations').select(['project_id', 'cents']).where('round_id', '=', roundId).execute();

export const closeRound = (ex: Executor, roundId: string, by: string, at: string, grantedCents: number) =>
  ex
    .updateTable('budget_rounds')
    .set({ closed_by: by, closed_at: at, granted_cents: grantedCents })
    .where('id', '=', roundId)
    .where('closed_at', 'is', null)
    .executeTakeFirst();

export const storeResult = (ex: Executor, projectId: string, totalCents: number, grantedCents: number) =>
  ex
    .updateTable('budget_projects')
    .set({ total_cents: totalCents, granted_cents: grantedCents })
    .where('id', '=', projectId)
    .execute();

export const setMovement = (ex: Executor, projectId: string, movementId: string) =>
  ex.updateTable('budget_projects').set({ movement_id: movementId }).where('id', '=', projectId).execute();

/** The programmes sub-fund's balance. */
export const programmesBalance = async (ex: Executor) =>
  Number(
    (
      await ex
        .selectFrom('ledger_sub_funds')
        .select('balance_cents')
        .where('code', '=', 'programmes')
        .executeTakeFirst()
    )?.balance_cents ?? 0,
  );

/** A project of a closed round granted `cents` for `programmeId` (null: none) and not yet paid. */
export async function unpaidGrant(ex: Executor, roundId: string, cents: number, programmeId: string | null) {
  let q = ex
    .selectFrom('budget_projects as b')
    .innerJoin('budget_rounds as r', 'r.id', 'b.round_id')
    .select('b.id')
    .where('r.id', '=', roundId)
    .where('r.closed_at', 'is not', null)
    .where('b.granted_cents', '=', cents)
    .where('b.movement_id', 'is', null);
  q = programmeId === null ? q.where('b.programme_id', 'is', null) : q.where('b.programme_id', '=', programmeId);
  return q.executeTakeFirst();
}
