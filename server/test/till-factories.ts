/**
 * Test-only: a small network for the till's tests — a giving co-op with its
 * cashier and admin, workers of other co-ops with their cards — and cards made
 * by hand (forged, tampered, expired, of another network, signed by an
 * unpublished key) with the credential library and node:crypto keys.
 */
import { generateKeyPairSync, randomUUID, sign } from 'node:crypto';
import { credentials } from '@coopnet/domain';
import type { LightMyRequestResponse } from 'fastify';
import type { OfferTable } from '../src/db/schema-benefits.ts';
import { cardOf, makeOffer } from './benefits-factories.ts';
import { actorClient, makeCoop, makePerson } from './factories.ts';
import type { Client, TestContext } from './harness.ts';
import { loadSigningKey } from '../src/modules/cards/index.ts';

export async function tillWorld(t: TestContext) {
  const giver = await makeCoop(t.deps, { name: `Panadería ${randomUUID().slice(0, 6)}`, sector: 'food' });
  const other = await makeCoop(t.deps, { name: `Vivienda ${randomUUID().slice(0, 6)}`, sector: 'housing' });
  const cashier = await actorClient(t.deps, t.app, { coopId: giver.id, roles: [{ role: 'cashier', coopId: giver.id }] });
  const admin = await actorClient(t.deps, t.app, { coopId: giver.id, roles: [{ role: 'coop_admin', coopId: giver.id }] });
  return { giver, other, cashier, admin };
}

/**
 * A worker of the co-op (or a supporter, with coopId null) with their card as
 * the app issues it, its QR text signed again by the network's key as if
 * issued a day earlier: offline sales in the tests are dated minutes back, and
 * a card issued after a sale's time is refused (`not_yet_valid`).
 */
export async function holderWithCard(t: TestContext, coopId: string | null, displayName?: string) {
  const person = await makePerson(t.deps, coopId ? { coopId, displayName } : { supporter: true, displayName });
  const card = await cardOf(t.app, person.email);
  return { ...person, card: { ...card, token: issuedEarlier(t, card.token, 86_400) } };
}

/** The same card (same id, holder, expiry), signed by the network's key as issued `seconds` earlier. */
export function issuedEarlier(t: TestContext, token: string, seconds: number): string {
  const claims = claimsOf(token);
  return credentials.issueCard({ ...claims, issuedAt: claims.issuedAt - seconds }, serverKey(t));
}

/** An offer of the co-op, created 40 days ago unless told otherwise (a synced sale dated before its offer is refused). */
export const offer = (t: TestContext, coopId: string, o: Partial<OfferTable> = {}) =>
  makeOffer(t.deps, coopId, { created_at: new Date(Date.now() - 40 * 86_400_000).toISOString(), ...o });

export function redeem(client: Client, coopId: string, body: unknown, key: string | null = randomUUID()): Promise<LightMyRequestResponse> {
  return client.request('POST', `/api/v1/till/${coopId}/redemptions`, body, key === null ? {} : { 'idempotency-key': key });
}

export const verify = (client: Client, coopId: string, card: string) => client.post(`/api/v1/till/${coopId}/verify`, { card });

export async function redemptionCount(t: TestContext, offerId: string): Promise<number> {
  const r = await t.deps.db
    .selectFrom('redemptions')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('offer_id', '=', offerId)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

// ── Cards made by hand ──

interface Claims {
  networkId: string;
  cardId: string;
  holderName: string;
  coopId: string;
  kind: 'worker' | 'supporter';
  issuedAt: number;
  expiresAt: number;
}

/** The server's signing key, as configured for the test app. */
export const serverKey = (t: TestContext) => loadSigningKey(t.deps.config.cardSigningKey);

/** A fresh Ed25519 key the network never published. */
export function unpublishedKey() {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const raw = new Uint8Array(Buffer.from(publicKey.export({ format: 'jwk' }).x!, 'base64url'));
  return {
    kid: credentials.deriveKid(raw),
    publicKey: raw,
    signer: { sign: (data: Uint8Array) => new Uint8Array(sign(null, data, privateKey)) },
  };
}

export function claimsOf(token: string): Claims {
  const read = credentials.readCard(token);
  if (!read.ok) throw new Error(read.detail);
  return read.card.claims;
}

/** The card with one byte of its signature changed. */
export function forge(token: string): string {
  const read = credentials.readCard(token);
  if (!read.ok) throw new Error(read.detail);
  const signature = Uint8Array.from(read.card.signature);
  signature[10]! ^= 0x01;
  return reassemble(read.card.protectedBytes, read.card.payload, signature);
}

/** The card with a claim changed (the name) and re-encoded, keeping the old signature. */
export function tamper(token: string, holderName = 'Someone Else'): string {
  const read = credentials.readCard(token);
  if (!read.ok) throw new Error(read.detail);
  const claims = credentials.decodeCbor(read.card.payload) as credentials.CborMap;
  claims.set(credentials.CLAIM.name, holderName);
  return reassemble(read.card.protectedBytes, credentials.encodeCbor(claims), read.card.signature);
}

function reassemble(protectedBytes: Uint8Array, payload: Uint8Array, signature: Uint8Array): string {
  const sign1 = new credentials.CborTag(credentials.COSE_SIGN1_TAG, [protectedBytes, new Map(), payload, signature]);
  return credentials.CARD_PREFIX + credentials.encodeBase45(credentials.encodeCbor(sign1));
}
