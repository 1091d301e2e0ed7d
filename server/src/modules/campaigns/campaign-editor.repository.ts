/** The SQL of editing campaigns, listing the open ones, and their images. */
import { sql } from 'kysely';
import type { Executor } from '../../db/database.ts';
import type { CampaignImageTable } from '../../db/schema-campaign-images.ts';
import type { CampaignTable } from '../../db/schema-campaigns.ts';

export type ImageRow = CampaignImageTable;

export type CampaignChanges = Partial<
  Pick<
    CampaignTable,
    | 'title'
    | 'summary'
    | 'story'
    | 'goal_cents'
    | 'deadline'
    | 'tiers_json'
    | 'free_amount'
    | 'minimum_cents'
    | 'owner_kind'
    | 'owner_coop_id'
    | 'owner_name'
    | 'beneficiary_private'
  >
>;

export const updateCampaign = (ex: Executor, id: string, changes: CampaignChanges) =>
  ex.updateTable('campaigns').set(changes).where('id', '=', id).execute();

export const coopExists = (ex: Executor, id: string) =>
  ex.selectFrom('coops').select('id').where('id', '=', id).executeTakeFirst();

export const imagesOf = (ex: Executor, campaignId: string) =>
  ex.selectFrom('campaign_images').selectAll().where('campaign_id', '=', campaignId).orderBy('created_at').execute();

export const imageById = (ex: Executor, campaignId: string, id: string) =>
  ex
    .selectFrom('campaign_images')
    .selectAll()
    .where('campaign_id', '=', campaignId)
    .where('id', '=', id)
    .executeTakeFirst();

export const imageByFile = (ex: Executor, campaignId: string, file: string) =>
  ex
    .selectFrom('campaign_images')
    .selectAll()
    .where('campaign_id', '=', campaignId)
    .where('file', '=', file)
    .executeTakeFirst();

export const insertImage = (ex: Executor, row: ImageRow) => ex.insertInto('campaign_images').values(row).execute();

/** Makes `imageId` the campaign's only cover; null: no cover. */
export async function setCover(ex: Executor, campaignId: string, imageId: string | null) {
  await ex.updateTable('campaign_images').set({ cover: 0 }).where('campaign_id', '=', campaignId).execute();
  if (imageId)
    await ex
      .updateTable('campaign_images')
      .set({ cover: 1 })
      .where('campaign_id', '=', campaignId)
      .where('id', '=', imageId)
      .execute();
}

export const coverFile = async (ex: Executor, campaignId: string) =>
  (
    await ex
      .selectFrom('campaign_images')
      .select('file')
      .where('campaign_id', '=', campaignId)
      .where('cover', '=', 1)
      .executeTakeFirst()
  )?.file ?? null;

/** Campaigns whose deadline is today or later, soonest deadline first, with what the ledger's bank received for each. */
export async function openCampaigns(ex: Executor, today: string) {
  const rows = await ex
    .selectFrom('campaigns as c')
    .leftJoin('campaign_images as i', (j) => j.onRef('i.campaign_id', '=', 'c.id').on('i.cover', '=', 1))
    .select(['c.id', 'c.slug', 'c.title', 'c.summary', 'c.owner_name', 'c.goal_cents', 'c.deadline', 'i.file'])
    .where('c.deadline', '>=', today)
    .orderBy('c.deadline')
    .orderBy('c.title')
    .limit(100)
    .execute();
  if (rows.length === 0) return [];
  const raised = await ex
    .selectFrom('ledger_entries as e')
    .innerJoin('campaign_pledge_dues as d', 'd.movement_id', 'e.movement_id')
    .innerJoin('campaign_pledges as p', 'p.id', 'd.pledge_id')
    .where(
      'p.campaign_id',
      'in',
      rows.map((r) => r.id),
    )
    .where('e.account_code', '=', 'assets:bank')
    .groupBy('p.campaign_id')
    .select(['p.campaign_id', sql<string | number | null>`sum(e.cents)`.as('cents')])
    .execute();
  const byId = new Map(raised.map((r) => [r.campaign_id, Number(r.cents ?? 0)]));
  return rows.map((r) => ({ ...r, raised_cents: byId.get(r.id) ?? 0 }));
}
