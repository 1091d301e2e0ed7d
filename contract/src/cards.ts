/** Member cards: the network's public keys, a member's own card, the revocation list for tills. */
import { z } from 'zod';

/** One published key, shaped like a JWKS entry (RFC 8037) so any JOSE/COSE library can use it. */
export const CardKey = z.object({
  kid: z.string(),
  alg: z.literal('EdDSA'),
  crv: z.literal('Ed25519'),
  /** base64url of the raw 32-byte public key */
  x: z.string(),
  createdAt: z.string(),
  retiredAt: z.string().nullable(),
});

export const CardKeySet = z.object({
  network: z.object({ id: z.string(), name: z.string() }),
  keys: z.array(CardKey),
});

export const MyCard = z.object({
  cardId: z.string(),
  /** 8 Crockford base32 characters, for typing when the QR code will not scan */
  shortCode: z.string(),
  /** the QR code's text: `CN1:` + base45 */
  token: z.string(),
  kind: z.enum(['worker', 'supporter']),
  holder: z.object({ displayName: z.string(), coopName: z.string().nullable() }),
  expiresAt: z.string(),
});

export const RevokedQuery = z.strictObject({
  /** only revocations at or after this moment; a till passes the last `asOf` it saw */
  since: z.iso.datetime().optional(),
});
export type RevokedQuery = z.infer<typeof RevokedQuery>;

export const RevokedList = z.object({
  items: z.array(z.object({ cardId: z.string(), revokedAt: z.string(), reason: z.string() })),
  asOf: z.string(),
});
