/**
 * A pledge's receipt, mailed when one of its payments is booked, in the
 * pledge's language: the amount, the day, the campaign, the reference and the
 * ledger movement's id; and with the first payment, a thank-you. Queued in the
 * transaction that books the payment, so a payment booked once mails once and
 * a refused or undone one mails nothing.
 */
import type { Tx } from '../../db/database.ts';
import type { AppDeps } from '../../deps.ts';
import { queueMail } from '../../platform/mail/outbox.repository.ts';
import { mailText } from '../../platform/mail/templates.ts';
import type * as repo from './campaigns.repository.ts';
import { paidDues } from './supporters.repository.ts';

export async function queueReceiptIn(
  trx: Tx,
  deps: AppDeps,
  v: { pledge: repo.PledgeRow; campaign: repo.CampaignRow; cents: number; paidOn: string; movementId: string },
): Promise<void> {
  const network = await deps.network.get(trx);
  const locale = v.pledge.locale ?? network.locale;
  const base = deps.config.publicUrl.replace(/\/+$/, '');
  const vars = {
    network: network.name,
    campaign: v.campaign.title,
    amountCents: v.cents,
    currency: network.currency,
    paidOn: v.paidOn,
    reference: v.pledge.reference,
    movementId: v.movementId,
    link: `${base}/campaigns/${v.campaign.slug}`,
  };
  await queueMail(trx, { to: v.pledge.email, ...mailText(locale, 'pledgeReceipt', vars, network.timeZone) });
  if ((await paidDues(trx, v.pledge.id)) === 1)
    await queueMail(trx, { to: v.pledge.email, ...mailText(locale, 'pledgeThanks', vars, network.timeZone) });
}
