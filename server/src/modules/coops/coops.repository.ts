/** All SQL about co-ops and applications to join. */
import { sql } from 'kysely';
import type { Executor } from '../../db/database.ts';
import { preparedQuery } from '../../db/prepared.ts';
import type { Coop, CoopUpdate, JoinApplication, NewCoop } from '../../db/schema.ts';

export interface DirectoryFilter {
  q?: string;
  sector?: string;
  limit: number;
  offset: number;
}

interface MemberFilter {
  sector?: string;
  /** a LIKE pattern over search_text, with \\, % and _ escaped */
  pattern?: string;
  [k: string]: string | number | undefined;
}

function members(ex: Executor, f: MemberFilter) {
  let query = ex.selectFrom('coops').where('status', '=', 'member');
  if (f.sector !== undefined) query = query.where('sector', '=', f.sector);
  if (f.pattern !== undefined) query = query.where(sql<boolean>`search_text like ${f.pattern} escape '\\'`);
  return query;
}

// The directory is the busiest public read: its two queries are compiled once per filter shape.
const memberPage = preparedQuery((ex, f: MemberFilter & { limit: number; offset: number }) =>
  members(ex, f).selectAll().orderBy('name').orderBy('id').limit(f.limit).offset(f.offset),
);
const memberCount = preparedQuery((ex, f: MemberFilter) => members(ex, f).select((eb) => eb.fn.countAll<number>().as('total')));

export async function listMembers(ex: Executor, f: DirectoryFilter): Promise<{ rows: Coop[]; total: number }> {
  const filter: MemberFilter = {
    sector: f.sector || undefined,
    pattern: f.q ? `%${f.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%` : undefined,
  };
  const [rows, count] = await Promise.all([memberPage(ex, { ...filter, limit: f.limit, offset: f.offset }), memberCount(ex, filter)]);
  return { rows, total: Number(count[0]?.total ?? 0) };
}

/**
 * The workers the network knows of each co-op: its people whose account is
 * active (index people_coop). A co-op with none is left out of the map.
 */
export async function knownWorkers(ex: Executor, coopIds: string[]): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  for (let i = 0; i < coopIds.length; i += 500) {
    const rows = await ex
      .selectFrom('people')
      .select(['coop_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('coop_id', 'in', coopIds.slice(i, i + 500))
      .where('status', '=', 'active')
      .groupBy('coop_id')
      .execute();
    for (const r of rows) if (r.coop_id) out.set(r.coop_id, Number(r.n));
  }
  return out;
}

export async function sectorCounts(ex: Executor) {
  const rows = await ex
    .selectFrom('coops')
    .select(['sector', (eb) => eb.fn.countAll<number>().as('count')])
    .where('status', '=', 'member')
    .groupBy('sector')
    .orderBy('sector')
    .execute();
  return rows.map((r) => ({ sector: r.sector, count: Number(r.count) }));
}

export async function findById(ex: Executor, id: string): Promise<Coop | undefined> {
  return ex.selectFrom('coops').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findBySlug(ex: Executor, slug: string): Promise<Coop | undefined> {
  return ex.selectFrom('coops').selectAll().where('slug', '=', slug).executeTakeFirst();
}

export async function slugsLike(ex: Executor, base: string): Promise<string[]> {
  const rows = await ex.selectFrom('coops').select('slug').where('slug', 'like', `${base}%`).execute();
  return rows.map((r) => r.slug);
}

export async function insertCoop(ex: Executor, coop: NewCoop): Promise<void> {
  await ex.insertInto('coops').values(coop).execute();
}

export async function updateCoop(ex: Executor, id: string, patch: CoopUpdate): Promise<void> {
  await ex.updateTable('coops').set(patch).where('id', '=', id).execute();
}

export async function insertApplication(ex: Executor, a: JoinApplication): Promise<void> {
  await ex.insertInto('join_applications').values(a).execute();
}

export async function findApplication(ex: Executor, id: string) {
  return ex.selectFrom('join_applications').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findPendingApplicationOfCoop(ex: Executor, coopId: string) {
  return ex.selectFrom('join_applications').selectAll().where('coop_id', '=', coopId).where('status', '=', 'pending').orderBy('created_at').limit(1).executeTakeFirst();
}

/** Decides a pending application; false when someone else decided it first. */
export async function decidePending(ex: Executor, id: string, patch: Partial<JoinApplication>): Promise<boolean> {
  const r = await ex.updateTable('join_applications').set(patch).where('id', '=', id).where('status', '=', 'pending').executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function listApplications(ex: Executor, f: { status?: string; limit: number; offset: number }) {
  let query = ex.selectFrom('join_applications').innerJoin('coops', 'coops.id', 'join_applications.coop_id');
  if (f.status) query = query.where('join_applications.status', '=', f.status as JoinApplication['status']);
  const [rows, count] = await Promise.all([
    query
      .select([
        'join_applications.id',
        'join_applications.status',
        'join_applications.contact_name',
        'join_applications.contact_email',
        'join_applications.message',
        'join_applications.created_at',
        'join_applications.decided_at',
        'join_applications.decision_note',
        'coops.id as coop_id',
        'coops.name as coop_name',
        'coops.slug as coop_slug',
        'coops.sector as coop_sector',
        'coops.city as coop_city',
        'coops.worker_count as coop_worker_count',
      ])
      .orderBy('join_applications.created_at', 'desc')
      .orderBy('join_applications.id')
      .limit(f.limit)
      .offset(f.offset)
      .execute(),
    query.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.total) };
}
