/**
 * A pledge as its supporter sees it, and the one rule for pausing, resuming
 * and cancelling it — the same whether the supporter comes through the private
 * link in their mail or signed in to their account.
 */
import type { Pledge } from '@coopnet/contract/campaigns';
import type { Executor, Tx } from '../../db/database.ts';
import { recordAudit } from '../../platform/audit/audit.repository.ts';
import { nowIso } from '../../platform/clock.ts';
import { conflict } from '../../platform/errors.ts';
import * as repo from './campaigns.repository.ts';

export type PledgeAction = 'pause' | 'resume' | 'cancel';

export async function pledgeView(ex: Executor, p: repo.PledgeRow): Promise<Pledge> {
  const c = (await repo.campaignById(ex, p.campaign_id))!;
  const dues = await repo.duesOf(ex, p.id);
  return {
    id: p.id,
    campaignSlug: c.slug,
    campaignTitle: c.title,
    reference: p.reference,
    cents: Number(p.cents),
    frequency: p.frequency,
    status: p.status,
    madeOn: p.made_on,
    dues: dues.map((d) => ({ id: d.id, period: d.period, cents: Number(d.cents), paidOn: d.paid_on })),
  };
}

const NEXT: Record<PledgeAction, { from: repo.PledgeRow['status'][]; to: repo.PledgeRow['status'] }> = {
  pause: { from: ['active'], to: 'paused' },
  resume: { from: ['paused'], to: 'active' },
  cancel: { from: ['pending', 'active', 'paused'], to: 'cancelled' },
};

/** Pauses, resumes or cancels `p` in `trx` (doing it twice is the same as once); `actorId` null for the mail's link. */
export async function changePledgeIn(
  trx: Tx,
  p: repo.PledgeRow,
  action: PledgeAction,
  actorId: string | null,
): Promise<Pledge> {
  const step = NEXT[action];
  if (p.status === step.to) return pledgeView(trx, p);
  if (!step.from.includes(p.status))
    throw conflict('campaigns.pledge_not_changeable', `A ${p.status} pledge cannot be changed so.`, {
      status: p.status,
    });
  await repo.setPledgeStatus(trx, p.id, step.to, nowIso());
  await recordAudit(trx, {
    actorId,
    action: `campaigns.pledge_${action}`,
    subjectType: 'pledge',
    subjectId: p.id,
    before: { status: p.status },
    after: { status: step.to },
  });
  return pledgeView(trx, { ...p, status: step.to });
}
