/**
 * Use cases of bodies: listing them, committees, appointing members
 * (a co-op's delegates to the council, a committee's members) and recalling
 * them. A recall also takes the person out of the open votes of their body.
 */
import type { MemberInput, MemberListQuery } from '@coopnet/contract/governance-bodies';
import type { z } from 'zod';
import type { AppDeps } from '../../../deps.ts';
import { type MaybeActor, isAdminOf, isCoordinator } from '../../../platform/auth/actor.ts';
import { authorize, requireActor } from '../../../platform/auth/authorize.ts';
import { recordAudit } from '../../../platform/audit/audit.repository.ts';
import { newId, nowIso } from '../../../platform/clock.ts';
import { badRequest, conflict, notFound } from '../../../platform/errors.ts';
import { bodiesPolicy, bodyAbilities } from './bodies.policy.ts';
import { presentBody, presentMember } from './bodies.presenter.ts';
import * as repo from './bodies.repository.ts';
import { builtInBody } from './first-start.repository.ts';
import { notify } from '../notifications/notifications.ts';

type MemberInput = z.infer<typeof MemberInput>;

const assemblyIsEveryone = () =>
  badRequest('governance.assembly_members_implicit', 'The general assembly is every worker of every member co-op; it has no list of appointed members.');

export function bodiesService(deps: AppDeps) {
  const { db } = deps;

  async function loadBody(id: string) {
    const body = await repo.findBody(db, id);
    if (!body) throw notFound('body');
    return body;
  }

  async function count(body: { id: string; kind: string }, counts: Map<string, number>, assembly: () => Promise<number>) {
    return body.kind === 'assembly' ? assembly() : (counts.get(body.id) ?? 0);
  }

  async function list() {
    const now = nowIso();
    const [bodies, counts] = await Promise.all([repo.listBodies(db), repo.memberCounts(db, now)]);
    let assemblyCount: Promise<number> | undefined;
    const assembly = () => (assemblyCount ??= repo.assemblyMemberCount(db));
    const items = [];
    for (const b of bodies) items.push(presentBody(b, await count(b, counts, assembly)));
    return { items, total: items.length, limit: items.length, offset: 0 };
  }

  async function show(actor: MaybeActor, id: string) {
    const body = await loadBody(id);
    const counts = await repo.memberCounts(db, nowIso());
    return { ...presentBody(body, await count(body, counts, () => repo.assemblyMemberCount(db))), abilities: bodyAbilities(actor, body) };
  }

  async function createCommittee(actor: MaybeActor, input: { name: string; description: string }) {
    authorize(actor, bodiesPolicy.createCommittee(actor));
    const row = { id: newId(), kind: 'committee' as const, name: input.name, description: input.description, delegates_per_coop: null, created_at: nowIso() };
    await db.transaction().execute(async (trx) => {
      await repo.insertBody(trx, row);
      await recordAudit(trx, { actorId: actor.personId, action: 'body.created', subjectType: 'body', subjectId: row.id, after: { kind: row.kind, name: row.name } });
    });
    return presentBody(row, 0);
  }

  async function members(actor: MaybeActor, bodyId: string, q: MemberListQuery) {
    const body = await loadBody(bodyId);
    if (body.kind === 'assembly') throw assemblyIsEveryone();
    const now = nowIso();
    const active = q.active === undefined ? undefined : q.active === 'true';
    const { rows, total } = await repo.listMembers(db, body.id, { ...q, active }, now);
    return { items: rows.map((m) => presentMember(m, body, actor, now)), total, limit: q.limit, offset: q.offset };
  }

  /** Council: a co-op admin appoints a worker of their co-op. Committee: a coordinator adds anyone active. */
  async function addMember(actorIn: MaybeActor, bodyId: string, input: MemberInput) {
    const actor = requireActor(actorIn);
    const body = await loadBody(bodyId);
    if (body.kind === 'assembly') throw assemblyIsEveryone();
    if (body.kind === 'committee') authorize(actor, bodiesPolicy.addMember(actor, body, null));
    const person = await repo.findPersonWithCoop(db, input.personId);
    // Someone outside the person's co-op may not learn whether the id exists.
    const maySee = !!person && (isCoordinator(actor) || actor.coopId === person.coop_id || (person.coop_id !== null && isAdminOf(actor, person.coop_id)));
    if (!person || !maySee) throw notFound('person');
    authorize(actor, bodiesPolicy.addMember(actor, body, person.coop_id));
    if (person.status !== 'active') throw conflict('governance.person_not_active', 'Only a person with an active account can be a member.');
    if (body.kind === 'council' && person.coop_status !== 'member') {
      throw conflict('governance.coop_not_member', 'Only a member co-op appoints delegates.');
    }
    const now = nowIso();
    if (input.termEnd !== undefined && Date.parse(input.termEnd) <= Date.parse(now)) {
      throw badRequest('governance.bad_term', 'The term must end in the future.', [{ path: 'termEnd', message: 'must be in the future' }]);
    }
    const row = {
      id: newId(),
      body_id: body.id,
      person_id: person.id,
      coop_id: person.coop_id,
      term_start: now,
      term_end: input.termEnd === undefined ? null : new Date(input.termEnd).toISOString(),
      recalled_at: null,
      recalled_by: null,
      created_at: now,
    };
    await db.transaction().execute(async (trx) => {
      if (body.kind === 'council') await repo.lockCoop(trx, person.coop_id!);
      if ((await repo.activeRowsOf(trx, body.id, person.id, now)).length > 0) {
        throw conflict('governance.already_member', `${person.display_name} is already a member of ${body.name}.`);
      }
      if (body.kind === 'council') {
        const max = Number(body.delegates_per_coop ?? 1);
        if ((await repo.activeDelegateCount(trx, body.id, person.coop_id!, now)) >= max) {
          throw conflict('governance.too_many_delegates', `A co-op has at most ${max} delegates in ${body.name}; recall one first.`, { max });
        }
      }
      await repo.insertMember(trx, row);
      await recordAudit(trx, {
        actorId: actor.personId,
        action: body.kind === 'council' ? 'body_member.appointed' : 'body_member.added',
        subjectType: 'body_member',
        subjectId: row.id,
        coopId: row.coop_id,
        after: { bodyId: body.id, personId: person.id, termEnd: row.term_end },
      });
      await notify(trx, deps, { personIds: [person.id], kind: 'body_member.appointed', subjectId: body.id, data: { bodyId: body.id, bodyName: body.name, bodyBuiltIn: builtInBody(body).name, memberId: row.id } });
    });
    const member = { ...row, display_name: person.display_name, person_status: person.status, coop_name: person.coop_name };
    return presentMember(member, body, actor, now);
  }

  async function recall(actorIn: MaybeActor, bodyId: string, memberId: string) {
    const actor = requireActor(actorIn);
    const body = await loadBody(bodyId);
    const member = await repo.findMember(db, body.id, memberId);
    if (!member) throw notFound('member');
    authorize(actor, bodiesPolicy.recall(actor, body, member));
    const now = nowIso();
    if (member.term_end !== null && member.term_end <= now) throw conflict('governance.not_active', 'This term has already ended.');
    await db.transaction().execute(async (trx) => {
      if (!(await repo.recallMember(trx, member.id, now, actor.personId))) throw conflict('governance.not_active', 'This member was already recalled.');
      // Appointed again in a row of its own? Then they still belong to the body and keep their votes.
      const stillMember = (await repo.activeRowsOf(trx, body.id, member.person_id, now)).length > 0;
      const removedFrom = stillMember ? [] : await repo.dropFromOpenVotes(trx, body, member.person_id, now);
      await recordAudit(trx, {
        actorId: actor.personId,
        action: 'body_member.recalled',
        subjectType: 'body_member',
        subjectId: member.id,
        coopId: member.coop_id,
        before: { recalledAt: null },
        after: { recalledAt: now, bodyId: body.id, personId: member.person_id, removedFromVotes: removedFrom },
      });
      await notify(trx, deps, { personIds: [member.person_id], kind: 'body_member.recalled', subjectId: body.id, data: { bodyId: body.id, bodyName: body.name, bodyBuiltIn: builtInBody(body).name, memberId: member.id } });
    });
    return presentMember({ ...member, recalled_at: now }, body, actor, now);
  }

  return { list, show, createCommittee, members, addMember, recall };
}
