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
