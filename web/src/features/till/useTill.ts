/**
 * The till's life on this device: the cache refreshed every minute and when
 * the connection comes back, and the queue of offline sales synced when the
 * connection comes back and every 30 seconds while it is not empty.
 */
import type { Network } from '@coopnet/contract/network';
import { useCallback, useEffect, useRef, useState } from 'react';
import { api, ApiError, isUnreachable } from '../../api/client.ts';
import { tillApi } from './till-api.ts';
import { dropAnswered, enqueue, liveKeys, loadCache, loadQueue, mergeReplaced, mergeRevoked, saveCache } from './till-store.ts';
import type { QueuedSale, TillCache } from './till-types.ts';
import { useOnline } from '../../api/useOnline.ts';

const REFRESH_MS = 60_000;
const SYNC_MS = 30_000;
/** The server takes at most this many sales in one sync. */
const SYNC_BATCH = 500;

export interface SyncReport {
  synced: number;
  flagged: number;
  rejected: { key: string; reason: string | null; note?: QueuedSale['note'] }[];
}

export function useTill(coopId: string) {
  const [cache, setCache] = useState<TillCache>(() => loadCache(coopId));
  const [queue, setQueue] = useState<QueuedSale[]>(() => loadQueue(coopId));
  const browserOnline = useOnline();
  /** the browser says it is online, but the server did not answer */
  const [serverDown, setServerDown] = useState(false);
  /** the server refused this person the till's offers (signed out, not a cashier here) */
  const [accessError, setAccessError] = useState<ApiError | null>(null);
  const [syncReport, setSyncReport] = useState<SyncReport | null>(null);
  /** the last sync failed for another reason than the connection (the sales stay queued) */
  const [syncError, setSyncError] = useState<unknown>(null);
  const syncing = useRef(false);
  const refreshing = useRef(false);
  const online = browserOnline && !serverDown;

  const noteReachable = useCallback((err: unknown) => {
    if (isUnreachable(err)) setServerDown(true);
  }, []);

  const refresh = useCallback(async () => {
    if (!navigator.onLine || refreshing.current) return;
    refreshing.current = true;
    try {
      const start = loadCache(coopId);
      const [keys, revoked, offers, coops, network] = await Promise.allSettled([
        tillApi.keys(),
        tillApi.revoked(start.revokedAsOf),
        tillApi.offers(coopId),
        tillApi.coops(),
        api<Network>('/network'),
      ]);
      const next: TillCache = { ...start };
      if (keys.status === 'fulfilled') {
        next.networkId = keys.value.network.id;
        next.keys = liveKeys(keys.value);
      }
      if (revoked.status === 'fulfilled') {
        next.revoked = mergeRevoked(start.revoked, revoked.value);
        next.replaced = mergeReplaced(start.replaced, revoked.value);
        next.revokedAsOf = revoked.value.asOf;
      }
      if (offers.status === 'fulfilled') {
        next.coop = offers.value.coop;
        next.offers = offers.value.offers;
        setAccessError(null);
      } else if (offers.reason instanceof ApiError && [401, 403, 404].includes(offers.reason.status)) {
        setAccessError(offers.reason);
      }
      if (coops.status === 'fulfilled') {
        next.coops = Object.fromEntries(coops.value.items.map((c) => [c.id, { name: c.name, sector: c.sector }]));
      }
      if (network.status === 'fulfilled') {
        next.currency = network.value.currency;
        next.timeZone = network.value.timeZone;
      }
      const all = [keys, revoked, offers, coops, network];
      if (all.every((r) => r.status === 'fulfilled')) next.refreshedAt = new Date().toISOString();
      const unreachable = all.some((r) => r.status === 'rejected' && isUnreachable(r.reason));
      setServerDown(unreachable);
      saveCache(coopId, next);
      setCache(next);
    } finally {
      refreshing.current = false;
    }
  }, [coopId]);

  const sync = useCallback(async () => {
    if (!navigator.onLine || syncing.current) return;
    const pending = loadQueue(coopId);
    if (pending.length === 0) return;
    syncing.current = true;
    const report: SyncReport = { synced: 0, flagged: 0, rejected: [] };
    try {
      // A sale queued by an older version of the till names the card by id, which is no proof: it cannot be recorded.
      const unproven = pending.filter((q) => typeof q.card !== 'string');
      for (const q of unproven) report.rejected.push({ key: q.key, reason: 'token_required', note: q.note });
      if (unproven.length > 0) setQueue(dropAnswered(coopId, new Set(unproven.map((q) => q.key))));
      const proven = pending.filter((q) => typeof q.card === 'string');
      for (let i = 0; i < proven.length; i += SYNC_BATCH) {
        const batch = proven.slice(i, i + SYNC_BATCH);
        const reply = await tillApi.sync(
          coopId,
          batch.map(({ key, offerId, card, saleCents, redeemedAt }) => ({
            key,
            offerId,
            card,
            saleCents,
            redeemedAt,
          })),
        );
        const answered = new Set<string>();
        for (const item of reply.items) {
          answered.add(item.key);
          if (item.status === 'rejected') {
            report.rejected.push({
              key: item.key,
              reason: item.reason,
              note: batch.find((b) => b.key === item.key)?.note,
            });
          } else {
            report.synced++;
            if (item.redemption?.flag) report.flagged++;
          }
        }
        // Only what the server answered leaves the queue; anything else waits for the next sync.
        setQueue(dropAnswered(coopId, answered));
      }
      setServerDown(false);
      setSyncError(null);
    } catch (err) {
      noteReachable(err);
      setSyncError(isUnreachable(err) ? null : err);
    } finally {
      syncing.current = false;
      if (report.synced > 0 || report.rejected.length > 0) setSyncReport(report);
    }
  }, [coopId, noteReachable]);

  const queueSale = useCallback(
    (sale: QueuedSale) => {
      setQueue(enqueue(coopId, sale));
    },
    [coopId],
  );

  // A different co-op's till: start from its own cache and queue.
  useEffect(() => {
    setCache(loadCache(coopId));
    setQueue(loadQueue(coopId));
    setSyncReport(null);
  }, [coopId]);

  useEffect(() => {
    void refresh().then(sync);
    const onOnline = () => {
      setServerDown(false);
      void refresh().then(sync);
    };
    window.addEventListener('online', onOnline);
    const timer = window.setInterval(() => void refresh(), REFRESH_MS);
    return () => {
      window.removeEventListener('online', onOnline);
      window.clearInterval(timer);
    };
  }, [refresh, sync]);

  // While sales wait, try every 30 seconds; the server records each key once, so a repeat is harmless.
  const waiting = queue.length > 0;
  useEffect(() => {
    if (!waiting) return;
    const timer = window.setInterval(() => void sync(), SYNC_MS);
    return () => window.clearInterval(timer);
  }, [waiting, sync]);

  return {
    cache,
    queue,
    online,
    accessError,
    syncReport,
    syncError,
    refresh,
    sync,
    queueSale,
    noteReachable,
    setServerDown,
  };
}
