/**
 * Use cases of assemblies: coordinators call a meeting of a body, set its
 * agenda of proposals, record who attended (attendance can count toward a
 * vote's quorum, see closing.ts) and keep its minutes. Anyone reads them.
 */
import type { AssemblyInput, AssemblyListQuery, AssemblyPatch } from '@coopnet/contract/governance-bodies';
import type { Executor } from '../../../db/database.ts';
import type { AppDeps } from '../../../deps.ts';
import type { AssemblyTable } from '../../../db/schema-governance.ts';
import type { MaybeActor } from '../../../platform/auth/actor.ts';
import { authorize } from '../../../platform/auth/authorize.ts';
import { recordAudit } from '../../../platform/audit/audit.repository.ts';
import { newId, nowIso } from '../../../platform/clock.ts';
import { badRequest, conflict, notFound } from '../../../platform/errors.ts';
import { presentAssembly } from './assemblies.presenter.ts';
import * as repo from './assemblies.repository.ts';
import { bodiesPolicy } from '../bodies/bodies.policy.ts';
import { belongsTo, findBody, findPersonWithCoop } from '../bodies/bodies.repository.ts';

const utc = (iso: string) => new Date(iso).toISOString();

/** The next assembly not yet over, as the home page shows it: when, where, of which body. */
export async function upcomingAssembly(ex: Executor) {
  const a = await repo.nextAssembly(ex, nowIso());
  return a ? { id: a.id, bodyId: a.body_id, title: a.title, startsAt: a.starts_at, endsAt: a.ends_at, place: a.place, videoUrl: a.video_url } : null;
}

function checkTimes(startsAt: string, endsAt: string) {
  if (Date.parse(endsAt) <= Date.parse(startsAt)) {
    throw badRequest('governance.bad_times', 'An assembly must end after it starts.', [{ path: 'endsAt', message: 'must be after startsAt' }]);
  }
}

