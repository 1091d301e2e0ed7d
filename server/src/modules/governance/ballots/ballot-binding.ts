/**
 * The keyed hashes that let a voter — and only that voter — come back to
 * their secret ballot, and that make a retried ballot safe, without anything
 * in the database naming whose ballot is whose.
 *
 * - A secret ballot that may still be changed carries
 *   `t = HMAC(bindingKey, ballotToken ‖ voterId ‖ proposalId)`. The server
 *   recomputes it from the token sent and the person signed in, so a token
 *   changes a ballot only for the person it was issued to (another voter who
 *   holds it computes a different hash). The voter's id is an input to the
 *   hash, never stored beside it: with the database alone (no key), or with
 *   the key but without the voter's token, no ballot can be tied to anyone.
 * - A ballot sent with an `Idempotency-Key` is remembered under
 *   `HMAC(storedKey, scope ‖ key)`, with the request hash
 *   `HMAC(requestKey, key ‖ scope ‖ canonical body)`. The row's scope names
 *   the voter (it must: the key is theirs), so the request hash must not be
 *   computable from what is stored — the raw `Idempotency-Key` (which only
 *   the voter's client has) is an input and is not kept, and the scope keeps
 *   two voters who cast the same ballot from sharing a hash.
 *
 * The keys are derived from the session secret with HKDF-SHA256, one label
 * each, so they are not the key that hashes sessions and API tokens.
 */
import { createHmac, hkdfSync } from 'node:crypto';

export interface BallotKeys {
  binding: Buffer;
  storedKey: Buffer;
  request: Buffer;
}

function derive(secret: string, label: string): Buffer {
  return Buffer.from(hkdfSync('sha256', secret, Buffer.alloc(0), `coopnet ${label} v1`, 32));
}

export function ballotKeys(sessionSecret: string): BallotKeys {
  return {
    binding: derive(sessionSecret, 'ballot-token binding'),
    storedKey: derive(sessionSecret, 'ballot idempotency key'),
    request: derive(sessionSecret, 'ballot request hash'),
  };
}

/** HMAC-SHA256 of the parts, each preceded by its length, so no two lists of parts hash alike. */
function mac(key: Buffer, parts: string[]): string {
  const h = createHmac('sha256', key);
  for (const part of parts) {
    const bytes = Buffer.from(part, 'utf8');
    const len = Buffer.alloc(4);
    len.writeUInt32BE(bytes.length);
    h.update(len).update(bytes);
  }
  return h.digest('base64url');
}

/** What a secret ballot keeps (`t`) so that this voter, with this token, can change it. */
export function tokenBinding(keys: BallotKeys, token: string, voterId: string, proposalId: string): string {
  return mac(keys.binding, [token, voterId, proposalId]);
}

/** What is stored in place of the `Idempotency-Key` itself. */
export function storedIdempotencyKey(keys: BallotKeys, scope: string, key: string): string {
  return mac(keys.storedKey, [scope, key]);
}

/** The request hash of a ballot sent under an `Idempotency-Key`: same body, same hash. */
export function ballotRequestHash(keys: BallotKeys, scope: string, key: string, body: unknown): string {
  return mac(keys.request, [key, scope, canonicalJson(body)]);
}

/** JSON with every object's keys sorted (arrays keep their order) and `undefined` left out. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}
