/**
 * Arrears alerts, on the fund's clock. When a loan falls more than 30, 60 or
 * 90 days behind its schedule, the fund committee (its members not of that
 * co-op) hears of it as a call to offer help, and the co-op's admins that the
 * committee will be in touch. Being late is never charged for; the words say
 * so. Each alert goes once per loan, per threshold, per stretch of lateness
 * (fund_notices_sent, keyed by the day the loan fell behind): a loan that
 * catches up and falls behind again is alerted again. A loan that jumps a
 * threshold (the clock was stopped) gets the alert of the highest one only.
 */
import { fund as rules } from '@coopnet/domain';
import type { AppDeps } from '../../deps.ts';
import { recordAudit } from '../../platform/audit/audit.repository.ts';
import { nowIso } from '../../platform/clock.ts';
import { localDate } from '../../platform/network/calendar.ts';
import { fundCommittee, notify } from '../governance/index.ts';
import { coopAdmins, recordSent } from './fund-notices.repository.ts';
import { type ChangeRow, type RevenueRow, changesOf, revenuesOf } from './loan-changes.repository.ts';
import { type LoanRow, loans, repaymentsOf } from './loans.repository.ts';
import { planOf } from './loans.service.ts';

/**
 * Where a loan stands at `today`: how late on its schedule as it stands (the
 * statement's own rule: freezes, reschedules, declared revenue), or null when
 * nothing is owed.
 */
function lateness(
  l: LoanRow,
  repayments: { paid_on: string; principal_cents: number }[],
  changes: ChangeRow[],
  revenues: RevenueRow[],
  today: string,
) {
  const principalRepaid = repayments.reduce((s, r) => s + Number(r.principal_cents), 0);
  const outstanding = Number(l.principal_cents) - principalRepaid - Number(l.written_off_cents);
  if (outstanding <= 0 || Number(l.written_off_cents) > 0) return null;
  return rules.planArrears(planOf(l, repayments, changes, revenues, today), principalRepaid, 0, today);
}

/** Sends the arrears alerts due at `now`; returns what it sent, as `<loan id>:<threshold>`. */
export async function alertArrears(deps: AppDeps, now: string = nowIso()): Promise<string[]> {
  const { db, config } = deps;
  const today = localDate(new Date(now), (await deps.network.get(db)).timeZone);
  const all = await loans(db, null);
  const ids = all.map((l) => l.id);
  const repayments = await repaymentsOf(db, ids);
  const changes = await changesOf(db, ids);
  const revenues = await revenuesOf(db, ids);
  const sent: string[] = [];
  for (const l of all) {
    const late = lateness(
      l,
      repayments.filter((r) => r.loan_id === l.id),
      changes.filter((c) => c.loan_id === l.id),
      revenues.filter((r) => r.loan_id === l.id),
      today,
    );
    const threshold = late && rules.arrearsThreshold(late.bucket);
    if (!late || !threshold) continue;
    const since = rules.lateSince(today, late.daysLate);
    const done = await db.transaction().execute(async (trx) => {
      const row = { subject_id: l.id, notice: `arrears_${threshold}` as const, since, sent_at: now };
      if (!(await recordSent(trx, row))) return false;
      const data = {
        coopName: l.coop_name,
        days: threshold,
        lateCents: late.lateCents,
        applicationId: l.application_id,
      };
      const { members } = await fundCommittee(trx, now);
      await notify(trx, deps, {
        personIds: members.filter((m) => m.coopId !== l.coop_id).map((m) => m.personId),
        kind: 'fund_loan.arrears_offer',
        subjectId: l.id,
        data,
        // The committee reads the loan from its application's page.
        mail: {
          template: 'fundArrearsCommittee',
          vars: {
            coop: l.coop_name,
            days: threshold,
            link: `${config.publicUrl}/fund/applications/${l.application_id}`,
          },
        },
      });
      await notify(trx, deps, {
        personIds: await coopAdmins(trx, l.coop_id),
        kind: 'fund_loan.arrears_notice',
        subjectId: l.id,
        data,
        mail: {
          template: 'fundArrearsCoop',
          vars: { coop: l.coop_name, days: threshold, link: `${config.publicUrl}/fund/loans/${l.id}` },
        },
      });
      await recordAudit(trx, {
        actorId: null,
        action: 'fund_loan.arrears_alerted',
        subjectType: 'fund_loan',
        subjectId: l.id,
        coopId: l.coop_id,
        after: { days: threshold, since, lateCents: late.lateCents },
      });
      return true;
    });
    if (done) sent.push(`${l.id}:${threshold}`);
  }
  if (sent.length > 0) void deps.mailer.flush().catch(() => {});
  return sent;
}
