/**
 * Base45 (RFC 9285): bytes as characters of the QR code alphanumeric set, so a
 * QR code can use alphanumeric mode (5.5 bits per character) instead of byte
 * mode (8 bits per character). Two bytes become three characters.
 */

export const BASE45_ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:';

export class Base45Error extends Error {
  override name = 'Base45Error';
}

export function encodeBase45(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i + 1 < bytes.length; i += 2) {
    const n = bytes[i]! * 256 + bytes[i + 1]!;
    out += BASE45_ALPHABET[n % 45]! + BASE45_ALPHABET[Math.floor(n / 45) % 45]! + BASE45_ALPHABET[Math.floor(n / 2025)]!;
  }
  if (bytes.length % 2 === 1) {
    const n = bytes[bytes.length - 1]!;
    out += BASE45_ALPHABET[n % 45]! + BASE45_ALPHABET[Math.floor(n / 45)]!;
  }
  return out;
}

/** Digit of each character code below 128, or -1: a table, because a till decodes a card per scan. */
const DIGIT = (() => {
  const t = new Int8Array(128).fill(-1);
  for (let i = 0; i < BASE45_ALPHABET.length; i++) t[BASE45_ALPHABET.charCodeAt(i)] = i;
  return t;
})();

export function decodeBase45(text: string): Uint8Array {
  if (text.length % 3 === 1) throw new Base45Error('invalid base45 length');
  // Every character is checked before any group is decoded, so a bad character is reported first.
  const digits = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const d = code < 128 ? DIGIT[code]! : -1;
    if (d < 0) throw new Base45Error(`invalid base45 character: ${JSON.stringify(String.fromCodePoint(text.codePointAt(i)!))}`);
    digits[i] = d;
  }
  const out = new Uint8Array(Math.floor(digits.length / 3) * 2 + (digits.length % 3 === 2 ? 1 : 0));
  let o = 0;
  for (let i = 0; i < digits.length; i += 3) {
    if (i + 2 < digits.length) {
      const n = digits[i]! + digits[i + 1]! * 45 + digits[i + 2]! * 2025;
      if (n > 0xffff) throw new Base45Error('base45 triple out of range');
      out[o++] = n >> 8;
      out[o++] = n & 0xff;
    } else {
      const n = digits[i]! + digits[i + 1]! * 45;
      if (n > 0xff) throw new Base45Error('base45 pair out of range');
      out[o++] = n;
    }
  }
  return out;
}
