/**
 * Community programmes: a coordinator starts one with its coordinators; they
 * create volunteer shifts; members sign up and withdraw. A place is taken by
 * one conditional update in the sign-up's transaction, so a full shift
 * refuses more even when two sign-ups arrive together.
 */
import type { Figure, FigureInput, Programme, ProgrammeInput, Shift, ShiftInput } from '@coopnet/contract/programmes';
import { programmes as rules } from '@coopnet/domain';
import type { AppDeps } from '../../deps.ts';
import type { MaybeActor } from '../../platform/auth/actor.ts';
import { authorize } from '../../platform/auth/authorize.ts';
import { recordAudit } from '../../platform/audit/audit.repository.ts';
import { newId, nowIso } from '../../platform/clock.ts';
import { badRequest, conflict, notFound } from '../../platform/errors.ts';
import { fromTheFund } from '../fund/index.ts';
import { programmesPolicy } from './programmes.policy.ts';
import * as repo from './programmes.repository.ts';

const SHIFT_PROBLEMS: Record<rules.ShiftProblem, string> = {
  ends_before_start: 'A shift ends after it starts.',
  too_long: `A shift lasts ${rules.MAX_SHIFT_HOURS} hours at most.`,
  places: `A shift has between 1 and ${rules.MAX_PLACES} places.`,
};

