/**
 * Editing a campaign and its images, and the list of open campaigns. The
 * owner co-op's admins and coordinators edit the story, figures and images;
 * only coordinators change the owner or who benefits. Every change is
 * audited in its transaction.
 */
import type { CampaignDraft, CampaignEdit, CampaignImage, CampaignSummary } from '@coopnet/contract/campaign-editing';
import type { Executor } from '../../db/database.ts';
import type { AppDeps } from '../../deps.ts';
import type { MaybeActor } from '../../platform/auth/actor.ts';
import { authorize } from '../../platform/auth/authorize.ts';
import { recordAudit } from '../../platform/audit/audit.repository.ts';
import { newId, nowIso } from '../../platform/clock.ts';
import { badRequest, forbidden, notFound } from '../../platform/errors.ts';
import { campaignsPolicy } from './campaigns.policy.ts';
import * as campaignsRepo from './campaigns.repository.ts';
import * as repo from './campaign-editor.repository.ts';
import { imageUrl, storeImage } from './campaign-images.store.ts';

const imageView = (i: repo.ImageRow): CampaignImage => ({
  id: i.id,
  url: imageUrl(i.file),
  width: Number(i.width),
  height: Number(i.height),
  bytes: Number(i.bytes),
  cover: Number(i.cover) === 1,
});

