/**
 * The network's settings (its one settings row: name, currency, locale, time
 * zone), read once and kept: nearly every request needs one of them — a
 * redemption its time zone, a mail its name and language — and the row
 * changes perhaps once a year. This process forgets them at once when it
 * changes them (invalidate); another process on the same PostgreSQL sees a
 * change within `ttlMs`.
 */
import type { Executor } from '../../db/database.ts';
import type { Network } from '../../db/schema.ts';
import { localDate, localMonth } from './calendar.ts';

export interface NetworkSettings {
  id: string;
  name: string;
  currency: string;
  locale: string;
  timeZone: string;
}

export interface NetworkSettingsReader {
  /**
   * The settings, read at most once per `ttlMs`; requests that arrive together share one read.
   * Inside a transaction, pass it: on SQLite its one connection is the transaction's, and a read
   * outside it would wait for the transaction to end, which waits for the read.
   */
  get(ex?: Executor): Promise<NetworkSettings>;
  /** Forgets them: the next get reads the row. Call it once a change has committed. */
  invalidate(): void;
  /** YYYY-MM-DD of the instant (now by default) in the network's time zone. */
  today(at?: Date): Promise<string>;
  /** YYYY-MM of the instant (now by default) in the network's time zone: the month a redemption counts in. */
  month(at?: Date): Promise<string>;
}

/** `load` reads the settings row, through `ex` when given (the network module's; platform depends on no module). */
export function createNetworkSettings(load: (ex?: Executor) => Promise<Network>, ttlMs = 5_000): NetworkSettingsReader {
  let cached: NetworkSettings | null = null;
  let readAt = 0;
  let reading: Promise<NetworkSettings> | null = null;
  // A read begun before an invalidate may return the old row: it is not kept.
  let generation = 0;

  function keep(from: Promise<Network>): Promise<NetworkSettings> {
    const started = generation;
    return from.then((n) => {
      const settings = { id: n.id, name: n.name, currency: n.currency, locale: n.locale, timeZone: n.time_zone };
      if (started === generation) {
        cached = settings;
        readAt = Date.now();
      }
      return settings;
    });
  }

  function get(ex?: Executor): Promise<NetworkSettings> {
    if (cached && Date.now() - readAt < ttlMs) return Promise.resolve(cached);
    // A transaction reads for itself: the shared read may be queued behind it.
    if (ex?.isTransaction) return keep(load(ex));
    if (reading) return reading;
    const read = keep(load()).finally(() => {
      if (reading === read) reading = null;
    });
    reading = read;
    return read;
  }

  return {
    get,
    invalidate() {
      generation++;
      cached = null;
      reading = null;
    },
    today: async (at = new Date()) => localDate(at, (await get()).timeZone),
    month: async (at = new Date()) => localMonth(at, (await get()).timeZone),
  };
}
