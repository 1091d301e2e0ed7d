/** Community programmes' SQL. */
import type { Executor } from '../../db/database.ts';
import type { ProgrammeShiftTable, ProgrammeTable } from '../../db/schema-programmes.ts';

export const insertProgramme = (ex: Executor, row: ProgrammeTable) => ex.insertInto('programmes').values(row).execute();

export const insertCoordinators = (ex: Executor, programmeId: string, personIds: string[]) =>
  ex
    .insertInto('programme_coordinators')
    .values(personIds.map((person_id) => ({ programme_id: programmeId, person_id })))
    .execute();

export const activePeople = (ex: Executor, ids: string[]) =>
  ex.selectFrom('people').select('id').where('id', 'in', ids).where('status', '=', 'active').execute();

export const programmes = (ex: Executor) =>
  ex.selectFrom('programmes').select(['id', 'kind', 'name', 'description']).orderBy('name').limit(200).execute();

export const programme = (ex: Executor, id: string) =>
  ex.selectFrom('programmes').selectAll().where('id', '=', id).executeTakeFirst();

export const coordinators = (ex: Executor, programmeId: string) =>
  ex
    .selectFrom('programme_coordinators as c')
    .innerJoin('people as p', 'p.id', 'c.person_id')
    .select(['p.id', 'p.display_name as name'])
    .where('c.programme_id', '=', programmeId)
    .orderBy('p.display_name')
    .execute();

export const upcomingShifts = (ex: Executor, programmeId: string, from: string) =>
  ex
    .selectFrom('programme_shifts')
    .selectAll()
    .where('programme_id', '=', programmeId)
    .where('ends_at', '>=', from)
    .orderBy('starts_at')
    .limit(200)
    .execute();

export const insertShift = (ex: Executor, row: ProgrammeShiftTable) =>
  ex.insertInto('programme_shifts').values(row).execute();

export const shift = (ex: Executor, programmeId: string, shiftId: string) =>
  ex
    .selectFrom('programme_shifts')
    .selectAll()
    .where('id', '=', shiftId)
    .where('programme_id', '=', programmeId)
    .executeTakeFirst();

export const signedUpTo = async (ex: Executor, personId: string, shiftIds: string[]) =>
  shiftIds.length === 0
    ? new Set<string>()
    : new Set(
        (
          await ex
            .selectFrom('programme_signups')
            .select('shift_id')
            .where('person_id', '=', personId)
            .where('shift_id', 'in', shiftIds)
            .execute()
        ).map((r) => r.shift_id),
      );

export const isSignedUp = async (ex: Executor, shiftId: string, personId: string) =>
  !!(await ex
    .selectFrom('programme_signups')
    .select('shift_id')
    .where('shift_id', '=', shiftId)
    .where('person_id', '=', personId)
    .executeTakeFirst());

/** Takes one place if one is left: one statement, so two sign-ups for the last place cannot both take it. */
export async function takePlace(ex: Executor, shiftId: string): Promise<boolean> {
  const r = await ex
    .updateTable('programme_shifts')
    .set((eb) => ({ taken: eb('taken', '+', 1) }))
    .where('id', '=', shiftId)
    .whereRef('taken', '<', 'places')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export const givePlaceBack = (ex: Executor, shiftId: string) =>
  ex
    .updateTable('programme_shifts')
    .set((eb) => ({ taken: eb('taken', '-', 1) }))
    .where('id', '=', shiftId)
    .where('taken', '>', 0)
    .execute();

export const insertSignup = (ex: Executor, shiftId: string, personId: string, at: string) =>
  ex.insertInto('programme_signups').values({ shift_id: shiftId, person_id: personId, signed_at: at }).execute();

export async function deleteSignup(ex: Executor, shiftId: string, personId: string): Promise<boolean> {
  const r = await ex
    .deleteFrom('programme_signups')
    .where('shift_id', '=', shiftId)
    .where('person_id', '=', personId)
    .executeTakeFirst();
  return Number(r.numDeletedRows) === 1;
}

export const saveCalendarLink = async (ex: Executor, personId: string, tokenHash: string, at: string) => {
  await ex.deleteFrom('programme_calendar_links').where('person_id', '=', personId).execute();
  await ex
    .insertInto('programme_calendar_links')
    .values({ person_id: personId, token_hash: tokenHash, created_at: at })
    .execute();
};

export const calendarOwner = (ex: Executor, tokenHash: string) =>
  ex
    .selectFrom('programme_calendar_links as l')
    .innerJoin('people as p', 'p.id', 'l.person_id')
    .select('p.id')
    .where('l.token_hash', '=', tokenHash)
    .where('p.status', '=', 'active')
    .executeTakeFirst();

/** A person's shifts from a month ago on, for their calendar. */
export const shiftsOf = (ex: Executor, personId: string, from: string) =>
  ex
    .selectFrom('programme_signups as s')
    .innerJoin('programme_shifts as sh', 'sh.id', 's.shift_id')
    .innerJoin('programmes as p', 'p.id', 'sh.programme_id')
    .select(['sh.id', 'sh.title', 'p.name as programme', 'sh.starts_at', 'sh.ends_at'])
    .where('s.person_id', '=', personId)
    .where('sh.ends_at', '>=', from)
    .orderBy('sh.starts_at')
    .limit(500)
    .execute();

export async function saveFigure(
  ex: Executor,
  row: {
    programme_id: string;
    measure: string;
    week_of: string;
    value: number;
    reported_by: string;
    reported_at: string;
  },
) {
  await ex
    .deleteFrom('programme_figures')
    .where('programme_id', '=', row.programme_id)
    .where('measure', '=', row.measure)
    .where('week_of', '=', row.week_of)
    .execute();
  await ex.insertInto('programme_figures').values(row).execute();
}

export const figuresSince = (ex: Executor, programmeId: string, since: string) =>
  ex
    .selectFrom('programme_figures')
    .select(['measure', 'week_of', 'value'])
    .where('programme_id', '=', programmeId)
    .where('week_of', '>=', since)
    .orderBy('week_of')
    .orderBy('measure')
    .limit(1000)
    .execute();
