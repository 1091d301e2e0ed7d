/**
 * The member card: a COSE_Sign1 (RFC 9052 §4.2) over a CWT-style claim map
 * (RFC 8392), signed with Ed25519 (COSE alg -8, EdDSA), encoded as base45
 * (RFC 9285) behind the prefix `CN1:` so the QR code can use alphanumeric mode.
 * See docs/decisions/0007-member-card-format.md.
 *
 * Pure: signing and verifying are injected, so nothing here touches Node.
 */

import { decodeBase45, encodeBase45 } from './base45.ts';
import { CborTag, decode, encode, type CborMap, type CborValue } from './cbor.ts';
import { sha256 } from './sha256.ts';

export const CARD_PREFIX = 'CN1:';

/** COSE header labels and values (RFC 9052 §3.1, RFC 9053 §2.2). */
export const COSE_HEADER_ALG = 1;
export const COSE_HEADER_KID = 4;
export const COSE_ALG_EDDSA = -8;
/** CBOR tag for COSE_Sign1 (RFC 9052 §2). */
export const COSE_SIGN1_TAG = 18;

/**
 * Claim keys. 1, 2, 4 and 6 are the registered CWT claims (RFC 8392 §3.1);
 * the negative keys are ours (see the decision record for why these values).
 */
export const CLAIM = {
  iss: 1, // network id
  sub: 2, // card id
  exp: 4, // expiry, epoch seconds
  iat: 6, // issued at, epoch seconds
  name: -1, // holder's display name
  coop: -2, // the holder's co-op, short id
  kind: -3, // 0 = worker, 1 = supporter
} as const;

export type MemberKind = 'worker' | 'supporter';
const KIND_CODES: readonly MemberKind[] = ['worker', 'supporter'];

export interface CardClaims {
  networkId: string;
  cardId: string;
  holderName: string;
  coopId: string;
  kind: MemberKind;
  /** Epoch seconds. */
  expiresAt: number;
  /** Epoch seconds. */
  issuedAt: number;
}

export interface CardSigner {
  sign(data: Uint8Array): Uint8Array;
}

export interface CardVerifier {
  /** Ed25519 over `data`; `publicKey` is the raw 32-byte key. */
  verify(data: Uint8Array, signature: Uint8Array, publicKey: Uint8Array): boolean;
}

export interface DecodedCard {
  /** The serialized protected header, exactly as signed. */
  protectedBytes: Uint8Array;
  alg: number;
  kid: Uint8Array;
  /** The serialized claim map, exactly as signed. */
  payload: Uint8Array;
  claims: CardClaims;
  signature: Uint8Array;
}

export type ReadResult = { ok: true; card: DecodedCard } | { ok: false; reason: 'malformed'; detail: string };

export type VerifyFailure = 'malformed' | 'unknown_key' | 'bad_signature' | 'expired' | 'wrong_network' | 'not_yet_valid';
export type VerifyResult = { ok: true; claims: CardClaims; kid: string } | { ok: false; reason: VerifyFailure };

export interface VerifyOptions {
  /** Published public keys (raw 32-byte Ed25519), by key id in lower-case hex. */
  keys: ReadonlyMap<string, Uint8Array>;
  verifier: CardVerifier;
  now: Date;
  networkId: string;
  /** Tolerated clock drift for `iat` in the future, in seconds; default 300. */
  leewaySeconds?: number;
}

export function kidToHex(kid: Uint8Array): string {
  return [...kid].map((b) => b.toString(16).padStart(2, '0')).join('');
}

export function kidFromHex(hex: string): Uint8Array {
  if (!/^(?:[0-9a-f]{2})+$/i.test(hex)) throw new Error(`not a hex key id: ${hex}`);
  return Uint8Array.from(hex.match(/../g)!.map((h) => parseInt(h, 16)));
}

/** The recommended key id: the first `length` bytes of SHA-256 of the raw public key. */
export function deriveKid(publicKey: Uint8Array, length = 4): Uint8Array {
  return sha256(publicKey).slice(0, length);
}

/** Sig_structure for COSE_Sign1 (RFC 9052 §4.4), serialized. */
export function sigStructure(
  protectedBytes: Uint8Array,
  payload: Uint8Array,
  externalAad: Uint8Array = new Uint8Array(0),
): Uint8Array {
  return encode(['Signature1', protectedBytes, externalAad, payload]);
}

export function encodeProtectedHeader(kid: Uint8Array): Uint8Array {
  return encode(
    new Map<number, CborValue>([
      [COSE_HEADER_ALG, COSE_ALG_EDDSA],
      [COSE_HEADER_KID, kid],
    ]),
  );
}