export function assembliesService({ db }: AppDeps) {
  async function load(id: string) {
    const a = await repo.findAssembly(db, id);
    if (!a) throw notFound('assembly');
    return a;
  }

  async function present(rows: AssemblyTable[]) {
    const ids = rows.map((r) => r.id);
    const [agenda, counts] = await Promise.all([repo.agendaOf(db, ids), repo.attendanceCounts(db, ids)]);
    return rows.map((a) => presentAssembly(a, agenda, counts.get(a.id) ?? 0));
  }

  async function list(q: AssemblyListQuery) {
    const { rows, total } = await repo.listAssemblies(db, q, nowIso());
    return { items: await present(rows), total, limit: q.limit, offset: q.offset };
  }

  async function show(actor: MaybeActor, id: string) {
    const [a] = await present([await load(id)]);
    return { ...a!, abilities: { manage: bodiesPolicy.manageAssemblies(actor) } };
  }

  async function create(actor: MaybeActor, input: AssemblyInput) {
    authorize(actor, bodiesPolicy.manageAssemblies(actor));
    const body = await findBody(db, input.bodyId);
    if (!body) throw notFound('body');
    checkTimes(input.startsAt, input.endsAt);
    const now = nowIso();
    const row: AssemblyTable = {
      id: newId(),
      body_id: body.id,
      title: input.title,
      starts_at: utc(input.startsAt),
      ends_at: utc(input.endsAt),
      place: input.place ?? null,
      video_url: input.videoUrl ?? null,
      minutes: null,
      created_at: now,
      updated_at: now,
    };
    await db.transaction().execute(async (trx) => {
      await repo.insertAssembly(trx, row);
      await recordAudit(trx, { actorId: actor.personId, action: 'assembly.created', subjectType: 'assembly', subjectId: row.id, after: { bodyId: body.id, title: row.title, startsAt: row.starts_at, endsAt: row.ends_at, place: row.place } });
    });
    return show(actor, row.id);
  }

  async function update(actor: MaybeActor, id: string, patch: AssemblyPatch) {
    authorize(actor, bodiesPolicy.manageAssemblies(actor));
    const a = await load(id);
    const changes: Partial<AssemblyTable> = {
      ...(patch.title !== undefined && { title: patch.title }),
      ...(patch.startsAt !== undefined && { starts_at: utc(patch.startsAt) }),
      ...(patch.endsAt !== undefined && { ends_at: utc(patch.endsAt) }),
      ...(patch.place !== undefined && { place: patch.place }),
      ...(patch.videoUrl !== undefined && { video_url: patch.videoUrl }),
      ...(patch.minutes !== undefined && { minutes: patch.minutes }),
    };
    checkTimes(changes.starts_at ?? a.starts_at, changes.ends_at ?? a.ends_at);
    await db.transaction().execute(async (trx) => {
      await repo.updateAssembly(trx, a.id, { ...changes, updated_at: nowIso() });
      const before = Object.fromEntries(Object.keys(changes).map((k) => [k, a[k as keyof AssemblyTable]]));
      await recordAudit(trx, { actorId: actor.personId, action: 'assembly.updated', subjectType: 'assembly', subjectId: a.id, before, after: changes });
    });
    return show(actor, a.id);
  }

  async function setAgenda(actor: MaybeActor, id: string, proposalIds: string[]) {
    authorize(actor, bodiesPolicy.manageAssemblies(actor));
    const a = await load(id);
    if (new Set(proposalIds).size !== proposalIds.length) {
      throw badRequest('governance.duplicate_agenda_item', 'A proposal appears twice on the agenda.');
    }
    const known = await repo.existingProposalIds(db, proposalIds);
    const unknown = proposalIds.filter((p) => !known.has(p));
    if (unknown.length > 0) {
      throw badRequest('governance.unknown_proposals', 'Some proposals on the agenda do not exist.', unknown.map((p) => ({ path: 'proposalIds', message: `unknown proposal ${p}` })));
    }
    await db.transaction().execute(async (trx) => {
      const before = (await repo.agendaOf(trx, [a.id])).map((r) => r.proposalId);
      await repo.replaceAgenda(trx, a.id, proposalIds);
      await repo.updateAssembly(trx, a.id, { updated_at: nowIso() });
      await recordAudit(trx, { actorId: actor.personId, action: 'assembly.agenda_set', subjectType: 'assembly', subjectId: a.id, before: { proposalIds: before }, after: { proposalIds } });
    });
    return show(actor, a.id);
  }

  /** Records a member of the assembly's body as present; recording them again changes nothing. */
  async function recordAttendance(actor: MaybeActor, id: string, personId: string) {
    authorize(actor, bodiesPolicy.attendance(actor));
    const a = await load(id);
    const person = await findPersonWithCoop(db, personId);
    if (!person) throw notFound('person');
    const attendee = { personId: person.id, displayName: person.display_name, coopName: person.coop_name };
    if (await repo.findAttendance(db, a.id, person.id)) return { created: false, attendee };
    const body = (await findBody(db, a.body_id))!;
    // Attendance may count toward a quorum, so only the body's own members are recorded.
    if (!(await belongsTo(db, body, person.id, nowIso()))) {
      throw conflict('governance.not_a_member', `${person.display_name} is not a member of ${body.name}.`);
    }
    await db.transaction().execute(async (trx) => {
      await repo.insertAttendance(trx, { assembly_id: a.id, person_id: person.id, recorded_at: nowIso() });
      await recordAudit(trx, { actorId: actor.personId, action: 'attendance.recorded', subjectType: 'assembly', subjectId: a.id, coopId: person.coop_id, after: { personId: person.id } });
    });
    return { created: true, attendee };
  }

  async function removeAttendance(actor: MaybeActor, id: string, personId: string) {
    authorize(actor, bodiesPolicy.attendance(actor));
    const a = await load(id);
    await db.transaction().execute(async (trx) => {
      if (!(await repo.deleteAttendance(trx, a.id, personId))) throw notFound('attendance');
      await recordAudit(trx, { actorId: actor.personId, action: 'attendance.removed', subjectType: 'assembly', subjectId: a.id, before: { personId } });
    });
    return { ok: true as const };
  }

  async function attendance(actor: MaybeActor, id: string, q: { limit: number; offset: number }) {
    authorize(actor, bodiesPolicy.attendance(actor));
    const a = await load(id);
    const { rows, total } = await repo.listAttendance(db, a.id, q);
    return { items: rows, total, limit: q.limit, offset: q.offset };
  }

  return { list, show, create, update, setAgenda, recordAttendance, removeAttendance, attendance };
}
