import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { AppError, badRequest } from './errors.ts';
import { optionalIdempotencyKey, requiredIdempotencyKey } from './idempotency.ts';

const withKey = (key?: unknown) => ({ headers: key === undefined ? {} : { 'idempotency-key': key } });
const OUTSIDE_THE_RULE = ['retry-1', 'k'.repeat(101), 'has spaces in it', 'clé-accentuée', ['two-keys-1', 'two-keys-2']];

describe('the Idempotency-Key header', () => {
  const refused = () => badRequest('till.idempotency_key_required', 'no key');

  it('reads 8 to 100 visible ASCII characters, a UUID among them', () => {
    for (const key of [randomUUID(), 'retry-k1', '~'.repeat(100)]) {
      expect(requiredIdempotencyKey(withKey(key), refused)).toBe(key);
      expect(optionalIdempotencyKey(withKey(key))).toBe(key);
    }
  });

  it('where a key is required, answers a missing one or one outside the rule with the route’s refusal', () => {
    for (const key of [undefined, ...OUTSIDE_THE_RULE]) {
      expect(() => requiredIdempotencyKey(withKey(key), refused)).toThrow(expect.objectContaining({ code: 'till.idempotency_key_required' }));
    }
  });

  it('where a key is optional, takes none, and refuses one outside the rule as a malformed request', () => {
    expect(optionalIdempotencyKey(withKey())).toBeUndefined();
    for (const key of OUTSIDE_THE_RULE) {
      let error: unknown;
      try {
        optionalIdempotencyKey(withKey(key));
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(AppError);
      expect(error).toMatchObject({ status: 400, code: 'validation_failed', details: [{ path: 'headers/idempotency-key' }] });
    }
  });
});
