/**
 * Reminders of what co-ops owe the fund: each obligation (a month's dues, a
 * share of surplus) not fully paid is mailed to its co-op's admins the day
 * after it falls due, and again 30 days later — by the network's day — with
 * what is still owed, the reference code and how to pay. Each stage of each
 * obligation is recorded as sent in the same transaction as its mails are
 * queued, so none is sent twice, even by two servers at once; an obligation
 * first seen long overdue gets only the latest reminder it reached.
 * Run by the fund's clock.
 */
import { fund as rules } from '@coopnet/domain';
import type { AppDeps } from '../../deps.ts';
import { nowIso } from '../../platform/clock.ts';
import { notify } from '../governance/index.ts';
import * as obligationsRepo from './contributions.repository.ts';
import * as repo from './reminders.repository.ts';

/** Sends the reminders due on the network's day at `at`; returns how many obligations were reminded. */
export async function sendContributionReminders(deps: AppDeps, at: Date = new Date()): Promise<number> {
  const { db, config } = deps;
  const today = await deps.network.today(at);
  const owed = await obligationsRepo.obligations(db, { outstandingOnly: true, dueBefore: today });
  const sent = await repo.stagesSent(
    db,
    owed.map((o) => o.id),
  );
  let reminded = 0;
  for (const o of owed) {
    const stage = rules.reminderStage(o.due_date, today);
    if (stage === 0 || (sent.get(o.id) ?? 0) >= stage) continue;
    const done = await db.transaction().execute(async (trx) => {
      // Still owed now? (a payment may have come in since the list was read)
      const now = await obligationsRepo.obligationById(trx, o.id);
      if (!now || Number(now.paid_cents) >= Number(now.amount_cents)) return false;
      const admins = await repo.coopAdmins(trx, o.coop_id);
      if (!(await repo.markSent(trx, { obligation_id: o.id, stage, recipients: admins.length, sent_at: nowIso() })))
        return false;
      const outstanding = Number(now.amount_cents) - Number(now.paid_cents);
      const currency = (await deps.network.get(trx)).currency;
      await notify(trx, deps, {
        personIds: admins,
        kind: 'fund.contribution_overdue',
        subjectId: o.id,
        data: { coopName: o.coop_name, amountCents: outstanding, reference: o.reference, dueDate: o.due_date, stage },
        mail: {
          template: stage === 1 ? 'fundDuesOverdue' : 'fundDuesStillOverdue',
          vars: {
            coop: o.coop_name,
            amountCents: outstanding,
            currency,
            reference: o.reference,
            dueOn: o.due_date,
            obligationKind: o.kind,
            period: o.period,
            link: `${config.publicUrl}/fund/contributions`,
          },
        },
      });
      return true;
    });
    if (done) reminded++;
  }
  if (reminded > 0) void deps.mailer.flush().catch(() => {});
  return reminded;
}