function assertText(value: string, what: string, max: number): void {
  if (value.length === 0 || value.length > max) throw new RangeError(`${what} must be 1–${max} characters`);
}

function assertSeconds(value: number, what: string): void {
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`${what} must be epoch seconds`);
}

export function encodeClaims(c: CardClaims): Uint8Array {
  assertText(c.networkId, 'networkId', 64);
  assertText(c.cardId, 'cardId', 64);
  assertText(c.holderName, 'holderName', 100);
  assertText(c.coopId, 'coopId', 64);
  assertSeconds(c.expiresAt, 'expiresAt');
  assertSeconds(c.issuedAt, 'issuedAt');
  if (c.expiresAt <= c.issuedAt) throw new RangeError('expiresAt must be after issuedAt');
  const kind = KIND_CODES.indexOf(c.kind);
  if (kind < 0) throw new RangeError(`unknown member kind: ${String(c.kind)}`);
  return encode(
    new Map<number, CborValue>([
      [CLAIM.iss, c.networkId],
      [CLAIM.sub, c.cardId],
      [CLAIM.exp, c.expiresAt],
      [CLAIM.iat, c.issuedAt],
      [CLAIM.name, c.holderName],
      [CLAIM.coop, c.coopId],
      [CLAIM.kind, kind],
    ]),
  );
}

/** Signs the claims and returns the text for the QR code: `CN1:` + base45. */
export function issueCard(claims: CardClaims, key: { kid: Uint8Array; signer: CardSigner }): string {
  if (key.kid.length === 0) throw new RangeError('kid must not be empty');
  const protectedBytes = encodeProtectedHeader(key.kid);
  const payload = encodeClaims(claims);
  const signature = key.signer.sign(sigStructure(protectedBytes, payload));
  if (signature.length !== 64) throw new Error('an Ed25519 signature is 64 bytes');
  const sign1 = new CborTag(COSE_SIGN1_TAG, [protectedBytes, new Map(), payload, signature]);
  return CARD_PREFIX + encodeBase45(encode(sign1));
}

class Malformed extends Error {}

function need<T>(ok: boolean, value: T, detail: string): T {
  if (!ok) throw new Malformed(detail);
  return value;
}

function asMap(v: CborValue | undefined, what: string): CborMap {
  return need(v instanceof Map, v as CborMap, `${what} is not a map`);
}
function asBytes(v: CborValue | undefined, what: string): Uint8Array {
  return need(v instanceof Uint8Array, v as Uint8Array, `${what} is not a byte string`);
}
function asText(v: CborValue | undefined, what: string): string {
  return need(typeof v === 'string' && v.length > 0, v as string, `${what} is not a text string`);
}
function asUint(v: CborValue | undefined, what: string): number {
  return need(typeof v === 'number' && v >= 0, v as number, `${what} is not an unsigned integer`);
}

function decodeClaims(payload: Uint8Array): CardClaims {
  const m = asMap(decode(payload), 'payload');
  const known = new Set<number>(Object.values(CLAIM));
  for (const k of m.keys()) need(known.has(k), null, `unknown claim ${k}`);
  const kindCode = asUint(m.get(CLAIM.kind), 'kind');
  const kind = need(kindCode < KIND_CODES.length, KIND_CODES[kindCode]!, 'unknown member kind');
  return {
    networkId: asText(m.get(CLAIM.iss), 'iss'),
    cardId: asText(m.get(CLAIM.sub), 'sub'),
    holderName: asText(m.get(CLAIM.name), 'name'),
    coopId: asText(m.get(CLAIM.coop), 'coop'),
    kind,
    expiresAt: asUint(m.get(CLAIM.exp), 'exp'),
    issuedAt: asUint(m.get(CLAIM.iat), 'iat'),
  };
}