export function programmesService({ db }: AppDeps) {
  async function create(actor: MaybeActor, input: ProgrammeInput): Promise<{ id: string }> {
    authorize(actor, programmesPolicy.create(actor));
    const ids = [...new Set(input.coordinatorIds)];
    return db.transaction().execute(async (trx) => {
      const found = await repo.activePeople(trx, ids);
      if (found.length !== ids.length)
        throw badRequest('programmes.unknown_person', 'Every coordinator is a person of the network.');
      const id = newId();
      const row = {
        id,
        kind: input.kind,
        name: input.name,
        description: input.description,
        created_by: actor.personId,
        created_at: nowIso(),
      };
      await repo.insertProgramme(trx, row);
      await repo.insertCoordinators(trx, id, ids);
      await recordAudit(trx, {
        actorId: actor.personId,
        action: 'programme.created',
        subjectType: 'programme',
        subjectId: id,
        after: { ...row, coordinatorIds: ids },
      });
      return { id };
    });
  }

  const list = async () => ({ items: await repo.programmes(db) });

  async function read(actor: MaybeActor, id: string): Promise<Programme> {
    const p = await repo.programme(db, id);
    if (!p) throw notFound('programme');
    const halfYearAgo = new Date(Date.now() - 183 * 86_400_000).toISOString().slice(0, 10);
    const [people, shifts, figures, fromFundCents] = await Promise.all([
      repo.coordinators(db, id),
      repo.upcomingShifts(db, id, nowIso()),
      repo.figuresSince(db, id, halfYearAgo),
      fromTheFund(db, id),
    ]);
    const mine = actor
      ? await repo.signedUpTo(
          db,
          actor.personId,
          shifts.map((s) => s.id),
        )
      : new Set<string>();
    return {
      id: p.id,
      kind: p.kind,
      name: p.name,
      description: p.description,
      coordinators: people,
      shifts: shifts.map((s) => present(s, mine.has(s.id))),
      figures: figures.map((f) => ({ measure: f.measure, weekOf: f.week_of, value: Number(f.value) })),
      canAddShifts:
        !!actor &&
        programmesPolicy.addShift(
          actor,
          people.some((c) => c.id === actor.personId),
        ),
      fromFundCents,
    };
  }

  async function addShift(actor: MaybeActor, programmeId: string, input: ShiftInput): Promise<Shift> {
    authorize(actor, !!actor);
    const problem = rules.shiftProblem(input.startsAt, input.endsAt, input.places);
    if (problem) throw badRequest(`programmes.${problem}`, SHIFT_PROBLEMS[problem]);
    return db.transaction().execute(async (trx) => {
      if (!(await repo.programme(trx, programmeId))) throw notFound('programme');
      const coordinates = (await repo.coordinators(trx, programmeId)).some((c) => c.id === actor.personId);
      authorize(actor, programmesPolicy.addShift(actor, coordinates));
      const row = {
        id: newId(),
        programme_id: programmeId,
        title: input.title,
        starts_at: new Date(input.startsAt).toISOString(),
        ends_at: new Date(input.endsAt).toISOString(),
        places: input.places,
        taken: 0,
        created_by: actor.personId,
        created_at: nowIso(),
      };
      await repo.insertShift(trx, row);
      await recordAudit(trx, {
        actorId: actor.personId,
        action: 'programme.shift_created',
        subjectType: 'programme_shift',
        subjectId: row.id,
        after: row,
      });
      return present(row, false);
    });
  }

  async function signUp(actor: MaybeActor, programmeId: string, shiftId: string): Promise<Shift> {
    authorize(actor, programmesPolicy.signUp(actor));
    return db.transaction().execute(async (trx) => {
      const s = await repo.shift(trx, programmeId, shiftId);
      if (!s) throw notFound('shift');
      if (s.ends_at < nowIso()) throw conflict('programmes.shift_over', 'This shift is over.');
      if (await repo.isSignedUp(trx, shiftId, actor.personId)) return present(s, true);
      if (!(await repo.takePlace(trx, shiftId))) throw conflict('programmes.shift_full', 'This shift is full.');
      await repo.insertSignup(trx, shiftId, actor.personId, nowIso());
      await recordAudit(trx, {
        actorId: actor.personId,
        action: 'programme.signed_up',
        subjectType: 'programme_shift',
        subjectId: shiftId,
      });
      return present((await repo.shift(trx, programmeId, shiftId))!, true);
    });
  }

  async function withdraw(actor: MaybeActor, programmeId: string, shiftId: string): Promise<Shift> {
    authorize(actor, !!actor);
    return db.transaction().execute(async (trx) => {
      const s = await repo.shift(trx, programmeId, shiftId);
      if (!s) throw notFound('shift');
      if (await repo.deleteSignup(trx, shiftId, actor.personId)) {
        await repo.givePlaceBack(trx, shiftId);
        await recordAudit(trx, {
          actorId: actor.personId,
          action: 'programme.withdrew',
          subjectType: 'programme_shift',
          subjectId: shiftId,
        });
      }
      return present((await repo.shift(trx, programmeId, shiftId))!, false);
    });
  }

  async function reportFigure(actor: MaybeActor, programmeId: string, input: FigureInput): Promise<Figure> {
    authorize(actor, !!actor);
    if (!rules.isMonday(input.weekOf)) throw badRequest('programmes.week_of', 'A week is named by its Monday.');
    return db.transaction().execute(async (trx) => {
      if (!(await repo.programme(trx, programmeId))) throw notFound('programme');
      const coordinates = (await repo.coordinators(trx, programmeId)).some((c) => c.id === actor.personId);
      authorize(actor, programmesPolicy.reportFigures(actor, coordinates));
      const row = {
        programme_id: programmeId,
        measure: input.measure,
        week_of: input.weekOf,
        value: input.value,
        reported_by: actor.personId,
        reported_at: nowIso(),
      };
      await repo.saveFigure(trx, row);
      await recordAudit(trx, {
        actorId: actor.personId,
        action: 'programme.figure_reported',
        subjectType: 'programme',
        subjectId: programmeId,
        after: row,
      });
      return { measure: input.measure, weekOf: input.weekOf, value: input.value };
    });
  }

  return { create, list, read, addShift, signUp, withdraw, reportFigure };
}

function present(
  s: {
    id: string;
    programme_id: string;
    title: string;
    starts_at: string;
    ends_at: string;
    places: number;
    taken: number;
  },
  signedUp: boolean,
): Shift {
  return {
    id: s.id,
    programmeId: s.programme_id,
    title: s.title,
    startsAt: s.starts_at,
    endsAt: s.ends_at,
    places: Number(s.places),
    placesLeft: rules.placesLeft(Number(s.places), Number(s.taken)),
    signedUp,
  };
}
