/**
 * The network's published card keys (those not retired), as the till checks
 * cards with them: read from `card_keys` once, with a node:crypto KeyObject
 * made once per key (making one costs more than the verification itself). A
 * card naming a key id we do not hold makes us read the table again (a key
 * published since); the whole set is also read again every minute, so a
 * retired key stops working.
 */
import { type KeyObject, createPublicKey, verify } from 'node:crypto';
import { credentials } from '@coopnet/domain';
import type { Db } from '../../db/database.ts';
import { publishedKeys as publishedKeyRows } from '../cards/cards.repository.ts';

const REFRESH_MS = 60_000;

export function publishedKeys(db: Db) {
  let keys = new Map<string, Uint8Array>();
  // verifyCard hands the verifier the very Uint8Array it took from `keys`, so identity finds its KeyObject.
  let keyObjects = new WeakMap<Uint8Array, KeyObject>();
  let readAt = 0;
  let reading: Promise<void> | null = null;

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

  /** Checks the QR code's text: shape, key, signature, network, dates. */
  async function verifyCard(text: string, networkId: string, now: Date): Promise<credentials.VerifyResult> {
    if (Date.now() - readAt > REFRESH_MS) await read();
    const check = () => credentials.verifyCard(text, { keys, verifier, now, networkId });
    const first = check();
    if (first.ok || first.reason !== 'unknown_key') return first;
    await read();
    return check();
  }

  return { verifyCard };
}