/** Decodes a card's text without checking its signature or dates. */
export function readCard(text: string): ReadResult {
  try {
    const t = text.trim();
    need(t.startsWith(CARD_PREFIX), null, `missing prefix ${CARD_PREFIX}`);
    const top = decode(decodeBase45(t.slice(CARD_PREFIX.length)));
    need(top instanceof CborTag && top.tag === COSE_SIGN1_TAG, null, 'not a tagged COSE_Sign1');
    const arr = (top as CborTag).value;
    need(Array.isArray(arr) && arr.length === 4, null, 'COSE_Sign1 is not a 4-element array');
    const [p, u, pl, sig] = arr as CborValue[];
    const protectedBytes = asBytes(p, 'protected header');
    const header = asMap(decode(protectedBytes), 'protected header');
    for (const k of header.keys()) need(k === COSE_HEADER_ALG || k === COSE_HEADER_KID, null, `unexpected header ${k}`);
    need(asMap(u, 'unprotected header').size === 0, null, 'unprotected header must be empty');
    const alg = header.get(COSE_HEADER_ALG);
    need(alg === COSE_ALG_EDDSA, null, 'algorithm is not EdDSA (-8)');
    const kid = asBytes(header.get(COSE_HEADER_KID), 'kid');
    need(kid.length > 0, null, 'kid is empty');
    const payload = asBytes(pl, 'payload');
    const signature = asBytes(sig, 'signature');
    need(signature.length === 64, null, 'signature is not 64 bytes');
    const claims = decodeClaims(payload);
    return { ok: true, card: { protectedBytes, alg: COSE_ALG_EDDSA, kid, payload, claims, signature } };
  } catch (e) {
    return { ok: false, reason: 'malformed', detail: e instanceof Error ? e.message : String(e) };
  }
}

/** A verifier that may answer later, as WebCrypto's `crypto.subtle.verify` does in a browser till. */
export interface AsyncCardVerifier {
  verify(data: Uint8Array, signature: Uint8Array, publicKey: Uint8Array): boolean | Promise<boolean>;
}

export type AsyncVerifyOptions = Omit<VerifyOptions, 'verifier'> & { verifier: AsyncCardVerifier };

/** What must be signed, and by which key: the part before the signature check, shared by both verifiers. */
type Signed =
  | { ok: true; card: DecodedCard; kid: string; publicKey: Uint8Array; data: Uint8Array }
  | { ok: false; reason: 'malformed' | 'unknown_key' };

function toBeSigned(text: string, keys: ReadonlyMap<string, Uint8Array>): Signed {
  const read = readCard(text);
  if (!read.ok) return { ok: false, reason: 'malformed' };
  const { card } = read;
  const kid = kidToHex(card.kid);
  const publicKey = keys.get(kid);
  if (!publicKey) return { ok: false, reason: 'unknown_key' };
  return { ok: true, card, kid, publicKey, data: sigStructure(card.protectedBytes, card.payload) };
}

/** The checks after a good signature: network, then dates. */
function checkClaims(card: DecodedCard, kid: string, opts: Omit<VerifyOptions, 'verifier' | 'keys'>): VerifyResult {
  return checkVerifiedClaims(card.claims, kid, opts);
}

/**
 * The checks after a good signature, on claims whose signature was verified
 * before (a verifier may remember genuine cards): network, then dates.
 */
export function checkVerifiedClaims(c: CardClaims, kid: string, opts: Omit<VerifyOptions, 'verifier' | 'keys'>): VerifyResult {
  if (c.networkId !== opts.networkId) return { ok: false, reason: 'wrong_network' };
  const now = Math.floor(opts.now.getTime() / 1000);
  if (now >= c.expiresAt) return { ok: false, reason: 'expired' };
  if (c.issuedAt > now + (opts.leewaySeconds ?? 300)) return { ok: false, reason: 'not_yet_valid' };
  return { ok: true, claims: c, kid };
}

/**
 * Checks a card offline: shape, key, signature, network, dates — in that order,
 * so nothing unsigned is trusted. Revocation is a separate check against the
 * cached status list.
 */
export function verifyCard(text: string, opts: VerifyOptions): VerifyResult {
  const signed = toBeSigned(text, opts.keys);
  if (!signed.ok) return signed;
  let valid = false;
  try {
    valid = opts.verifier.verify(signed.data, signed.card.signature, signed.publicKey);
  } catch {
    valid = false;
  }
  if (!valid) return { ok: false, reason: 'bad_signature' };
  return checkClaims(signed.card, signed.kid, opts);
}

/** The same checks as `verifyCard`, with a verifier that may be asynchronous (WebCrypto in a till). */
export async function verifyCardAsync(text: string, opts: AsyncVerifyOptions): Promise<VerifyResult> {
  const signed = toBeSigned(text, opts.keys);
  if (!signed.ok) return signed;
  let valid = false;
  try {
    valid = await opts.verifier.verify(signed.data, signed.card.signature, signed.publicKey);
  } catch {
    valid = false;
  }
  if (!valid) return { ok: false, reason: 'bad_signature' };
  return checkClaims(signed.card, signed.kid, opts);
}
