/** Coordinators browse the audit log and the mail outbox. */
import type { AuditNameQuery, AuditQuery } from '@coopnet/contract/audit';
import type { PageQuery } from '@coopnet/contract';
import type { AppDeps } from '../../deps.ts';
import type { MaybeActor } from '../../platform/auth/actor.ts';
import { authorize } from '../../platform/auth/authorize.ts';
import { listOutbox, mailState } from '../../platform/mail/outbox.repository.ts';
import { auditPolicy } from './audit.policy.ts';
import { listAudit, namesForEvents, searchCoops, searchPeople } from './audit.repository.ts';

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 86_400_000;

/** Stored times are `toISOString()` text, so bounds must be too for text comparison to be time order. */
export function timeBounds(from?: string, to?: string): { from?: string; before?: string } {
  return {
    from: from === undefined ? undefined : new Date(from).toISOString(),
    // "to" includes its moment; a bare date includes its whole day.
    before: to === undefined ? undefined : new Date(Date.parse(to) + (DATE_ONLY.test(to) ? DAY_MS : 1)).toISOString(),
  };
}

const parse = (json: string | null): unknown => (json === null ? null : JSON.parse(json));

export function auditService({ db, mailer }: AppDeps) {
  async function events(actor: MaybeActor, q: AuditQuery) {
    authorize(actor, auditPolicy.readAudit(actor));
    const { rows, total } = await listAudit(db, { ...q, ...timeBounds(q.from, q.to) });
    const names = await namesForEvents(db, rows);
    return {
      items: rows.map((r) => ({
        id: r.id,
        at: r.at,
        actorId: r.actor_id,
        actorName: r.actor_name,
        action: r.action,
        subjectType: r.subject_type,
        subjectId: r.subject_id,
        coopId: r.coop_id,
        coopName: names.coopName(r),
        subjectName: names.subjectName(r),
        before: parse(r.before_json),
        after: parse(r.after_json),
      })),
      total,
      limit: q.limit,
      offset: q.offset,
    };
  }

  async function outbox(actor: MaybeActor, q: PageQuery) {
    authorize(actor, auditPolicy.readOutbox(actor));
    const { rows, total } = await listOutbox(db, q);
    return {
      items: rows.map((m) => {
        // The secret link of a reset or an invitation is masked; unsent and not kept, it will never be sent.
        const withheld = m.has_secret === 1 && m.sent_at === null && !m.secret_kept;
        return {
          id: m.id,
          to: m.to_address,
          subject: m.subject,
          text: m.body_text,
          createdAt: m.created_at,
          sentAt: m.sent_at,
          secretHidden: m.has_secret === 1,
          withheld,
          state: mailState({ sentAt: m.sent_at, attempts: m.attempts, withheld, delivers: mailer.delivers }),
          attempts: m.attempts,
          lastError: m.last_error,
        };
      }),
      total,
      limit: q.limit,
      offset: q.offset,
    };
  }

  /** People and co-ops to pick as the log's filters: coordinators only, like the log. */
  async function people(actor: MaybeActor, q: AuditNameQuery) {
    authorize(actor, auditPolicy.readAudit(actor));
    return { items: await searchPeople(db, q.q, q.limit) };
  }

  async function coops(actor: MaybeActor, q: AuditNameQuery) {
    authorize(actor, auditPolicy.readAudit(actor));
    return { items: await searchCoops(db, q.q, q.limit) };
  }

  return { events, outbox, people, coops };
}
