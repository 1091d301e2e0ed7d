/** Ventures: co-ops being made — their stage, needs, founding team, members' offers of help, and applying to join. */
import { z } from 'zod';
import { Email, Id, name, PersonName, text } from './common.ts';

export const VentureStage = z.enum(['idea', 'study', 'founding', 'launched', 'member']);
export type VentureStage = z.infer<typeof VentureStage>;
export const NeedKind = z.enum(['skill', 'space', 'capital']);
export type NeedKind = z.infer<typeof NeedKind>;
export const OfferKind = z.enum(['skill', 'join']);
export const OfferStatus = z.enum(['open', 'accepted', 'declined', 'withdrawn']);

export const NeedInput = z.strictObject({ kind: NeedKind, description: text(300) });
export type NeedInput = z.infer<typeof NeedInput>;

export const VentureInput = z.strictObject({
  name: name(120, 2),
  /** what it will do, in plain text */
  description: text(4000),
  /** one of the network's sectors, when it knows which */
  sector: text(60).nullable().optional(),
  /** the proposer's role in the founding team */
  role: text(120),
  needs: z.array(NeedInput).max(30).default([]),
});
export type VentureInput = z.input<typeof VentureInput>;

export const VenturePatch = z.strictObject({
  name: name(120, 2).optional(),
  description: text(4000).optional(),
  sector: text(60).nullable().optional(),
});
export type VenturePatch = z.infer<typeof VenturePatch>;

export const StageInput = z.strictObject({
  stage: VentureStage,
  /** why it goes back a step (required then) */
  reason: text(1000).optional(),
});
export type StageInput = z.infer<typeof StageInput>;

export const NeedPatch = z.strictObject({ met: z.boolean() });

export const OfferInput = z.strictObject({
  kind: OfferKind,
  /** the skill offered, or for joining, the role the person would take */
  text: text(300),
});
export type OfferInput = z.infer<typeof OfferInput>;

export const OfferDecision = z.strictObject({ decision: z.enum(['accept', 'decline']) });
export type OfferDecision = z.infer<typeof OfferDecision>;

export const OfferParams = z.strictObject({ id: Id, offerId: Id });
export const NeedParams = z.strictObject({ id: Id, needId: Id });

/** A launched venture applies to join the network: the facts a co-op's application needs beyond the venture's own. */
export const JoinInput = z.strictObject({
  /** the co-op's sector, when the venture has none yet */
  sector: text(60).optional(),
  legalForm: text(60),
  address: text(200),
  city: text(80),
  workerCount: z.number().int().min(1).max(1_000_000),
  contactName: PersonName,
  contactEmail: Email,
  message: text(4000, 0),
});
export type JoinInput = z.input<typeof JoinInput>;

export const Need = z.object({ id: Id, kind: NeedKind, description: z.string(), met: z.boolean() });
export type Need = z.infer<typeof Need>;

export const TeamMember = z.object({ personId: Id, name: z.string(), role: z.string() });

export const Offer = z.object({
  id: Id,
  kind: OfferKind,
  text: z.string(),
  status: OfferStatus,
  personId: Id,
  personName: z.string(),
  createdAt: z.string(),
});
export type Offer = z.infer<typeof Offer>;

export const StageChange = z.object({
  from: VentureStage.nullable(),
  to: VentureStage,
  reason: z.string().nullable(),
  byName: z.string().nullable(),
  at: z.string(),
});

export const VentureSummary = z.object({
  id: Id,
  name: z.string(),
  description: z.string(),
  sector: z.string().nullable(),
  stage: VentureStage,
  openNeeds: z.number().int(),
});
export type VentureSummary = z.infer<typeof VentureSummary>;

export const VentureList = z.object({ items: z.array(VentureSummary) });

export const Venture = VentureSummary.extend({
  needs: z.array(Need),
  team: z.array(TeamMember),
  /** accepted offers for anyone; open ones to the team and to who offered */
  offers: z.array(Offer),
  stages: z.array(StageChange),
  /** the co-op it applied as, once it applied to join */
  coop: z.object({ id: Id, slug: z.string(), status: z.string() }).nullable(),
  abilities: z.object({
    /** the team and coordinators: edit, needs, stage, offers */
    manage: z.boolean(),
    /** a member of the network not in the team */
    offer: z.boolean(),
    /** the team, once launched and not yet applied */
    applyToJoin: z.boolean(),
  }),
});
export type Venture = z.infer<typeof Venture>;
