/**
 * What the till keeps in this browser's localStorage, one namespace per
 * co-op (`coopnet.till.<co-op id>.*`): the cache that lets it check cards
 * offline, and the queue of sales made while the server could not be
 * reached. The queue is never emptied except by the server's answer.
 */
import type { CardKeySet, QueuedSale, RevokedList, TillCache } from './till-types.ts';

const prefix = (coopId: string) => `coopnet.till.${coopId}`;

export const emptyCache: TillCache = {
  networkId: null,
  keys: {},
  revoked: {},
  revokedAsOf: null,
  coop: null,
  offers: [],
  coops: {},
  currency: null,
  timeZone: null,
  refreshedAt: null,
};

function read<T>(key: string): T | null {
  try {
    const raw = window.localStorage.getItem(key);
    return raw ? (JSON.parse(raw) as T) : null;
  } catch {
    return null;
  }
}

function write(key: string, value: unknown): void {
  // A full storage must not stop a sale: the cashier still sees the result, only the cache is stale.
  try {
    window.localStorage.setItem(key, JSON.stringify(value));
  } catch {
    /* ignored */
  }
}

export function loadCache(coopId: string): TillCache {
  return { ...emptyCache, ...(read<Partial<TillCache>>(`${prefix(coopId)}.cache`) ?? {}) };
}

export function saveCache(coopId: string, cache: TillCache): void {
  write(`${prefix(coopId)}.cache`, cache);
}

/** The keys the till checks cards with: those of the network's key set that are not retired. */
export function liveKeys(set: CardKeySet): Record<string, string> {
  return Object.fromEntries(set.keys.filter((k) => k.retiredAt === null).map((k) => [k.kid.toLowerCase(), k.x]));
}

/** Adds what an incremental revocation list brought; a card once revoked stays revoked. */
export function mergeRevoked(known: Record<string, string>, list: RevokedList): Record<string, string> {
  const merged = { ...known };
  for (const item of list.items) merged[item.cardId] ??= item.revokedAt;
  return merged;
}

export function loadQueue(coopId: string): QueuedSale[] {
  const q = read<QueuedSale[]>(`${prefix(coopId)}.queue`);
  return Array.isArray(q) ? q : [];
}

export function saveQueue(coopId: string, queue: QueuedSale[]): void {
  write(`${prefix(coopId)}.queue`, queue);
}

/** Adds a sale to the queue; a key already there is not added twice. */
export function enqueue(coopId: string, sale: QueuedSale): QueuedSale[] {
  const queue = loadQueue(coopId);
  if (!queue.some((q) => q.key === sale.key)) queue.push(sale);
  saveQueue(coopId, queue);
  return queue;
}

/**
 * Removes the sales the server answered (recorded, duplicate or rejected),
 * reading the queue again so a sale queued during the sync is kept.
 */
export function dropAnswered(coopId: string, answeredKeys: ReadonlySet<string>): QueuedSale[] {
  const queue = loadQueue(coopId).filter((q) => !answeredKeys.has(q.key));
  saveQueue(coopId, queue);
  return queue;
}
