/**
 * The short code a cashier can type when a QR code will not scan: 8 Crockford
 * base32 characters (40 bits) taken from SHA-256 of the card id, shown as
 * `XXXX-XXXX`.
 *
 * The short code is a lookup key, not a credential: it proves nothing. The
 * server keeps the map from short codes to cards (and tills cache it); when a
 * new card's code collides with a live card's, the server issues the new card
 * a fresh card id (and so a fresh code) rather than ever resolving one code to
 * two cards. The cashier still sees the name (and photo, if given) before
 * applying an offer.
 */

import { sha256 } from './sha256.ts';

export const CROCKFORD_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export function shortCode(cardId: string): string {
  const digest = sha256(new TextEncoder().encode(cardId));
  // The first 40 bits, five bits at a time.
  let bits = 0;
  for (let i = 0; i < 5; i++) bits = bits * 256 + digest[i]!;
  let code = '';
  for (let i = 7; i >= 0; i--) code += CROCKFORD_ALPHABET[Math.floor(bits / 32 ** i) % 32]!;
  return code;
}

/** `ABCD1234` → `ABCD-1234`, for display and print. */
export function formatShortCode(code: string): string {
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

/**
 * What the cashier typed → the canonical code, or null if it cannot be one.
 * Crockford's rules: case-insensitive, hyphens and spaces ignored, I and L read
 * as 1, O read as 0; U is not a digit.
 */
export function normalizeShortCode(typed: string): string | null {
  const s = typed
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/[IL]/g, '1')
    .replace(/O/g, '0');
  if (s.length !== 8) return null;
  for (const c of s) if (!CROCKFORD_ALPHABET.includes(c)) return null;
  return s;
}
