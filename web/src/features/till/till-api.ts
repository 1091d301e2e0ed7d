/**
 * The till's requests. Reading goes through the shared client; recording a
 * sale needs an `Idempotency-Key` header, which the shared client does not
 * send, so the two writes that need it are made here with the same CSRF and
 * error handling.
 */
import { api, ApiError, buildUrl, fetchSession } from '../../api/client.ts';
import type { Coop, Page } from '../../api/types.ts';
import type {
  CardKeySet,
  Redemption,
  RevokedList,
  SyncItem,
  SyncReply,
  TillOffers,
  VerifyReply,
} from './till-types.ts';

/**
 * A customer is waiting: a request that hangs on a poor connection is given up after a few seconds and
 * counted as no connection (the card is then checked on the device, the sale queued with its key).
 */
const WAIT_MS = { read: 15_000, verify: 8_000, redeem: 10_000, sync: 30_000 };
const within = (ms: number) => AbortSignal.timeout(ms);

export const tillApi = {
  keys: () => api<CardKeySet>('/.well-known/keys', { signal: within(WAIT_MS.read) }),
  revoked: (since: string | null) =>
    api<RevokedList>('/cards/revoked', { query: { since }, signal: within(WAIT_MS.read) }),
  offers: (coopId: string) => api<TillOffers>(`/till/${coopId}/offers`, { signal: within(WAIT_MS.read) }),
  coops: () => api<Page<Coop>>('/coops', { query: { limit: 1000 }, signal: within(WAIT_MS.read) }),
  verify: (coopId: string, card: string) =>
    api<VerifyReply>(`/till/${coopId}/verify`, { method: 'POST', body: { card }, signal: within(WAIT_MS.verify) }),
  redeem: (coopId: string, key: string, body: { offerId: string; cardId: string; saleCents: number }) =>
    post<Redemption>(`/till/${coopId}/redemptions`, body, WAIT_MS.redeem, { 'Idempotency-Key': key }),
  sync: (coopId: string, items: SyncItem[]) =>
    post<SyncReply>(`/till/${coopId}/redemptions/sync`, { items }, WAIT_MS.sync),
};

let csrf: string | null = null;

async function post<T>(path: string, body: unknown, waitMs: number, extra: Record<string, string> = {}): Promise<T> {
  csrf ??= (await fetchSession(within(WAIT_MS.read))).csrfToken;
  try {
    return await send<T>(path, body, waitMs, extra);
  } catch (err) {
    // The session was renewed in another tab: learn the new token and try once more.
    if (err instanceof ApiError && err.code === 'auth.csrf') {
      csrf = (await fetchSession(within(WAIT_MS.read))).csrfToken;
      return send<T>(path, body, waitMs, extra);
    }
    throw err;
  }
}

async function send<T>(path: string, body: unknown, waitMs: number, extra: Record<string, string>): Promise<T> {
  let res: Response;
  try {
    res = await fetch(buildUrl(path), {
      signal: within(waitMs),
      method: 'POST',
      credentials: 'same-origin',
      headers: {
        Accept: 'application/json',
        'Content-Type': 'application/json',
        ...(csrf ? { 'X-CSRF-Token': csrf } : {}),
        ...extra,
      },
      body: JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'network', 'The server could not be reached.');
  }
  let data: unknown;
  try {
    data = JSON.parse(await res.text());
  } catch {
    data = undefined;
  }
  if (res.ok) return data as T;
  const error = (data as { error?: { code?: unknown; message?: unknown; details?: unknown } } | undefined)?.error;
  if (error && typeof error.code === 'string') {
    throw new ApiError(
      res.status,
      error.code,
      typeof error.message === 'string' ? error.message : error.code,
      error.details,
    );
  }
  throw new ApiError(res.status, res.status >= 500 ? 'internal' : 'bad_request', `HTTP ${res.status}`);
}

/** The server could not be reached (or answered through a proxy that could not reach it). */
export function isUnreachable(err: unknown): boolean {
  return (
    err instanceof ApiError &&
    (err.code === 'network' || err.status === 502 || err.status === 503 || err.status === 504)
  );
}

/** The reason in a refusal's details (`till.card_refused`, `till.offer_refused`). */
export function refusalReason(err: unknown): string | null {
  if (!(err instanceof ApiError)) return null;
  const reason = (err.details as { reason?: unknown } | undefined)?.reason;
  return typeof reason === 'string' ? reason : null;
}
