/**
 * Campaigns and pledges. A visitor pledges without an account: the pledge
 * gets a reference code for the bank transfer and a mail with it and a
 * private link (a secret token, kept only as its HMAC) to pause, resume or
 * cancel. The campaign's progress is what the ledger's bank received for its
 * pledges; its supporters are pledges that paid, "anonymous" unless named.
 */
import type { Campaign, CampaignInput, Pledge, PledgeInput } from '@coopnet/contract/campaigns';
import { campaigns as rules } from '@coopnet/domain';
import type { Executor } from '../../db/database.ts';
import type { AppDeps } from '../../deps.ts';
import type { MaybeActor } from '../../platform/auth/actor.ts';
import { authorize } from '../../platform/auth/authorize.ts';
import { recordAudit } from '../../platform/audit/audit.repository.ts';
import { newId, nowIso } from '../../platform/clock.ts';
import { badRequest, conflict, notFound } from '../../platform/errors.ts';
import { SECRET_MASK, queueMail, secretFor } from '../../platform/mail/outbox.repository.ts';
import { hashToken, newToken } from '../../platform/tokens.ts';
import { todayIn } from '../fund/index.ts';
import { campaignsPolicy } from './campaigns.policy.ts';
import * as editorRepo from './campaign-editor.repository.ts';
import { imageUrl } from './campaign-images.store.ts';
import * as repo from './campaigns.repository.ts';
import { payDueIn } from './pledge-books.ts';
import { type PledgeAction, changePledgeIn, pledgeView } from './pledge-changes.ts';
import { paymentProviders } from './payment-providers.ts';

const AMOUNT_MESSAGES: Record<rules.PledgeRefusal, string> = {
  not_cents: 'Pledge a whole number of cents above zero.',
  below_minimum: 'The amount is below the campaign’s minimum.',
  not_a_tier: 'Pick one of the campaign’s amounts.',
  too_large: 'The amount is too large.',
};

const euros = (cents: number) => (cents / 100).toFixed(2);

function pledgeMail(locale: string, v: { title: string; reference: string; instructions: string; link: string }) {
  if (locale.startsWith('es'))
    return {
      subject: `Tu compromiso con «${v.title}»: referencia ${v.reference}`,
      text: `Gracias por apoyar «${v.title}».\n\n${v.instructions}\n\nPara pausar o cancelar tu compromiso, sin cuenta: ${v.link}\n\nUn compromiso sin pago caduca a los ${rules.LAPSE_DAYS} días.`,
    };
  return {
    subject: `Your pledge to “${v.title}”: reference ${v.reference}`,
    text: `Thank you for backing “${v.title}”.\n\n${v.instructions}\n\nTo pause or cancel your pledge, no account needed: ${v.link}\n\nA pledge never paid lapses after ${rules.LAPSE_DAYS} days.`,
  };
}

