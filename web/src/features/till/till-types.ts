/**
 * Shapes of the till's API as the web app reads them: the contract's types
 * (`contract/src/till.ts`, `cards.ts`, `offers.ts`), imported as types only so
 * no schema library reaches the bundle.
 */
import type { CardKeySet as CardKeySetSchema, RevokedList as RevokedListSchema } from '@coopnet/contract/cards';
import type { Offer } from '@coopnet/contract/offers';
import type {
  CardRefusal,
  OfferRefusal,
  Redemption,
  Remaining as RemainingSchema,
  SyncItem as SyncItemSchema,
  SyncResult as SyncResultSchema,
  TillOffers as TillOffersSchema,
  UsableOffer as UsableOfferSchema,
  VerifyResult as VerifyResultSchema,
} from '@coopnet/contract/till';
import type { z } from 'zod';

export type { CardRefusal, Offer, OfferRefusal, Redemption };
export type CardKeySet = z.infer<typeof CardKeySetSchema>;
export type RevokedList = z.infer<typeof RevokedListSchema>;
export type TillOffers = z.infer<typeof TillOffersSchema>;
export type Remaining = z.infer<typeof RemainingSchema>;
export type UsableOffer = z.infer<typeof UsableOfferSchema>;
export type VerifyReply = z.infer<typeof VerifyResultSchema>;
export type Holder = VerifyReply['holder'];
export type SyncItem = z.infer<typeof SyncItemSchema>;
export type SyncReply = z.infer<typeof SyncResultSchema>;

/** A co-op as the till remembers it, to name a holder's co-op and know its sector offline. */
export interface KnownCoop {
  name: string;
  sector: string;
}

/**
 * What the till keeps on the device to check cards and compute offers with no
 * connection. Each part is replaced as a whole when a refresh brings it.
 */
export interface TillCache {
  networkId: string | null;
  /** base64url raw Ed25519 public keys by key id (lower-case hex) */
  keys: Record<string, string>;
  /** revoked card ids → when */
  revoked: Record<string, string>;
  /** of those, the cards replaced by a newer one (the holder has it) → when */
  replaced: Record<string, string>;
  /** the `asOf` of the last revocation list fetched: the next fetch asks only for what came since */
  revokedAsOf: string | null;
  coop: { id: string; name: string } | null;
  offers: Offer[];
  coops: Record<string, KnownCoop>;
  currency: string | null;
  timeZone: string | null;
  /** when the last complete refresh ended */
  refreshedAt: string | null;
}

/**
 * The card as the cashier presented it to the till: the QR code's text
 * (signed; checked on this device too) or the printed code (only the server
 * can look it up). Either is the sale's proof that the card was there.
 */
export type PresentedCard = { kind: 'token'; text: string } | { kind: 'short'; code: string };

/** What a sale sends as its card. */
export const presentedText = (card: PresentedCard): string => (card.kind === 'token' ? card.text : card.code);

/** A sale made while the server could not be reached, waiting to be synced, with the card's signed text. */
export interface QueuedSale extends SyncItem {
  /** for the cashier's eyes only; never sent */
  note?: { holderName: string; offerTitle: string; discountCents: number };
}

/** How a card was read and what the till concluded. */
export type CardCheck =
  | {
      state: 'refused';
      reason: CardRefusal | 'needs_connection' | 'no_keys' | 'no_crypto';
      /** a revoked card replaced by a newer one: when (the cashier asks for the new card) */
      replacedAt?: string;
    }
  /** the server failed in another way than refusing the card */
  | { state: 'failed'; error: unknown }
  | {
      state: 'accepted';
      /** where the holder and offers come from: the server (authoritative), or this device's cache */
      source: 'server' | 'device';
      /** the card as presented: what a sale sends as its proof */
      card: PresentedCard;
      holder: Holder;
      offers: UsableOffer[];
    };
