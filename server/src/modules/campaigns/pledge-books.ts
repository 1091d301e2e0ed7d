/**
 * A pledge's money in the fund's ledger: a payment of one of its dues is a
 * `gift` movement — the bank up, the campaign's sub-fund's gifts income up —
 * whose reason names the pledge's reference and the campaign. Paying a due
 * twice books once: the same Idempotency-Key gets the first movement back, a
 * second payment of a paid due is refused and its movement undone with the
 * transaction.
 */
import { campaigns as rules } from '@coopnet/domain';
import type { Tx } from '../../db/database.ts';
import type { AppDeps } from '../../deps.ts';
import { newId, nowIso } from '../../platform/clock.ts';
import { recordAudit } from '../../platform/audit/audit.repository.ts';
import { conflict, notFound } from '../../platform/errors.ts';
import { postIn, todayIn } from '../fund/index.ts';
import * as repo from './campaigns.repository.ts';
import { queueReceiptIn } from './pledge-receipts.ts';

export interface DuePayment {
  cents: number;
  date: string;
  actorId: string | null;
  key: string;
  bankLine: string | null;
}

export async function payDueIn(
  trx: Tx,
  deps: AppDeps,
  dueId: string,
  p: DuePayment,
): Promise<{ created: boolean; pledgeId: string }> {
  const due = await repo.dueById(trx, dueId);
  if (!due) throw notFound('pledge due');
  const pledge = (await repo.pledgeById(trx, due.pledge_id))!;
  if (due.movement_id) {
    const paidWith = await repo.movementKey(trx, due.movement_id);
    if (paidWith?.idempotency_key === p.key) return { created: false, pledgeId: pledge.id };
    throw conflict('campaigns.already_paid', 'This month of the pledge is already paid.', { dueId });
  }
  const campaign = (await repo.campaignById(trx, pledge.campaign_id))!;
  const posted = await postIn(
    trx,
    deps,
    {
      kind: 'gift',
      date: p.date,
      reason: `Pledge ${pledge.reference} (${due.period}) to the campaign “${campaign.title}”`,
      decision: null,
      lines: [
        { account: 'assets:bank', subFund: null, coopId: null, cents: p.cents },
        { account: 'income:gifts', subFund: campaign.sub_fund, coopId: null, cents: -p.cents },
      ],
    },
    { actorId: p.actorId, key: p.key, request: { dueId, cents: p.cents, date: p.date } },
  );
  if (posted.status === 'duplicate') return { created: false, pledgeId: pledge.id };
  if (!(await repo.markDuePaid(trx, dueId, posted.movementId, p.date, p.bankLine)))
    throw conflict('campaigns.already_paid', 'This month of the pledge is already paid.', { dueId });
  const status = pledge.frequency === 'one_off' ? 'done' : pledge.status === 'pending' ? 'active' : pledge.status;
  await repo.setPledgeStatus(trx, pledge.id, status, nowIso());
  await recordAudit(trx, {
    actorId: p.actorId,
    action: 'campaigns.pledge_paid',
    subjectType: 'pledge',
    subjectId: pledge.id,
    before: { status: pledge.status },
    after: { status, period: due.period, cents: p.cents, movementId: posted.movementId },
  });
  await queueReceiptIn(trx, deps, { pledge, campaign, cents: p.cents, paidOn: p.date, movementId: posted.movementId });
  return { created: true, pledgeId: pledge.id };
}

/**
 * The month's work on pledges, on `today`: each active monthly pledge owes
 * this month (once), and each pledge never paid lapses after its time.
 */
export async function pledgeMonthIn(trx: Tx, deps: AppDeps, today?: string) {
  const day = today ?? (await todayIn(trx, deps));
  const period = day.slice(0, 7);
  const at = nowIso();
  let owed = 0;
  for (const p of await repo.pledgesWithStatus(trx, 'active', 'monthly')) {
    const r = await repo.insertDue(trx, {
      id: newId(),
      pledge_id: p.id,
      period,
      cents: Number(p.cents),
      movement_id: null,
      paid_on: null,
      bank_line: null,
      created_at: at,
    });
    if (Number(r.numInsertedOrUpdatedRows ?? 0) > 0) owed++;
  }
  let lapsed = 0;
  for (const p of await repo.pledgesWithStatus(trx, 'pending')) {
    if (!rules.hasLapsed(p.made_on, day)) continue;
    await repo.setPledgeStatus(trx, p.id, 'lapsed', at);
    await recordAudit(trx, {
      actorId: null,
      action: 'campaigns.pledge_lapsed',
      subjectType: 'pledge',
      subjectId: p.id,
      before: { status: 'pending' },
      after: { status: 'lapsed' },
    });
    lapsed++;
  }
  return { owed, lapsed };
}

/** The clock's job: the month's pledges, in one transaction. */
export const pledgeJob = (deps: AppDeps, today?: string) =>
  deps.db.transaction().execute((trx) => pledgeMonthIn(trx, deps, today));