export function campaignsService(deps: AppDeps) {
  const { db, config, mailer } = deps;

  async function present(ex: Executor, c: repo.CampaignRow, actor: MaybeActor): Promise<Campaign> {
    const [raised, backers, updates, cover] = await Promise.all([
      repo.raisedCents(ex, c.id),
      repo.supporters(ex, c.id),
      repo.updatesOf(ex, c.id),
      editorRepo.coverFile(ex, c.id),
    ]);
    return {
      id: c.id,
      slug: c.slug,
      ownerKind: c.owner_kind,
      ownerName: c.owner_name,
      ownerCoopId: c.owner_coop_id,
      beneficiaryPrivate: campaignsPolicy.readBeneficiary(actor) ? c.beneficiary_private : null,
      title: c.title,
      summary: c.summary,
      story: c.story,
      coverUrl: cover ? imageUrl(cover) : null,
      goalCents: Number(c.goal_cents),
      deadline: c.deadline,
      subFund: c.sub_fund,
      suggestedCents: JSON.parse(c.tiers_json) as number[],
      freeAmount: c.free_amount === 1,
      minimumCents: Number(c.minimum_cents),
      raisedCents: raised,
      supporters: backers.map((s) => ({
        name: s.supporter_name === '' ? null : s.supporter_name,
        cents: Number(s.cents),
        frequency: s.frequency,
      })),
      updates: updates.map((u) => ({ id: u.id, body: u.body, createdAt: u.created_at })),
    };
  }

  async function get(actor: MaybeActor, slug: string): Promise<Campaign> {
    const c = await repo.campaignBySlug(db, slug);
    if (!c) throw notFound('campaign');
    return present(db, c, actor);
  }

  async function create(actor: MaybeActor, input: CampaignInput): Promise<Campaign> {
    authorize(actor, campaignsPolicy.create(actor));
    return db.transaction().execute(async (trx) => {
      if (await repo.campaignBySlug(trx, input.slug))
        throw conflict('campaigns.slug_taken', 'Another campaign has this address.', { slug: input.slug });
      if (!(await repo.subFundExists(trx, input.subFund)))
        throw badRequest('campaigns.unknown_sub_fund', 'There is no such sub-fund.', { subFund: input.subFund });
      if (input.ownerKind === 'coop' && !input.ownerCoopId)
        throw badRequest('campaigns.owner_coop_required', 'Say which co-op owns the campaign.');
      const row: repo.CampaignRow = {
        id: newId(),
        slug: input.slug,
        owner_kind: input.ownerKind,
        owner_coop_id: input.ownerKind === 'coop' ? input.ownerCoopId! : null,
        owner_name: input.ownerName,
        beneficiary_private: input.beneficiaryPrivate,
        title: input.title,
        summary: input.summary,
        story: input.story,
        goal_cents: input.goalCents,
        deadline: input.deadline,
        sub_fund: input.subFund,
        tiers_json: JSON.stringify(input.suggestedCents),
        free_amount: input.freeAmount ? 1 : 0,
        minimum_cents: input.minimumCents,
        created_by: actor.personId,
        created_at: nowIso(),
      };
      await repo.insertCampaign(trx, row);
      await recordAudit(trx, {
        actorId: actor.personId,
        action: 'campaigns.created',
        subjectType: 'campaign',
        subjectId: row.id,
        coopId: row.owner_coop_id,
        after: { slug: row.slug, title: row.title, goalCents: row.goal_cents },
      });
      return present(trx, row, actor);
    });
  }

  async function postUpdate(actor: MaybeActor, slug: string, body: string): Promise<Campaign> {
    return db.transaction().execute(async (trx) => {
      const c = await repo.campaignBySlug(trx, slug);
      if (!c) throw notFound('campaign');
      authorize(actor, campaignsPolicy.postUpdate(actor, c.owner_coop_id));
      const id = newId();
      await repo.insertUpdate(trx, { id, campaign_id: c.id, body, author_id: actor.personId, created_at: nowIso() });
      await recordAudit(trx, {
        actorId: actor.personId,
        action: 'campaigns.update_posted',
        subjectType: 'campaign',
        subjectId: c.id,
        after: { updateId: id },
      });
      return present(trx, c, actor);
    });
  }

  /** A visitor's pledge: answers with the pledge (its reference) and mails it with the private link. */
  async function pledge(slug: string, input: PledgeInput): Promise<Pledge> {
    const result = await db.transaction().execute(async (trx) => {
      const c = await repo.campaignBySlug(trx, slug);
      if (!c) throw notFound('campaign');
      const refusal = rules.checkPledgeAmount(
        {
          suggested: JSON.parse(c.tiers_json) as number[],
          free: c.free_amount === 1,
          minimumCents: Number(c.minimum_cents),
        },
        input.cents,
      );
      if (refusal) throw badRequest(`campaigns.${refusal}`, AMOUNT_MESSAGES[refusal], { cents: input.cents });
      const today = await todayIn(trx, deps);
      if (today > c.deadline) throw conflict('campaigns.closed', 'The campaign has reached its deadline.');
      const id = newId();
      const provider = paymentProviders[0]!;
      const token = newToken('pl_');
      const at = nowIso();
      const row: repo.PledgeRow = {
        id,
        campaign_id: c.id,
        reference: provider.newReference(today.slice(0, 7), id),
        cents: input.cents,
        frequency: input.frequency,
        supporter_name: input.name ?? '',
        email: input.email,
        token_hash: hashToken(config.sessionSecret, token),
        status: 'pending',
        made_on: today,
        created_at: at,
        updated_at: at,
        locale: input.locale ?? null,
        provider: provider.name,
      };
      await repo.insertPledge(trx, row);
      await repo.insertDue(trx, {
        id: newId(),
        pledge_id: id,
        period: today.slice(0, 7),
        cents: input.cents,
        movement_id: null,
        paid_on: null,
        bank_line: null,
        created_at: at,
      });
      await recordAudit(trx, {
        actorId: null,
        action: 'campaigns.pledge_made',
        subjectType: 'pledge',
        subjectId: id,
        after: {
          campaignId: c.id,
          cents: input.cents,
          frequency: input.frequency,
          anonymous: row.supporter_name === '',
        },
      });
      const network = await deps.network.get(trx);
      const locale = row.locale ?? network.locale;
      const amount = `${euros(input.cents)} ${network.currency}`;
      const monthly = input.frequency === 'monthly';
      const mail = pledgeMail(locale, {
        title: c.title,
        instructions: provider.instructions(locale, { amount, reference: row.reference, monthly }),
        reference: row.reference,
        link: `${config.publicUrl}/pledges/${SECRET_MASK}`,
      });
      await queueMail(trx, { to: input.email, ...mail, secret: secretFor(mailer.delivers, token) });
      return pledgeView(trx, row);
    });
    void mailer.flush().catch(() => {});
    return result;
  }

  async function byToken(token: string): Promise<Pledge> {
    const p = await repo.pledgeByTokenHash(db, hashToken(config.sessionSecret, token));
    if (!p) throw notFound('pledge');
    return pledgeView(db, p);
  }

  /** Pause, resume or cancel, by the holder of the private link. */
  async function change(token: string, action: PledgeAction): Promise<Pledge> {
    return db.transaction().execute(async (trx) => {
      const p = await repo.pledgeByTokenHash(trx, hashToken(config.sessionSecret, token));
      if (!p) throw notFound('pledge');
      return changePledgeIn(trx, p, action, null);
    });
  }

  /** The treasurer confirms a payment by hand, under its Idempotency-Key. */
  async function confirm(actor: MaybeActor, dueId: string, input: { cents: number; date: string }, key: string) {
    authorize(actor, campaignsPolicy.confirmPayment(actor));
    const result = await db.transaction().execute(async (trx) => {
      const { created, pledgeId } = await payDueIn(trx, deps, dueId, {
        ...input,
        actorId: actor.personId,
        key,
        bankLine: null,
      });
      return { created, pledge: await pledgeView(trx, (await repo.pledgeById(trx, pledgeId))!) };
    });
    // The receipt (and the thank-you) go after the commit.
    if (result.created) void mailer.flush().catch(() => {});
    return result;
  }

  return { get, create, postUpdate, pledge, byToken, change, confirm };
}
