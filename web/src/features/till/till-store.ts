/**
 * What the till keeps in this browser's localStorage, one namespace per
 * co-op (`coopnet.till.<co-op id>.*`): the cache that lets it check cards
 * offline, and the queue of sales made while the server could not be
 * reached. The queue is never emptied except by the server's answer.
 */
import { isObject, isRecordOf, isString, isStringOrNull, readStored } from '../../api/stored.ts';
import type { CardKeySet, KnownCoop, QueuedSale, RevokedList, TillCache } from './till-types.ts';

const prefix = (coopId: string) => `coopnet.till.${coopId}`;

export const emptyCache: TillCache = {
  networkId: null,
  keys: {},
  revoked: {},
  replaced: {},
  revokedAsOf: null,
  coop: null,
  offers: [],
  coops: {},
  currency: null,
  timeZone: null,
  refreshedAt: null,
};

const isKnownCoop = (v: unknown): v is KnownCoop => isObject(v) && isString(v.name) && isString(v.sector);

const isCoopOrNull = (v: unknown): v is TillCache['coop'] => v === null || (isObject(v) && isString(v.id) && isString(v.name));

/** The offers are kept as the server sent them: checked to be objects with an id, not field by field. */
const isOffers = (v: unknown): v is TillCache['offers'] => Array.isArray(v) && v.every((o) => isObject(o) && isString(o.id));

/** Each part of the cache, checked when it is there; a cache kept by an older till may lack some. */
const CACHE_PARTS: { [K in keyof TillCache]: (v: unknown) => v is TillCache[K] } = {
  networkId: isStringOrNull,
  keys: (v) => isRecordOf(v, isString),
  revoked: (v) => isRecordOf(v, isString),
  replaced: (v) => isRecordOf(v, isString),
  revokedAsOf: isStringOrNull,
  coop: isCoopOrNull,
  offers: isOffers,
  coops: (v) => isRecordOf(v, isKnownCoop),
  currency: isStringOrNull,
  timeZone: isStringOrNull,
  refreshedAt: isStringOrNull,
};

const isCachePart = (v: unknown): v is Partial<TillCache> =>
  isObject(v) && Object.entries(CACHE_PARTS).every(([k, is]) => v[k] === undefined || is(v[k]));

const isNote = (v: unknown): v is QueuedSale['note'] =>
  v === undefined || (isObject(v) && isString(v.holderName) && isString(v.offerTitle) && typeof v.discountCents === 'number');

/**
 * A queued sale. One queued by an older version of the till has no `card` (it
 * named the card by id): it is kept, and sync reports it as `token_required`.
 */
const isQueuedSale = (v: unknown): v is QueuedSale =>
  isObject(v) &&
  isString(v.key) &&
  isString(v.offerId) &&
  (v.card === undefined || isString(v.card)) &&
  typeof v.saleCents === 'number' &&
  isString(v.redeemedAt) &&
  isNote(v.note);

const isList = (v: unknown): v is unknown[] => Array.isArray(v);

function write(key: string, value: unknown): void {
  // A full storage must not stop a sale: the cashier still sees the result, only the cache is stale.
  try {
    window.localStorage.setItem(key, JSON.stringify(value));
  } catch {
    /* ignored */
  }
}

export function loadCache(coopId: string): TillCache {
  const stored = readStored(`${prefix(coopId)}.cache`, isCachePart) ?? {};
  // A cache kept before the till knew which cards were replaced reads the whole revocation list again.
  const knowsReplaced = stored.replaced !== undefined || stored.revokedAsOf === undefined;
  return { ...emptyCache, ...stored, ...(!knowsReplaced && { revokedAsOf: null }) };
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

/** Adds the cards an incremental revocation list says were replaced by a newer one, with when. */
export function mergeReplaced(known: Record<string, string>, list: RevokedList): Record<string, string> {
  const merged = { ...known };
  for (const item of list.items) if (item.reason === 'replaced') merged[item.cardId] ??= item.revokedAt;
  return merged;
}

/** The queued sales; one that fails its check counts as not queued, the others stay. */
export function loadQueue(coopId: string): QueuedSale[] {
  return (readStored(`${prefix(coopId)}.queue`, isList) ?? []).filter(isQueuedSale);
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
