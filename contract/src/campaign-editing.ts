/**
 * Editing campaigns: the list of open campaigns (anyone), the editor's view
 * of a campaign (those who may edit it), the changes they send, and the
 * images they upload (PNG, JPEG or WebP, checked by their content, shrunk
 * and re-encoded by the server, served by their content's hash).
 */
import { z } from 'zod';
import { text } from './common.ts';

const Cents = z.number().int().min(1).max(100_000_000);

/** What an editor may change; every field optional. Owner and beneficiary: coordinators only. */
export const CampaignEdit = z.strictObject({
  title: text(200).optional(),
  summary: text(500).optional(),
  story: text(20_000, 0).optional(),
  goalCents: Cents.optional(),
  deadline: z.iso.date().optional(),
  suggestedCents: z.array(Cents).max(8).optional(),
  freeAmount: z.boolean().optional(),
  minimumCents: z.number().int().min(0).max(100_000_000).optional(),
  ownerKind: z.enum(['network', 'coop', 'group']).optional(),
  ownerCoopId: z.uuid().nullable().optional(),
  ownerName: text(200).optional(),
  beneficiaryPrivate: text(2000, 0).optional(),
  /** an image of this campaign's to show as its cover, or null for none */
  coverImageId: z.uuid().nullable().optional(),
});
export type CampaignEdit = z.infer<typeof CampaignEdit>;

export const CampaignImage = z.object({
  id: z.string(),
  /** the image's address on this server, e.g. /campaign-images/<sha256>.jpg, for a story's Markdown */
  url: z.string(),
  width: z.number().int(),
  height: z.number().int(),
  bytes: z.number().int(),
  cover: z.boolean(),
});
export type CampaignImage = z.infer<typeof CampaignImage>;

export const ImageUploadQuery = z.strictObject({ cover: z.enum(['true', 'false']).default('false') });

/** The campaign as its editor loads it. */
export const CampaignDraft = z.object({
  id: z.string(),
  slug: z.string(),
  ownerKind: z.enum(['network', 'coop', 'group']),
  ownerCoopId: z.string().nullable(),
  ownerName: z.string(),
  /** coordinators only; null for the owner co-op's admins */
  beneficiaryPrivate: z.string().nullable(),
  title: z.string(),
  summary: z.string(),
  story: z.string(),
  goalCents: z.number().int(),
  deadline: z.string(),
  subFund: z.string(),
  suggestedCents: z.array(z.number().int()),
  freeAmount: z.boolean(),
  minimumCents: z.number().int(),
  images: z.array(CampaignImage),
  /** whether this editor may change the owner and who benefits (coordinators) */
  canChangeOwner: z.boolean(),
});
export type CampaignDraft = z.infer<typeof CampaignDraft>;

export const CampaignSummary = z.object({
  slug: z.string(),
  title: z.string(),
  summary: z.string(),
  ownerName: z.string(),
  goalCents: z.number().int(),
  raisedCents: z.number().int(),
  deadline: z.string(),
  coverUrl: z.string().nullable(),
});
export const CampaignList = z.object({ items: z.array(CampaignSummary) });
export type CampaignSummary = z.infer<typeof CampaignSummary>;
