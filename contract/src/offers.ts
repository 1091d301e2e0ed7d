/** Offers: what a co-op gives the workers of the other co-ops (and supporters), and the public catalogue. */
import { z } from 'zod';
import { Id, text } from './common.ts';

export const OfferKind = z.enum(['percent', 'amount', 'free_item']);
export const OfferStatus = z.enum(['active', 'paused', 'ended']);
export const LimitPeriod = z.enum(['day', 'week', 'month']);
/** Whole cents, bounded: 0 … 1,000,000.00 */
export const Cents = z.number().int().min(0).max(100_000_000);
const Day = z.iso.date();

export const Offer = z.object({
  id: z.string(),
  coopId: z.string(),
  coopName: z.string(),
  coopSlug: z.string(),
  coopSector: z.string(),
  title: z.string(),
  terms: z.string(),
  kind: OfferKind,
  percent: z.number().int().nullable(),
  amountCents: z.number().int().nullable(),
  item: z.string().nullable(),
  maxDiscountCents: z.number().int().nullable(),
  minSaleCents: z.number().int().nullable(),
  forWorkers: z.boolean(),
  forSupporters: z.boolean(),
  /** empty: every sector */
  sectors: z.array(z.string()),
  limitPeriod: LimitPeriod.nullable(),
  limitCount: z.number().int().nullable(),
  limitCents: z.number().int().nullable(),
  capCount: z.number().int().nullable(),
  capCents: z.number().int().nullable(),
  validFrom: z.string().nullable(),
  validUntil: z.string().nullable(),
  status: OfferStatus,
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Offer = z.infer<typeof Offer>;

const offerFields = {
  title: text(120, 2),
  terms: text(2000, 0),
  kind: OfferKind,
  percent: z.number().int().min(1).max(100).nullable().optional(),
  amountCents: Cents.min(1).nullable().optional(),
  item: text(120).nullable().optional(),
  maxDiscountCents: Cents.min(1).nullable().optional(),
  minSaleCents: Cents.nullable().optional(),
  forWorkers: z.boolean(),
  forSupporters: z.boolean(),
  sectors: z.array(text(60)).max(50),
  limitPeriod: LimitPeriod.nullable().optional(),
  limitCount: z.number().int().min(1).max(1000).nullable().optional(),
  limitCents: Cents.min(1).nullable().optional(),
  capCount: z.number().int().min(1).max(10_000_000).nullable().optional(),
  capCents: Cents.min(1).nullable().optional(),
  validFrom: Day.nullable().optional(),
  validUntil: Day.nullable().optional(),
};

/** Create: the rules that tie fields to the kind are checked by the server (400 offers.invalid with the field). */
export const OfferInput = z.strictObject({
  ...offerFields,
  terms: offerFields.terms.default(''),
  forWorkers: offerFields.forWorkers.default(true),
  forSupporters: offerFields.forSupporters.default(false),
  sectors: offerFields.sectors.default([]),
});
export type OfferInput = z.infer<typeof OfferInput>;

/**
 * Change: only the fields sent change. Built without the create defaults,
 * which a partial schema would otherwise fill in and so reset what the
 * change does not mention. `null` clears a field.
 */
export const OfferPatch = z.strictObject(offerFields).partial();
export type OfferPatch = z.infer<typeof OfferPatch>;

export const CoopOffersParams = z.strictObject({ id: Id });

export const OfferListQuery = z.strictObject({
  /** only offers the signed-in member may use today */
  openToMe: z.enum(['1', 'true', '0', 'false']).optional(),
  sector: z.string().trim().max(60).optional(),
  coopId: Id.optional(),
  /** "near me": the visitor's position and a radius */
  lat: z.coerce.number().min(-90).max(90).optional(),
  lng: z.coerce.number().min(-180).max(180).optional(),
  radiusKm: z.coerce.number().min(0.1).max(500).default(5),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export type OfferListQuery = z.infer<typeof OfferListQuery>;

export const CatalogueOffer = Offer.extend({
  /** km from the given position, when one was given and the co-op is on the map */
  distanceKm: z.number().nullable(),
});

export const OfferPage = z.object({
  items: z.array(CatalogueOffer),
  total: z.number().int(),
  limit: z.number().int(),
  offset: z.number().int(),
});

/** A co-op's own offers, every status, for its admins. */
export const CoopOfferList = z.object({ items: z.array(Offer), abilities: z.object({ manage: z.boolean() }) });
