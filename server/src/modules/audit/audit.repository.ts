/** Reading the audit log (writing it is `platform/audit`, inside each change's transaction). */
import type { Executor } from '../../db/database.ts';

export interface AuditFilter {
  action?: string;
  actorId?: string;
  subjectId?: string;
  coopId?: string;
  /** inclusive lower bound on `at`, ISO UTC */
  from?: string;
  /** exclusive upper bound on `at`, ISO UTC */
  before?: string;
  limit: number;
  offset: number;
}

export async function listAudit(ex: Executor, f: AuditFilter) {
  let query = ex.selectFrom('audit_events').leftJoin('people', 'people.id', 'audit_events.actor_id');
  if (f.action) query = query.where('audit_events.action', '=', f.action);
  if (f.actorId) query = query.where('audit_events.actor_id', '=', f.actorId);
  if (f.subjectId) query = query.where('audit_events.subject_id', '=', f.subjectId);
  if (f.coopId) query = query.where('audit_events.coop_id', '=', f.coopId);
  if (f.from) query = query.where('audit_events.at', '>=', f.from);
  if (f.before) query = query.where('audit_events.at', '<', f.before);
  const [rows, count] = await Promise.all([
    query
      .selectAll('audit_events')
      .select('people.display_name as actor_name')
      // seq is strictly increasing per process; the id breaks ties between processes.
      .orderBy('audit_events.seq', 'desc')
      .orderBy('audit_events.id')
      .limit(f.limit)
      .offset(f.offset)
      .execute(),
    query.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.total) };
}

const unique = (ids: (string | null | undefined)[]) => [...new Set(ids.filter((x): x is string => !!x))];

/** id → name, for the ids given (none asked, none read). */
async function namesOf(ids: string[], read: (ids: string[]) => Promise<{ id: string; name: string }[]>) {
  if (ids.length === 0) return new Map<string, string>();
  return new Map((await read(ids)).map((r) => [r.id, r.name]));
}

export interface NamedEvent {
  subject_type: string;
  subject_id: string;
  coop_id: string | null;
}

/**
 * The names a page of events speaks of, looked up by kind in one query each:
 * the co-ops, and each subject that has a name (a card, an invitation or an
 * API token by its person's, a body member by the member's, an application by
 * its co-op's).
 */
export async function namesForEvents(ex: Executor, events: NamedEvent[]) {
  const of = (type: string) => unique(events.filter((e) => e.subject_type === type).map((e) => e.subject_id));
  const [coops, people, cards, invitations, tokens, applications, proposals, offers, assemblies, bodies, members] =
    await Promise.all([
      namesOf(unique([...events.map((e) => e.coop_id), ...of('coop')]), (ids) =>
        ex.selectFrom('coops').select(['id', 'name']).where('id', 'in', ids).execute(),
      ),
      namesOf(of('person'), (ids) =>
        ex.selectFrom('people').select(['id', 'display_name as name']).where('id', 'in', ids).execute(),
      ),
      namesOf(of('card'), (ids) =>
        ex
          .selectFrom('cards')
          .innerJoin('people', 'people.id', 'cards.person_id')
          .select(['cards.id as id', 'people.display_name as name'])
          .where('cards.id', 'in', ids)
          .execute(),
      ),
      namesOf(of('invitation'), (ids) =>
        ex.selectFrom('invitations').select(['id', 'display_name as name']).where('id', 'in', ids).execute(),
      ),
      namesOf(of('api_token'), (ids) =>
        ex
          .selectFrom('api_tokens')
          .innerJoin('people', 'people.id', 'api_tokens.person_id')
          .select(['api_tokens.id as id', 'people.display_name as name'])
          .where('api_tokens.id', 'in', ids)
          .execute(),
      ),
      namesOf(of('application'), (ids) =>
        ex
          .selectFrom('join_applications')
          .innerJoin('coops', 'coops.id', 'join_applications.coop_id')
          .select(['join_applications.id as id', 'coops.name as name'])
          .where('join_applications.id', 'in', ids)
          .execute(),
      ),
      namesOf(of('proposal'), (ids) =>
        ex.selectFrom('proposals').select(['id', 'title as name']).where('id', 'in', ids).execute(),
      ),
      namesOf(of('offer'), (ids) =>
        ex.selectFrom('offers').select(['id', 'title as name']).where('id', 'in', ids).execute(),
      ),
      namesOf(of('assembly'), (ids) =>
        ex.selectFrom('assemblies').select(['id', 'title as name']).where('id', 'in', ids).execute(),
      ),
      namesOf(of('body'), (ids) => ex.selectFrom('bodies').select(['id', 'name']).where('id', 'in', ids).execute()),
      namesOf(of('body_member'), (ids) =>
        ex
          .selectFrom('body_members')
          .innerJoin('people', 'people.id', 'body_members.person_id')
          .select(['body_members.id as id', 'people.display_name as name'])
          .where('body_members.id', 'in', ids)
          .execute(),
      ),
    ]);
  const bySubject: Record<string, Map<string, string>> = {
    coop: coops,
    person: people,
    card: cards,
    invitation: invitations,
    api_token: tokens,
    application: applications,
    proposal: proposals,
    offer: offers,
    assembly: assemblies,
    body: bodies,
    body_member: members,
  };
  return {
    coopName: (e: NamedEvent) => (e.coop_id ? (coops.get(e.coop_id) ?? null) : null),
    subjectName: (e: NamedEvent) => bySubject[e.subject_type]?.get(e.subject_id) ?? null,
  };
}

/** `%` and `_` in what was typed are meant as themselves. */
const contains = (q: string) => `%${q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** People whose name or e-mail holds `q`, with their co-op's name; by name. */
export async function searchPeople(ex: Executor, q: string | undefined, limit: number) {
  let query = ex
    .selectFrom('people')
    .leftJoin('coops', 'coops.id', 'people.coop_id')
    .select(['people.id as id', 'people.display_name as name', 'coops.name as detail']);
  if (q) {
    const like = contains(q);
    query = query.where((eb) =>
      eb.or([
        eb(eb.fn('lower', ['people.display_name']), 'like', eb.val(like)),
        eb(eb.fn('lower', ['people.email']), 'like', eb.val(like)),
      ]),
    );
  }
  return query.orderBy('people.display_name').orderBy('people.id').limit(limit).execute();
}

/** Co-ops (any status) whose name holds `q`, with their city; by name. */
export async function searchCoops(ex: Executor, q: string | undefined, limit: number) {
  let query = ex.selectFrom('coops').select(['id', 'name', 'city as detail']);
  if (q) query = query.where((eb) => eb(eb.fn('lower', ['name']), 'like', eb.val(contains(q))));
  return query.orderBy('name').orderBy('id').limit(limit).execute();
}
