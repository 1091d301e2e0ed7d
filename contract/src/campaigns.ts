/**
 * Campaigns and pledges: a campaign's public page (its progress read from
 * the fund's ledger, its supporters, each "anonymous" unless they gave a
 * name), a visitor's pledge (one-off or monthly, with the reference code for
 * the bank transfer), the pledge's private page reached by the link in the
 * mail, and the treasurer's confirmation of a payment.
 */
import { z } from 'zod';
import { text } from './common.ts';

export const Slug = z.string().regex(/^[a-z0-9](?:[a-z0-9-]{0,78}[a-z0-9])?$/, 'lowercase letters, digits and dashes');
export const SlugParams = z.strictObject({ slug: Slug });

const Cents = z.number().int().min(1).max(100_000_000);

export const CampaignInput = z.strictObject({
  slug: Slug,
  ownerKind: z.enum(['network', 'coop', 'group']),
  ownerCoopId: z.uuid().optional(),
  ownerName: text(200),
  beneficiaryPrivate: text(2000, 0).default(''),
  title: text(200),
  summary: text(500),
  story: text(20_000, 0).default(''),
  goalCents: Cents,
  deadline: z.iso.date(),
  subFund: z.string().min(1).max(40),
  suggestedCents: z.array(Cents).max(8).default([]),
  freeAmount: z.boolean().default(true),
  minimumCents: z.number().int().min(0).max(100_000_000).default(100),
});
export type CampaignInput = z.infer<typeof CampaignInput>;

export const Supporter = z.object({
  name: z.string().nullable(),
  cents: z.number().int(),
  frequency: z.enum(['one_off', 'monthly']),
});

export const Campaign = z.object({
  id: z.string(),
  slug: z.string(),
  ownerKind: z.enum(['network', 'coop', 'group']),
  ownerName: z.string(),
  /** the owner co-op, when a co-op owns it (its admins may edit the campaign) */
  ownerCoopId: z.string().nullable(),
  /** coordinators only; null for everyone else */
  beneficiaryPrivate: z.string().nullable(),
  title: z.string(),
  summary: z.string(),
  story: z.string(),
  /** the cover image's address on this server, or null */
  coverUrl: z.string().nullable(),
  goalCents: z.number().int(),
  deadline: z.string(),
  subFund: z.string(),
  suggestedCents: z.array(z.number().int()),
  freeAmount: z.boolean(),
  minimumCents: z.number().int(),
  /** what the ledger holds as paid for this campaign's pledges */
  raisedCents: z.number().int(),
  supporters: z.array(Supporter),
  updates: z.array(z.object({ id: z.string(), body: z.string(), createdAt: z.string() })),
});
export type Campaign = z.infer<typeof Campaign>;

export const PledgeInput = z.strictObject({
  cents: Cents,
  frequency: z.enum(['one_off', 'monthly']),
  /** absent or empty: anonymous */
  name: text(120, 0).optional(),
  email: z.email().max(254),
  /** the language of the pledge's mails (its receipts, the thank-you); absent: the network's */
  locale: z.enum(['en', 'es']).optional(),
});
export type PledgeInput = z.infer<typeof PledgeInput>;

export const PledgeStatus = z.enum(['pending', 'active', 'paused', 'cancelled', 'lapsed', 'done']);

export const Pledge = z.object({
  id: z.string(),
  campaignSlug: z.string(),
  campaignTitle: z.string(),
  reference: z.string(),
  cents: z.number().int(),
  frequency: z.enum(['one_off', 'monthly']),
  status: PledgeStatus,
  madeOn: z.string(),
  dues: z.array(
    z.object({ id: z.string(), period: z.string(), cents: z.number().int(), paidOn: z.string().nullable() }),
  ),
});
export type Pledge = z.infer<typeof Pledge>;

export const TokenParams = z.strictObject({
  token: z
    .string()
    .min(10)
    .max(100)
    .regex(/^[A-Za-z0-9_-]+$/),
});
export const PledgeChange = z.strictObject({ action: z.enum(['pause', 'resume', 'cancel']) });

/** The pledges made with a signed-in person's address, newest first. */
export const MyPledges = z.object({ items: z.array(Pledge) });
export type MyPledges = z.infer<typeof MyPledges>;

export const DuePaymentInput = z.strictObject({ cents: Cents, date: z.iso.date() });

export const CampaignUpdateInput = z.strictObject({ body: text(10_000) });

/** A campaign's Atom feed: `<slug>.atom`. */
export const CampaignFeedParams = z.strictObject({
  slug: z.string().regex(/^[a-z0-9](?:[a-z0-9-]{0,78}[a-z0-9])?\.atom$/),
});
