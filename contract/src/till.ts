/**
 * The till: verify a card, see the offers the holder may use with what remains
 * of their limits, record a redemption (idempotent), sync an offline batch.
 * Tills of other systems use the same routes with an API token scoped
 * `cashier:<co-op id>`.
 */
import { z } from 'zod';
import { Id, IdempotencyKey, text } from './common.ts';
import { Cents, Offer } from './offers.ts';

export const TillParams = z.strictObject({ coopId: Id });

/** Why a card is refused: the card's own verification, or the network's records. */
export const CardRefusal = z.enum([
  'malformed',
  'unknown_key',
  'bad_signature',
  'expired',
  'wrong_network',
  'not_yet_valid',
  'revoked',
  'unknown_card',
]);
export type CardRefusal = z.infer<typeof CardRefusal>;

/** Why an offer cannot be used by this holder now. */
export const OfferRefusal = z.enum([
  'own_coop',
  'not_for_workers',
  'not_for_supporters',
  'sector_not_included',
  'offer_paused',
  'offer_ended',
  'not_started',
  'limit_reached',
  'cap_reached',
  'below_min_sale',
]);
export type OfferRefusal = z.infer<typeof OfferRefusal>;

/**
 * The card as it was presented at the till: the QR code's text (`CN1:…`,
 * signed by the network) or the 8-character code printed under it. It is
 * the proof that the card was there; a card id alone proves nothing and is
 * refused.
 */
export const CardPresented = z.string().trim().min(4).max(2000);

export const VerifyInput = z.strictObject({
  /** the QR code's text (`CN1:…`) or the 8-character short code */
  card: CardPresented,
});

/** The holder as the till shows them. No card id: the cashier has the card in hand, and an id would serve as a card code. */
export const Holder = z.object({
  displayName: z.string(),
  kind: z.enum(['worker', 'supporter']),
  coopId: z.string().nullable(),
  coopName: z.string().nullable(),
  expiresAt: z.string(),
});

export const Remaining = z.object({
  personCount: z.number().int().nullable(),
  personCents: z.number().int().nullable(),
  capCount: z.number().int().nullable(),
  capCents: z.number().int().nullable(),
});

export const UsableOffer = z.object({
  offer: Offer,
  /** null: the holder may use it now */
  refusal: OfferRefusal.nullable(),
  remaining: Remaining,
});

/** 200 with the holder and offers; a refused card is 422 `till.card_refused` with details.reason. */
export const VerifyResult = z.object({ holder: Holder, offers: z.array(UsableOffer) });

export const RedemptionInput = z.strictObject({
  offerId: Id,
  /** the card as presented: the QR code's text (`CN1:…`) or its 8-character code */
  card: CardPresented,
  saleCents: Cents,
});

/** The co-op admin's decision on a flagged redemption; until there is one it does not count in the reciprocity accounts. */
export const FlagDecision = z.enum(['accepted', 'rejected']);
export type FlagDecision = z.infer<typeof FlagDecision>;

export const Redemption = z.object({
  id: z.string(),
  offerId: z.string(),
  offerTitle: z.string(),
  coopId: z.string(),
  coopName: z.string(),
  holderName: z.string(),
  holderCoopId: z.string().nullable(),
  holderKind: z.enum(['worker', 'supporter']),
  saleCents: z.number().int(),
  discountCents: z.number().int(),
  /** when the sale was made (offline: the till's clock) */
  redeemedAt: z.string(),
  recordedAt: z.string(),
  /** YYYY-MM the reciprocity accounts count it in: the month of the sale, or the next open month when that one was settled before the sale arrived */
  accountingMonth: z.string(),
  offline: z.boolean(),
  flag: z.string().nullable(),
  /** a flagged redemption counts in the accounts only once accepted */
  flagDecision: FlagDecision.nullable(),
  flagResolvedAt: z.string().nullable(),
});
export type Redemption = z.infer<typeof Redemption>;