export function campaignEditorService(deps: AppDeps) {
  const { db, config } = deps;

  async function editable(ex: Executor, actor: MaybeActor, slug: string) {
    const c = await campaignsRepo.campaignBySlug(ex, slug);
    if (!c) throw notFound('campaign');
    authorize(actor, campaignsPolicy.edit(actor, c.owner_coop_id));
    return { c, actor };
  }

  async function draftOf(ex: Executor, actor: MaybeActor, c: campaignsRepo.CampaignRow): Promise<CampaignDraft> {
    const coordinator = campaignsPolicy.changeOwner(actor);
    return {
      id: c.id,
      slug: c.slug,
      ownerKind: c.owner_kind,
      ownerCoopId: c.owner_coop_id,
      ownerName: c.owner_name,
      beneficiaryPrivate: campaignsPolicy.readBeneficiary(actor) ? c.beneficiary_private : null,
      title: c.title,
      summary: c.summary,
      story: c.story,
      goalCents: Number(c.goal_cents),
      deadline: c.deadline,
      subFund: c.sub_fund,
      suggestedCents: JSON.parse(c.tiers_json) as number[],
      freeAmount: Number(c.free_amount) === 1,
      minimumCents: Number(c.minimum_cents),
      images: (await repo.imagesOf(ex, c.id)).map(imageView),
      canChangeOwner: coordinator,
    };
  }

  /** The campaign as its editor loads it. */
  async function draft(actor: MaybeActor, slug: string): Promise<CampaignDraft> {
    const { c } = await editable(db, actor, slug);
    return draftOf(db, actor, c);
  }

  async function edit(maybeActor: MaybeActor, slug: string, input: CampaignEdit): Promise<CampaignDraft> {
    return db.transaction().execute(async (trx) => {
      const { c, actor } = await editable(trx, maybeActor, slug);
      const ownerFields = [input.ownerKind, input.ownerCoopId, input.ownerName, input.beneficiaryPrivate];
      if (ownerFields.some((v) => v !== undefined) && !campaignsPolicy.changeOwner(actor))
        throw forbidden('Only coordinators change who owns a campaign or who benefits.');
      const changes: repo.CampaignChanges = {};
      if (input.title !== undefined) changes.title = input.title;
      if (input.summary !== undefined) changes.summary = input.summary;
      if (input.story !== undefined) changes.story = input.story;
      if (input.goalCents !== undefined) changes.goal_cents = input.goalCents;
      if (input.deadline !== undefined) changes.deadline = input.deadline;
      if (input.suggestedCents !== undefined) changes.tiers_json = JSON.stringify(input.suggestedCents);
      if (input.freeAmount !== undefined) changes.free_amount = input.freeAmount ? 1 : 0;
      if (input.minimumCents !== undefined) changes.minimum_cents = input.minimumCents;
      if (input.ownerName !== undefined) changes.owner_name = input.ownerName;
      if (input.beneficiaryPrivate !== undefined) changes.beneficiary_private = input.beneficiaryPrivate;
      if (input.ownerKind !== undefined || input.ownerCoopId !== undefined) {
        const kind = input.ownerKind ?? c.owner_kind;
        const coopId = kind === 'coop' ? (input.ownerCoopId ?? c.owner_coop_id) : null;
        if (kind === 'coop' && !coopId)
          throw badRequest('campaigns.owner_coop_required', 'Say which co-op owns the campaign.');
        if (coopId && !(await repo.coopExists(trx, coopId)))
          throw badRequest('campaigns.unknown_coop', 'There is no such co-op.', { ownerCoopId: coopId });
        changes.owner_kind = kind;
        changes.owner_coop_id = coopId;
      }
      const tiers = input.suggestedCents ?? (JSON.parse(c.tiers_json) as number[]);
      const free = input.freeAmount ?? Number(c.free_amount) === 1;
      if (!free && tiers.length === 0)
        throw badRequest('campaigns.no_amounts', 'Offer suggested amounts, or welcome any amount from a minimum.');
      if (input.coverImageId !== undefined) {
        if (input.coverImageId && !(await repo.imageById(trx, c.id, input.coverImageId)))
          throw badRequest('campaigns.unknown_image', 'The cover must be one of this campaign’s images.');
        await repo.setCover(trx, c.id, input.coverImageId);
      }
      if (Object.keys(changes).length > 0) await repo.updateCampaign(trx, c.id, changes);
      const before: Record<string, unknown> = {};
      for (const key of Object.keys(changes) as (keyof repo.CampaignChanges)[]) before[key] = c[key];
      await recordAudit(trx, {
        actorId: actor.personId,
        action: 'campaigns.edited',
        subjectType: 'campaign',
        subjectId: c.id,
        coopId: changes.owner_coop_id !== undefined ? changes.owner_coop_id : c.owner_coop_id,
        before: { ...before, ...(input.coverImageId !== undefined ? { cover: 'changed' } : {}) },
        after: { ...changes, ...(input.coverImageId !== undefined ? { coverImageId: input.coverImageId } : {}) },
      });
      return draftOf(trx, actor, (await campaignsRepo.campaignById(trx, c.id))!);
    });
  }

  /** Takes an uploaded image for the campaign (checked and re-encoded first); `cover`: make it the cover. */
  async function upload(maybeActor: MaybeActor, slug: string, bytes: Buffer, cover: boolean): Promise<CampaignImage> {
    // Authorized before any decoding: a visitor's upload is never read as an image.
    await editable(db, maybeActor, slug);
    const stored = await storeImage(config.dataDir, bytes);
    return db.transaction().execute(async (trx) => {
      const { c, actor } = await editable(trx, maybeActor, slug);
      let row = await repo.imageByFile(trx, c.id, stored.file);
      if (!row) {
        row = {
          id: newId(),
          campaign_id: c.id,
          file: stored.file,
          width: stored.width,
          height: stored.height,
          bytes: stored.bytes,
          cover: 0,
          uploaded_by: actor.personId,
          created_at: nowIso(),
        };
        await repo.insertImage(trx, row);
      }
      if (cover) await repo.setCover(trx, c.id, row.id);
      await recordAudit(trx, {
        actorId: actor.personId,
        action: 'campaigns.image_uploaded',
        subjectType: 'campaign',
        subjectId: c.id,
        coopId: c.owner_coop_id,
        after: { imageId: row.id, file: row.file, bytes: stored.bytes, cover },
      });
      return imageView({ ...row, cover: cover ? 1 : row.cover });
    });
  }

  /** Campaigns still open (deadline today or later in the network's time zone), for anyone. */
  async function listOpen(): Promise<{ items: CampaignSummary[] }> {
    const today = await deps.network.today();
    const rows = await repo.openCampaigns(db, today);
    return {
      items: rows.map((r) => ({
        slug: r.slug,
        title: r.title,
        summary: r.summary,
        ownerName: r.owner_name,
        goalCents: Number(r.goal_cents),
        raisedCents: r.raised_cents,
        deadline: r.deadline,
        coverUrl: r.file ? imageUrl(r.file) : null,
      })),
    };
  }

  return { draft, edit, upload, listOpen };
}
