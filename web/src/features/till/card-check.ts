/**
 * Checking a card on this device, with no server: the signature with
 * WebCrypto's Ed25519 against the cached public keys, the network and dates
 * (domain `verifyCardAsync`), then the cached revocation list. When offline,
 * the offers the holder may use are worked out here too, with the same
 * domain rule the server uses (`ineligibility`); limits need the server's
 * records, so they are checked when the sale syncs.
 */
import { localDate } from '@coopnet/domain/benefits/calendar';
import { ineligibility } from '@coopnet/domain/benefits/offer-rules';
import {
  CARD_PREFIX,
  verifyCardAsync,
  type AsyncCardVerifier,
  type CardClaims,
} from '@coopnet/domain/credentials/card';
import { normalizeShortCode } from '@coopnet/domain/credentials/short-code';
import type { CardRefusal, Holder, TillCache, UsableOffer } from './till-types.ts';

/** What the cashier typed or the camera read. */
export type CardInput = { kind: 'token'; text: string } | { kind: 'short'; code: string } | { kind: 'unreadable' };

export function classifyInput(typed: string): CardInput {
  const text = typed.trim();
  if (text.toUpperCase().startsWith(CARD_PREFIX))
    return { kind: 'token', text: CARD_PREFIX + text.slice(CARD_PREFIX.length) };
  const code = normalizeShortCode(text);
  return code ? { kind: 'short', code } : { kind: 'unreadable' };
}

/** WebCrypto needs a secure context (HTTPS or localhost); so does the camera. */
export function deviceCanVerify(): boolean {
  return typeof crypto !== 'undefined' && typeof crypto.subtle?.verify === 'function';
}

const imported = new Map<string, Promise<CryptoKey>>();

function importEd25519(publicKey: Uint8Array): Promise<CryptoKey> {
  const id = String.fromCharCode(...publicKey);
  let key = imported.get(id);
  if (!key) {
    key = crypto.subtle.importKey('raw', new Uint8Array(publicKey), { name: 'Ed25519' }, false, ['verify']);
    // A key the browser refuses is not remembered: the next check tries again.
    key.catch(() => imported.delete(id));
    imported.set(id, key);
  }
  return key;
}

export const webCryptoVerifier: AsyncCardVerifier = {
  async verify(data, signature, publicKey) {
    const key = await importEd25519(publicKey);
    return crypto.subtle.verify('Ed25519', key, new Uint8Array(signature), new Uint8Array(data));
  },
};

export function base64UrlToBytes(s: string): Uint8Array {
  const b64 = s
    .replace(/-/g, '+')
    .replace(/_/g, '/')
    .padEnd(Math.ceil(s.length / 4) * 4, '=');
  return Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
}

export type DeviceCheck =
  | { ok: true; claims: CardClaims }
  | { ok: false; reason: CardRefusal | 'no_keys' | 'no_crypto'; replacedAt?: string };

/** The card checked against what this device holds: keys, network, dates, revocations. */
export async function checkOnDevice(text: string, cache: TillCache, now: Date): Promise<DeviceCheck> {
  if (!cache.networkId || Object.keys(cache.keys).length === 0) return { ok: false, reason: 'no_keys' };
  if (!deviceCanVerify()) return { ok: false, reason: 'no_crypto' };
  const keys = new Map(Object.entries(cache.keys).map(([kid, x]) => [kid.toLowerCase(), base64UrlToBytes(x)]));
  const result = await verifyCardAsync(text, { keys, verifier: webCryptoVerifier, now, networkId: cache.networkId });
  if (!result.ok) return result;
  const id = result.claims.cardId;
  if (cache.revoked[id]) {
    const replacedAt = cache.replaced[id];
    return replacedAt ? { ok: false, reason: 'revoked', replacedAt } : { ok: false, reason: 'revoked' };
  }
  return { ok: true, claims: result.claims };
}

/** The card's claims as the holder the till shows, the co-op named from the cached list. */
export function holderFromClaims(claims: CardClaims, cache: TillCache): Holder {
  const coopId = claims.kind === 'worker' ? claims.coopId : null;
  return {
    displayName: claims.holderName,
    kind: claims.kind,
    coopId,
    coopName: coopId ? (cache.coops[coopId]?.name ?? null) : null,
    expiresAt: new Date(claims.expiresAt * 1000).toISOString(),
  };
}

const unknownRemaining = { personCount: null, personCents: null, capCount: null, capCents: null };

/** Offline: which cached offers this holder may use today. What remains of limits is not known here. */
export function offersOnDevice(holder: Holder, cache: TillCache, now: Date): UsableOffer[] {
  const today = localDate(now, cache.timeZone ?? 'UTC');
  const who = {
    kind: holder.kind,
    coopId: holder.coopId,
    sector: holder.coopId ? (cache.coops[holder.coopId]?.sector ?? null) : null,
  };
  return cache.offers.map((offer) => ({
    offer,
    refusal: ineligibility(offer, who, today),
    remaining: unknownRemaining,
  }));
}