export const SyncItem = z.strictObject({
  /** the till's idempotency key for this redemption, the one it sends online as `Idempotency-Key` */
  key: IdempotencyKey,
  offerId: Id,
  /** the QR code's text (`CN1:…`) the till checked offline; the server checks its signature again */
  card: CardPresented,
  saleCents: Cents,
  /** the till's clock when the sale was made */
  redeemedAt: z.iso.datetime(),
});
export const SyncInput = z.strictObject({ items: z.array(SyncItem).min(1).max(500) });

export const SyncResult = z.object({
  items: z.array(
    z.object({
      key: z.string(),
      /** recorded now; duplicate: recorded by an earlier sync; rejected: not recorded (see SyncRejection) */
      status: z.enum(['recorded', 'duplicate', 'rejected']),
      redemption: Redemption.nullable(),
      reason: z.string().nullable(),
    }),
  ),
});

/** What a till keeps to work offline: its co-op's offers, refreshed when online. */
export const TillOffers = z.object({ coop: z.object({ id: z.string(), name: z.string() }), offers: z.array(Offer), asOf: z.string() });

export const RedemptionListQuery = z.strictObject({
  flagged: z.enum(['1', 'true', '0', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

export const RedemptionPage = z.object({
  items: z.array(Redemption),
  total: z.number().int(),
  limit: z.number().int(),
  offset: z.number().int(),
});

export const RedemptionParams = z.strictObject({ coopId: Id, id: Id });

/** The member's own: savings this month and this year, and their redemptions. */
export const MySavings = z.object({
  currency: z.string(),
  monthCents: z.number().int(),
  yearCents: z.number().int(),
  monthCount: z.number().int(),
  yearCount: z.number().int(),
  recent: z.array(Redemption),
});

/**
 * Why an offline redemption was flagged at sync. It was recorded all the same
 * and the co-op's admin accepts or rejects it; until accepted it does not
 * count in the reciprocity accounts. `synced_late`: it arrived later than the
 * till's offline window allows.
 */
export const RedemptionFlag = z.enum(['limit_exceeded', 'cap_exceeded', 'card_revoked', 'card_expired', 'offer_closed', 'not_eligible', 'synced_late']);
export type RedemptionFlag = z.infer<typeof RedemptionFlag>;

/** Why a synced item was not recorded (SyncResult's `reason` when `status` is 'rejected'). */
export const SyncRejection = z.enum([
  /** no such card in the network's records */
  'unknown_card',
  /** the card's text is not a member card, or it was misread */
  'malformed',
  /** the card is signed by a key the network does not publish */
  'unknown_key',
  /** the card's signature does not match: forged or altered */
  'bad_signature',
  /** a card of another network */
  'wrong_network',
  /** the card was issued after the sale's time */
  'not_yet_valid',
  /** a short code, not the QR code's text: a sale made offline must carry the signed card */
  'token_required',
  /** the sale is dated before its offer was created */
  'before_offer',
  /** no such offer, or an offer of another co-op */
  'unknown_offer',
  /** redeemedAt is more than 5 minutes ahead of the server's clock */
  'redeemed_in_future',
  /** redeemedAt is more than 30 days ago (a sale older than the till's offline window, and younger, is held: flagged `synced_late`) */
  'too_old',
  /** the key was used before for a different offer, card or sale */
  'idempotency_conflict',
]);
export type SyncRejection = z.infer<typeof SyncRejection>;

/**
 * Deciding a flag (POST /coops/:coopId/redemptions/:id/resolve): accept (it
 * counts in the accounts) or reject (it never counts), with an optional note
 * kept in the audit log.
 */
export const ResolveInput = z.strictObject({ decision: z.enum(['accept', 'reject']), note: text(500).optional() });
export type ResolveInput = z.infer<typeof ResolveInput>;

export type SyncInput = z.infer<typeof SyncInput>;
export type SyncResult = z.infer<typeof SyncResult>;
export type RedemptionListQuery = z.infer<typeof RedemptionListQuery>;
export type VerifyResult = z.infer<typeof VerifyResult>;
export type MySavings = z.infer<typeof MySavings>;
