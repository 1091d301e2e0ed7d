/** Ventures' SQL. */
import type { Executor } from '../../db/database.ts';
import type {
  VentureNeedTable,
  VentureOfferTable,
  VentureStageChangeTable,
  VentureTable,
} from '../../db/schema-ventures.ts';

export const insertVenture = (ex: Executor, row: VentureTable) => ex.insertInto('ventures').values(row).execute();

export const venture = (ex: Executor, id: string) =>
  ex.selectFrom('ventures').selectAll().where('id', '=', id).executeTakeFirst();

export const updateVenture = (ex: Executor, id: string, patch: Partial<Omit<VentureTable, 'id'>>) =>
  ex.updateTable('ventures').set(patch).where('id', '=', id).execute();

/** Moves the stage only if it is still `from`: two moves at once make one. */
export async function moveStage(ex: Executor, id: string, from: string, to: VentureTable['stage'], at: string) {
  const r = await ex
    .updateTable('ventures')
    .set({ stage: to, updated_at: at })
    .where('id', '=', id)
    .where('stage', '=', from as VentureTable['stage'])
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export const insertStageChange = (ex: Executor, row: VentureStageChangeTable) =>
  ex.insertInto('venture_stage_changes').values(row).execute();

export const stageChanges = (ex: Executor, ventureId: string) =>
  ex
    .selectFrom('venture_stage_changes as s')
    .leftJoin('people as p', 'p.id', 's.changed_by')
    .select(['s.from_stage', 's.to_stage', 's.reason', 's.changed_at', 'p.display_name as by_name'])
    .where('s.venture_id', '=', ventureId)
    .orderBy('s.changed_at')
    .orderBy('s.id')
    .limit(200)
    .execute();

/** Every venture with how many of its needs are still open, newest first. */
export const ventures = (ex: Executor) =>
  ex
    .selectFrom('ventures as v')
    .leftJoin('venture_needs as n', (j) => j.onRef('n.venture_id', '=', 'v.id').on('n.met', '=', 0))
    .select((eb) => [
      'v.id',
      'v.name',
      'v.description',
      'v.sector',
      'v.stage',
      eb.fn.count<string | number>('n.id').as('open_needs'),
    ])
    .groupBy(['v.id', 'v.name', 'v.description', 'v.sector', 'v.stage', 'v.created_at'])
    .orderBy('v.created_at', 'desc')
    .limit(500)
    .execute();

export const ventureOfCoop = (ex: Executor, coopId: string) =>
  ex.selectFrom('ventures').selectAll().where('coop_id', '=', coopId).executeTakeFirst();

export const coopOf = (ex: Executor, coopId: string) =>
  ex.selectFrom('coops').select(['id', 'slug', 'status']).where('id', '=', coopId).executeTakeFirst();

// ── needs ──

export const insertNeeds = (ex: Executor, rows: VentureNeedTable[]) =>
  rows.length === 0 ? Promise.resolve() : ex.insertInto('venture_needs').values(rows).execute();

export const needs = (ex: Executor, ventureId: string) =>
  ex
    .selectFrom('venture_needs')
    .selectAll()
    .where('venture_id', '=', ventureId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();

export const need = (ex: Executor, ventureId: string, needId: string) =>
  ex
    .selectFrom('venture_needs')
    .selectAll()
    .where('venture_id', '=', ventureId)
    .where('id', '=', needId)
    .executeTakeFirst();

export const setNeedMet = (ex: Executor, needId: string, met: boolean) =>
  ex
    .updateTable('venture_needs')
    .set({ met: met ? 1 : 0 })
    .where('id', '=', needId)
    .execute();

export const deleteNeed = (ex: Executor, needId: string) =>
  ex.deleteFrom('venture_needs').where('id', '=', needId).execute();

export const countNeeds = async (ex: Executor, ventureId: string) =>
  Number(
    (
      await ex
        .selectFrom('venture_needs')
        .select((eb) => eb.fn.countAll<string | number>().as('n'))
        .where('venture_id', '=', ventureId)
        .executeTakeFirstOrThrow()
    ).n,
  );

// ── the founding team ──

export const addToTeam = (
  ex: Executor,
  row: { venture_id: string; person_id: string; role: string; joined_at: string },
) => ex.insertInto('venture_team').values(row).execute();

export const team = (ex: Executor, ventureId: string) =>
  ex
    .selectFrom('venture_team as t')
    .innerJoin('people as p', 'p.id', 't.person_id')
    .select(['t.person_id', 'p.display_name as name', 't.role'])
    .where('t.venture_id', '=', ventureId)
    .orderBy('t.joined_at')
    .execute();

export const isInTeam = async (ex: Executor, ventureId: string, personId: string) =>
  !!(await ex
    .selectFrom('venture_team')
    .select('person_id')
    .where('venture_id', '=', ventureId)
    .where('person_id', '=', personId)
    .executeTakeFirst());

export const countTeam = async (ex: Executor, ventureId: string) =>
  Number(
    (
      await ex
        .selectFrom('venture_team')
        .select((eb) => eb.fn.countAll<string | number>().as('n'))
        .where('venture_id', '=', ventureId)
        .executeTakeFirstOrThrow()
    ).n,
  );

export async function leaveTeam(ex: Executor, ventureId: string, personId: string) {
  const r = await ex
    .deleteFrom('venture_team')
    .where('venture_id', '=', ventureId)
    .where('person_id', '=', personId)
    .executeTakeFirst();
  return Number(r.numDeletedRows) === 1;
}

// ── offers ──

export const insertOffer = (ex: Executor, row: VentureOfferTable) =>
  ex.insertInto('venture_offers').values(row).execute();

export const offers = (ex: Executor, ventureId: string) =>
  ex
    .selectFrom('venture_offers as o')
    .innerJoin('people as p', 'p.id', 'o.person_id')
    .select(['o.id', 'o.kind', 'o.text', 'o.status', 'o.person_id', 'p.display_name as person_name', 'o.created_at'])
    .where('o.venture_id', '=', ventureId)
    .orderBy('o.created_at')
    .orderBy('o.id')
    .limit(500)
    .execute();

export const offer = (ex: Executor, ventureId: string, offerId: string) =>
  ex
    .selectFrom('venture_offers')
    .selectAll()
    .where('venture_id', '=', ventureId)
    .where('id', '=', offerId)
    .executeTakeFirst();

export const openOfferOf = (ex: Executor, ventureId: string, personId: string, kind: 'skill' | 'join') =>
  ex
    .selectFrom('venture_offers')
    .select('id')
    .where('venture_id', '=', ventureId)
    .where('person_id', '=', personId)
    .where('kind', '=', kind)
    .where('status', '=', 'open')
    .executeTakeFirst();

/**
 * Changes an offer's status only if it is still one of `from`: one statement,
 * so two people accepting the same offer at once accept it once.
 */
export async function decideOffer(
  ex: Executor,
  offerId: string,
  from: readonly VentureOfferTable['status'][],
  to: VentureOfferTable['status'],
  by: string,
  at: string,
) {
  const r = await ex
    .updateTable('venture_offers')
    .set({ status: to, decided_by: by, decided_at: at })
    .where('id', '=', offerId)
    .where('status', 'in', [...from])
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
