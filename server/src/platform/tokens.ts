/**
 * Secret tokens (sessions, invitations, resets, API tokens): random, shown
 * once, stored only as an HMAC keyed with the session secret, so a copy of
 * the database does not let anyone sign in.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export function newToken(prefix = ''): string {
  return prefix + randomBytes(24).toString('base64url');
}

export function hashToken(secret: string, token: string): string {
  return createHmac('sha256', secret).update(token).digest('base64url');
}

export function sameSecret(a: string, b: string): boolean {
  const ba = Buffer.from(a);
  const bb = Buffer.from(b);
  return ba.length === bb.length && timingSafeEqual(ba, bb);
}

/** A network address, keyed so the audit log can tell repeats apart without keeping addresses. */
export function addressFingerprint(secret: string, ip: string): string {
  return hashToken(secret, `ip:${ip}`).slice(0, 16);
}
