/** The till's requests, each given up after a few seconds: a customer is waiting. */
import type { Page } from '@coopnet/contract/common';
import type { Coop } from '@coopnet/contract/coops';
import { api, ApiError } from '../../api/client.ts';
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
  redeem: (coopId: string, key: string, body: { offerId: string; card: string; saleCents: number }) =>
    api<Redemption>(`/till/${coopId}/redemptions`, {
      method: 'POST',
      body,
      headers: { 'Idempotency-Key': key },
      signal: within(WAIT_MS.redeem),
    }),
  sync: (coopId: string, items: SyncItem[]) =>
    api<SyncReply>(`/till/${coopId}/redemptions/sync`, {
      method: 'POST',
      body: { items },
      signal: within(WAIT_MS.sync),
    }),
};

/** When a refused card was replaced by a newer one (`till.card_refused` details.replacedAt), if it was. */
export function replacedAtOf(err: unknown): string | undefined {
  if (!(err instanceof ApiError)) return undefined;
  const at = (err.details as { replacedAt?: unknown } | undefined)?.replacedAt;
  return typeof at === 'string' ? at : undefined;
}

/** The reason in a refusal's details (`till.card_refused`, `till.offer_refused`). */
export function refusalReason(err: unknown): string | null {
  if (!(err instanceof ApiError)) return null;
  const reason = (err.details as { reason?: unknown } | undefined)?.reason;
  return typeof reason === 'string' ? reason : null;
}
