/**
 * The network's published card keys (those not retired), as the till checks
 * cards with them: read from `card_keys` once, with a node:crypto KeyObject
 * made once per key (making one costs more than the verification itself). A
 * card naming a key id we do not hold makes us read the table again (a key
 * published since); the whole set is also read again every minute, so a
 * retired key leaves memory. A key retired in between is not trusted for that
 * minute: the card's record, read on every check and sale, says whether its
 * key is still published (card-check.ts), so retirement holds at once.
 *
 * Every sale carries its card's QR text, and checking an Ed25519 signature is
 * the costly part of a sale. A member shows the same text for weeks, so the
 * texts whose signature was good are remembered (up to GENUINE_MAX, by the
 * whole text): the next time only the network and dates are checked again,
 * and the key must still be published.
 */
import { type KeyObject, createPublicKey, verify } from 'node:crypto';
import { credentials } from '@coopnet/domain';
import type { Db } from '../../db/database.ts';
import { publishedKeys as publishedKeyRows } from '../cards/index.ts';

const REFRESH_MS = 60_000;
const GENUINE_MAX = 20_000;

export function publishedKeys(db: Db) {
  let keys = new Map<string, Uint8Array>();
  // verifyCard hands the verifier the very Uint8Array it took from `keys`, so identity finds its KeyObject.
  let keyObjects = new WeakMap<Uint8Array, KeyObject>();
  let readAt = 0;
  let reading: Promise<void> | null = null;
  /** QR texts whose signature was good, with their claims and key id */
  let genuine = new Map<string, { claims: credentials.CardClaims; kid: string }>();

  function read(): Promise<void> {
    reading ??= publishedKeyRows(db)
      .then((rows) => {
        const nextKeys = new Map<string, Uint8Array>();
        const nextObjects = new WeakMap<Uint8Array, KeyObject>();
        for (const row of rows) {
          const raw = new Uint8Array(Buffer.from(row.public_key, 'base64url'));
          if (raw.length !== 32) continue;
          nextKeys.set(row.kid, raw);
          nextObjects.set(raw, createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: row.public_key }, format: 'jwk' }));
        }
        keys = nextKeys;
        keyObjects = nextObjects;
        readAt = Date.now();
      })
      .finally(() => {
        reading = null;
      });
    return reading;
  }

  const verifier: credentials.CardVerifier = {
    verify(data, signature, publicKey) {
      const key = keyObjects.get(publicKey);
      return key !== undefined && verify(null, data, key, signature);
    },
  };

  function remember(text: string, result: credentials.VerifyResult): credentials.VerifyResult {
    if (result.ok) {
      // A full map starts again: cheaper than keeping an order, and the texts in use come back at once.
      if (genuine.size >= GENUINE_MAX) genuine = new Map();
      genuine.set(text, { claims: result.claims, kid: result.kid });
    }
    return result;
  }

  /** Checks the QR code's text: shape, key, signature, network, dates. */
  async function verifyCard(text: string, networkId: string, now: Date): Promise<credentials.VerifyResult> {
    if (Date.now() - readAt > REFRESH_MS) await read();
    const known = genuine.get(text);
    if (known && keys.has(known.kid)) return credentials.checkVerifiedClaims(known.claims, known.kid, { now, networkId });
    const check = () => credentials.verifyCard(text, { keys, verifier, now, networkId });
    const first = check();
    if (first.ok || first.reason !== 'unknown_key') return remember(text, first);
    await read();
    return remember(text, check());
  }

  return { verifyCard };
}
