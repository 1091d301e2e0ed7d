/**
 * The one place a route reads a retried write's `Idempotency-Key` header and
 * checks it against the contract's rule (8–100 visible ASCII characters).
 * Required where a retry could double money (a sale); optional on a ballot,
 * which a recast replaces. See docs/decisions/0014-idempotency-keys.md.
 */
import { IdempotencyKey } from '@coopnet/contract';
import { type AppError, badRequest } from './errors.ts';

const HEADER = 'idempotency-key';

type WithHeaders = { headers: Readonly<Record<string, unknown>> };

/** A key outside the rule, answered as the route's header schema answers it. */
const malformedKey = (message: string) =>
  badRequest('validation_failed', 'The request does not have the expected shape.', [{ path: `headers/${HEADER}`, message }]);

/** The key of a write a retry could double: missing or outside the rule, the route's own `refused`. */
export function requiredIdempotencyKey(req: WithHeaders, refused: () => AppError): string {
  const key = IdempotencyKey.safeParse(req.headers[HEADER]);
  if (!key.success) throw refused();
  return key.data;
}

/** The key of a write a retry cannot double, if one was sent; one outside the rule is refused. */
export function optionalIdempotencyKey(req: WithHeaders): string | undefined {
  const sent = req.headers[HEADER];
  if (sent === undefined) return undefined;
  const key = IdempotencyKey.safeParse(sent);
  if (!key.success) throw malformedKey(key.error.issues[0]?.message ?? 'invalid key');
  return key.data;
}
