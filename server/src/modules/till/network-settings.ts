/**
 * The network's id, time zone and currency, kept for a few seconds: every
 * redemption needs the time zone (its month, the person's limit period) and
 * the row changes perhaps once a year, so reading it on every sale would be
 * a query spent for nothing. A change of time zone takes effect within `ttlMs`.
 */
import type { Db } from '../../db/database.ts';
import { getNetwork } from '../network/network.repository.ts';

export interface NetworkSettings {
  id: string;
  timeZone: string;
  currency: string;
}

export function networkSettings(db: Db, ttlMs = 5_000): () => Promise<NetworkSettings> {
  let cached: NetworkSettings | null = null;
  let readAt = 0;
  let reading: Promise<NetworkSettings> | null = null;
  return () => {
    if (cached && Date.now() - readAt < ttlMs) return Promise.resolve(cached);
    // Requests that arrive together share one read.
    reading ??= getNetwork(db)
      .then((n) => {
        cached = { id: n.id, timeZone: n.time_zone, currency: n.currency };
        readAt = Date.now();
        return cached;
      })
      .finally(() => {
        reading = null;
      });
    return reading;
  };
}
