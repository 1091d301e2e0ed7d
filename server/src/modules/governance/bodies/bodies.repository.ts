/** Bodies (assembly, council, committees) and their members: all SQL of bodies. */
import type { ExpressionBuilder, Nullable } from 'kysely';
import type { Executor } from '../../../db/database.ts';
import type { Database } from '../../../db/schema.ts';
import type { BodyMemberTable, BodyTable } from '../../../db/schema-governance.ts';
import { storedRule } from '../proposals/stored.ts';
import { isNetworkMember } from './electorate.repository.ts';

export type BodyKind = BodyTable['kind'];

export async function findBody(ex: Executor, id: string) {
  return ex.selectFrom('bodies').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The first body of a kind (the one assembly, the one council, the first committee). */
export async function bodyOfKind(ex: Executor, kind: BodyKind) {
  return ex.selectFrom('bodies').selectAll().where('kind', '=', kind).orderBy('created_at').orderBy('id').limit(1).executeTakeFirst();
}

export async function listBodies(ex: Executor) {
  return ex.selectFrom('bodies').selectAll().orderBy('created_at').orderBy('id').execute();
}

export async function insertBody(ex: Executor, row: BodyTable): Promise<void> {
  await ex.insertInto('bodies').values(row).execute();
}

/** Workers of member co-ops whose accounts are active: the assembly's members. */
export async function assemblyMemberCount(ex: Executor): Promise<number> {
  const r = await ex
    .selectFrom('people')
    .innerJoin('coops', 'coops.id', 'people.coop_id')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('people.status', '=', 'active')
    .where('coops.status', '=', 'member')
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Active members per council or committee, by body id. */
export async function memberCounts(ex: Executor, at: string): Promise<Map<string, number>> {
  const rows = await ex
    .selectFrom('body_members')
    .innerJoin('people', 'people.id', 'body_members.person_id')
    .select(['body_members.body_id as bodyId', (eb) => eb.fn.count<number>('body_members.person_id').distinct().as('n')])
    .where('body_members.recalled_at', 'is', null)
    .where((eb) => eb.or([eb('body_members.term_end', 'is', null), eb('body_members.term_end', '>', at)]))
    .where('people.status', '=', 'active')
    .groupBy('body_members.body_id')
    .execute();
  return new Map(rows.map((r) => [r.bodyId, Number(r.n)]));
}

export interface ActiveMember {
  personId: string;
  coopId: string | null;
  workerCount: number;
}

/**
 * Who belongs to a body at a moment. The assembly has no member rows: every
 * active worker of a member co-op belongs to it. A council or committee
 * member belongs while not recalled and before their term's end, and only
 * while their own account is active.
 */
export async function activeMembers(ex: Executor, body: { id: string; kind: string }, at: string): Promise<ActiveMember[]> {
  if (body.kind === 'assembly') {
    const rows = await ex
      .selectFrom('people')
      .innerJoin('coops', 'coops.id', 'people.coop_id')
      .select(['people.id as personId', 'people.coop_id as coopId', 'coops.worker_count as workerCount'])
      .where('people.status', '=', 'active')
      .where('coops.status', '=', 'member')
      .orderBy('people.id')
      .execute();
    return rows.map((r) => ({ personId: r.personId, coopId: r.coopId, workerCount: Number(r.workerCount) }));
  }
  const rows = await ex
    .selectFrom('body_members')
    .innerJoin('people', 'people.id', 'body_members.person_id')
    .leftJoin('coops', 'coops.id', 'body_members.coop_id')
    .select(['body_members.person_id as personId', 'body_members.coop_id as coopId', 'coops.worker_count as workerCount'])
    .where('body_members.body_id', '=', body.id)
    .where('body_members.recalled_at', 'is', null)
    .where((eb) => eb.or([eb('body_members.term_end', 'is', null), eb('body_members.term_end', '>', at)]))
    .where('people.status', '=', 'active')
    .orderBy('body_members.term_start')
    .orderBy('body_members.id')
    .execute();
  // One person appointed twice (a second term while the first runs) counts once.
  const seen = new Set<string>();
  return rows
    .filter((r) => (seen.has(r.personId) ? false : (seen.add(r.personId), true)))
    .map((r) => ({ personId: r.personId, coopId: r.coopId, workerCount: Number(r.workerCount ?? 0) }));
}

/** Member rows of a council or committee with names, newest first; `active` computed at `at`. */
export async function listMembers(ex: Executor, bodyId: string, q: { active?: boolean; coopId?: string; limit: number; offset: number }, at: string) {
  let query = ex
    .selectFrom('body_members')
    .innerJoin('people', 'people.id', 'body_members.person_id')
    .leftJoin('coops', 'coops.id', 'body_members.coop_id')
    .where('body_members.body_id', '=', bodyId);
  if (q.coopId) query = query.where('body_members.coop_id', '=', q.coopId);
  const activeNow = (eb: ExpressionBuilder<Database & { coops: Nullable<Database['coops']> }, 'body_members' | 'people' | 'coops'>) =>
    eb.and([
      eb('body_members.recalled_at', 'is', null),
      eb.or([eb('body_members.term_end', 'is', null), eb('body_members.term_end', '>', at)]),
      eb('people.status', '=', 'active'),
    ]);
  if (q.active === true) query = query.where(activeNow);
  if (q.active === false) query = query.where((eb) => eb.not(activeNow(eb)));
  const rows = await query
    .selectAll('body_members')
    .select(['people.display_name as display_name', 'people.status as person_status', 'coops.name as coop_name'])
    .orderBy('body_members.term_start', 'desc')
    .orderBy('body_members.id')
    .limit(q.limit)
    .offset(q.offset)
    .execute();
  const { total } = await query.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  return { rows, total: Number(total) };
}

export async function findMember(ex: Executor, bodyId: string, memberId: string) {
  return ex
    .selectFrom('body_members')
    .innerJoin('people', 'people.id', 'body_members.person_id')
    .leftJoin('coops', 'coops.id', 'body_members.coop_id')
    .selectAll('body_members')
    .select(['people.display_name as display_name', 'people.status as person_status', 'coops.name as coop_name'])
    .where('body_members.body_id', '=', bodyId)
    .where('body_members.id', '=', memberId)
    .executeTakeFirst();
}

export async function insertMember(ex: Executor, row: BodyMemberTable): Promise<void> {
  await ex.insertInto('body_members').values(row).execute();
}

/** Member rows of one person in one body that are active at `at` (not recalled, term running). */
export async function activeRowsOf(ex: Executor, bodyId: string, personId: string, at: string) {
  return ex
    .selectFrom('body_members')
    .select(['id', 'coop_id'])
    .where('body_id', '=', bodyId)
    .where('person_id', '=', personId)
    .where('recalled_at', 'is', null)
    .where((eb) => eb.or([eb('term_end', 'is', null), eb('term_end', '>', at)]))
    .execute();
}

/** A co-op's delegates in a council at `at`: the number the bylaws cap. */
export async function activeDelegateCount(ex: Executor, bodyId: string, coopId: string, at: string): Promise<number> {
  const r = await ex
    .selectFrom('body_members')
    .innerJoin('people', 'people.id', 'body_members.person_id')
    .select((eb) => eb.fn.count<number>('body_members.person_id').distinct().as('n'))
    .where('body_members.body_id', '=', bodyId)
    .where('body_members.coop_id', '=', coopId)
    .where('body_members.recalled_at', 'is', null)
    .where((eb) => eb.or([eb('body_members.term_end', 'is', null), eb('body_members.term_end', '>', at)]))
    .where('people.status', '=', 'active')
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/**
 * Makes concurrent appointments for one co-op wait for each other, so two
 * admins clicking at once cannot pass the delegate cap together: a no-op
 * update takes the co-op row's lock on PostgreSQL (SQLite runs one writing
 * transaction at a time anyway). Portable, unlike SELECT … FOR UPDATE.
 */
export async function lockCoop(ex: Executor, coopId: string): Promise<void> {
  await ex.updateTable('coops').set((eb) => ({ updated_at: eb.ref('updated_at') })).where('id', '=', coopId).execute();
}

/** Marks a member recalled; false when someone recalled them first (the caller answers 409). */
export async function recallMember(ex: Executor, id: string, at: string, by: string): Promise<boolean> {
  const r = await ex
    .updateTable('body_members')
    .set({ recalled_at: at, recalled_by: by })
    .where('id', '=', id)
    .where('recalled_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** The person a member would be, with the co-op they work in. */
export async function findPersonWithCoop(ex: Executor, personId: string) {
  return ex
    .selectFrom('people')
    .leftJoin('coops', 'coops.id', 'people.coop_id')
    .select(['people.id', 'people.display_name', 'people.status', 'people.coop_id', 'coops.name as coop_name', 'coops.status as coop_status'])
    .where('people.id', '=', personId)
    .executeTakeFirst();
}

/**
 * A recalled member leaves the electorate of the open votes their body
 * decides. The electorate_size frozen on the proposal stays as it was (the
 * quorum is measured against the electorate as it was at the opening); the
 * person just cannot vote any more. Their pending delegations in those votes
 * (to them or from them, while the receiver has not voted) are taken back so
 * nobody's vote is lost with them. Returns the proposals they were removed from.
 */
export async function dropFromOpenVotes(ex: Executor, body: { id: string; kind: string }, personId: string, at: string): Promise<string[]> {
  const open = await ex.selectFrom('proposals').select(['id', 'body_id', 'rule_json']).where('status', '=', 'voting').execute();
  const decidedByBody = open
    .filter((p) => {
      if (p.body_id === body.id) return true;
      const rule = p.rule_json ? storedRule(p.rule_json) : null;
      if (!rule || rule.body !== body.kind) return false;
      return body.kind !== 'committee' || rule.committeeId === body.id;
    })
    .map((p) => p.id);
  if (decidedByBody.length === 0) return [];
  // Take the ballot boxes' row locks first (a no-op update, portable): a ballot
  // cast at this moment either lands before the recall or is refused after it.
  await ex
    .updateTable('ballot_boxes')
    .set((eb) => ({ ballot_count: eb.ref('ballot_count') }))
    .where('proposal_id', 'in', decidedByBody)
    .execute();
  const removed = await ex
    .deleteFrom('electorate')
    .where('proposal_id', 'in', decidedByBody)
    .where('person_id', '=', personId)
    .returning('proposal_id')
    .execute();
  const ids = removed.map((r) => r.proposal_id);
  if (ids.length === 0) return [];
  await ex
    .updateTable('delegations')
    .set({ revoked_at: at })
    .where('proposal_id', 'in', ids)
    .where('revoked_at', 'is', null)
    .where((eb) => eb.or([eb('to_person_id', '=', personId), eb('from_person_id', '=', personId)]))
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('participation')
            .select('participation.person_id')
            .whereRef('participation.proposal_id', '=', 'delegations.proposal_id')
            .whereRef('participation.person_id', '=', 'delegations.to_person_id'),
        ),
      ),
    )
    .execute();
  return ids;
}

/** Does one person belong to a body at `at` (the assembly: an active worker of a member co-op)? */
export async function belongsTo(ex: Executor, body: { id: string; kind: string }, personId: string, at: string): Promise<boolean> {
  if (body.kind === 'assembly') return isNetworkMember(ex, personId);
  const person = await ex.selectFrom('people').select('status').where('id', '=', personId).executeTakeFirst();
  return person?.status === 'active' && (await activeRowsOf(ex, body.id, personId, at)).length > 0;
}
