/**
 * The fast track's deadline, on the fund's clock. An emergency application on
 * the fast track has a deadline (so many hours from when it was made, by the
 * bylaws). While it is undecided:
 * - 12 hours before the deadline, the committee members who may still answer
 *   (not of the applicant co-op, not the applicant, not those who answered)
 *   are reminded, once;
 * - once the deadline has passed, the coordinators and the committee members
 *   who may decide are told it is overdue, once. Nothing else changes: the
 *   committee still decides it, and the pages show it overdue (decision 0023).
 * Each notice is recorded in fund_notices_sent in the transaction that sends
 * it, so two servers ticking together send it once.
 */
import { fund as rules } from '@coopnet/domain';
import type { AppDeps } from '../../deps.ts';
import { recordAudit } from '../../platform/audit/audit.repository.ts';
import { nowIso } from '../../platform/clock.ts';
import { type CommitteeMember, fundCommittee, notify } from '../governance/index.ts';
import * as repo from './applications.repository.ts';
import { coordinators, fastTrackDueBy, recordSent } from './fund-notices.repository.ts';

const HOUR_MS = 3_600_000;

/** The committee members who may answer `a` (domain/src/fund: no one decides their own). */
const eligible = (members: CommitteeMember[], a: { coop_id: string; applied_by: string }) =>
  rules.mayAnswer(members, { coopId: a.coop_id, appliedBy: a.applied_by });

/** Sends the reminders and overdue notices due at `now`; returns what it sent, as `<id>:<notice>`. */
export async function remindFastTrack(deps: AppDeps, now: string = nowIso()): Promise<string[]> {
  const { db, dialect, config } = deps;
  const until = new Date(Date.parse(now) + rules.FAST_TRACK_REMINDER_HOURS * HOUR_MS).toISOString();
  const sent: string[] = [];
  for (const { id } of await fastTrackDueBy(db, until)) {
    const notice = await db.transaction().execute(async (trx) => {
      const a = await repo.lockApplication(trx, dialect, id);
      if (!a || a.status !== 'open' || !a.due_at) return null;
      const stage = rules.fastTrackStage(a.due_at, now);
      if (stage === 'waiting') return null;
      const kind = stage === 'due_soon' ? 'fast_track_reminder' : 'fast_track_overdue';
      if (!(await recordSent(trx, { subject_id: id, notice: kind, since: '', sent_at: now }))) return null;
      const coop = await repo.coopStatus(trx, a.coop_id);
      const { members } = await fundCommittee(trx, now);
      const may = eligible(members, a).map((m) => m.personId);
      const vars = {
        coop: coop?.name ?? '',
        kind: a.kind,
        amountCents: Number(a.amount_cents),
        dueAt: a.due_at,
        link: `${config.publicUrl}/fund/applications/${id}`,
      };
      const data = { coopName: coop?.name ?? '', kind: a.kind, amountCents: Number(a.amount_cents), dueAt: a.due_at };
      if (stage === 'due_soon') {
        const answered = new Set((await repo.answersTo(trx, [id])).map((x) => x.person_id));
        await notify(trx, deps, {
          personIds: may.filter((p) => !answered.has(p)),
          kind: 'fund_application.due_soon',
          subjectId: id,
          data,
          mail: { template: 'fundFastTrackDueSoon', vars },
        });
      } else {
        await notify(trx, deps, {
          personIds: [...(await coordinators(trx)), ...may],
          kind: 'fund_application.overdue',
          subjectId: id,
          data,
          mail: { template: 'fundFastTrackOverdue', vars },
        });
      }
      await recordAudit(trx, {
        actorId: null,
        action: stage === 'due_soon' ? 'fund_application.reminded' : 'fund_application.overdue',
        subjectType: 'fund_application',
        subjectId: id,
        coopId: a.coop_id,
        after: { dueAt: a.due_at },
      });
      return `${id}:${kind}`;
    });
    if (notice) sent.push(notice);
  }
  if (sent.length > 0) void deps.mailer.flush().catch(() => {});
  return sent;
}
