/**
 * Test-only: Ed25519 signer and verifier backed by node:crypto, with raw
 * 32-byte public keys. Not exported from the domain package's index; the server
 * has its own key handling.
 */

import { createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import type { CardSigner, CardVerifier } from './card.ts';

/** DER SubjectPublicKeyInfo prefix for an Ed25519 key (RFC 8410): add the 32 raw bytes. */
const ED25519_SPKI_PREFIX = Uint8Array.from([0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00]);

export function generateTestKey(): { signer: CardSigner; publicKey: Uint8Array; privateKey: KeyObject } {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const jwk = publicKey.export({ format: 'jwk' });
  const raw = new Uint8Array(Buffer.from(jwk.x!, 'base64url'));
  return {
    privateKey,
    publicKey: raw,
    signer: { sign: (data) => new Uint8Array(sign(null, data, privateKey)) },
  };
}

export const nodeVerifier: CardVerifier = {
  verify(data, signature, publicKey) {
    if (publicKey.length !== 32) return false;
    const der = new Uint8Array(ED25519_SPKI_PREFIX.length + 32);
    der.set(ED25519_SPKI_PREFIX);
    der.set(publicKey, ED25519_SPKI_PREFIX.length);
    const key = createPublicKey({ key: Buffer.from(der), format: 'der', type: 'spki' });
    return verify(null, data, key, signature);
  },
};
