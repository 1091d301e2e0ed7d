/**
 * The network's card signing key, from config (PKCS8 PEM), as the credential
 * library wants it: a signer, the raw public key and the derived key id.
 */
import { createPrivateKey, createPublicKey, sign } from 'node:crypto';
import { credentials } from '@coopnet/domain';

export interface CardSigningKey {
  kid: Uint8Array;
  kidHex: string;
  /** raw 32 bytes */
  publicKey: Uint8Array;
  signer: credentials.CardSigner;
}

export function loadSigningKey(pem: string): CardSigningKey {
  const privateKey = createPrivateKey(pem);
  if (privateKey.asymmetricKeyType !== 'ed25519') throw new Error('CARD_SIGNING_KEY must be an Ed25519 key');
  const jwk = createPublicKey(privateKey).export({ format: 'jwk' });
  const publicKey = new Uint8Array(Buffer.from(jwk.x!, 'base64url'));
  const kid = credentials.deriveKid(publicKey);
  return {
    kid,
    kidHex: credentials.kidToHex(kid),
    publicKey,
    signer: { sign: (data) => new Uint8Array(sign(null, data, privateKey)) },
  };
}
