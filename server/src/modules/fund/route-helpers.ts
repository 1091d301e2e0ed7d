/** What the fund's routes share: the refusal of a write without its Idempotency-Key, and the treasurers' token scope. */
import { badRequest } from '../../platform/errors.ts';

export const keyRequired = () =>
  badRequest(
    'fund.idempotency_key_required',
    'Send an Idempotency-Key header of 8–100 visible characters (a UUID will do), the same on every retry.',
  );

/** Writes an API token with the treasurer scope may make. */
export const TREASURER = { tokens: ['treasurer'] as const };

export const tags = ['fund'];
