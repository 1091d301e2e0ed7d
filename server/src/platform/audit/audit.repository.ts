/** Audit events: appended in the same transaction as the change they describe. */
import type { Executor } from '../../db/database.ts';
import { newId, nowIso } from '../clock.ts';

export interface AuditInput {
  actorId: string | null;
  action: string;
  subjectType: string;
  subjectId: string;
  coopId?: string | null;
  before?: unknown;
  after?: unknown;
}

let lastSeq = 0;
/** Microseconds since the epoch, strictly increasing within this process. */
function nextSeq(): number {
  lastSeq = Math.max(lastSeq + 1, Date.now() * 1000);
  return lastSeq;
}

const json = (v: unknown) => (v === undefined ? null : JSON.stringify(v));

export async function recordAudit(ex: Executor, e: AuditInput): Promise<void> {
  await ex
    .insertInto('audit_events')
    .values({
      id: newId(),
      seq: nextSeq(),
      at: nowIso(),
      actor_id: e.actorId,
      action: e.action,
      subject_type: e.subjectType,
      subject_id: e.subjectId,
      coop_id: e.coopId ?? null,
      before_json: json(e.before),
      after_json: json(e.after),
    })
    .execute();
}
