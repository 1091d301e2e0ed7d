/** What the till kept on the device is read back only when it fits: a damaged part counts as not kept. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { emptyCache, loadCache, loadQueue } from './till-store.ts';

const kept = new Map<string, string>();
const coop = 'c0';

beforeEach(() => {
  kept.clear();
  vi.stubGlobal('window', {
    localStorage: { getItem: (k: string) => kept.get(k) ?? null, setItem: (k: string, v: string) => kept.set(k, v) },
  });
});
afterEach(() => vi.unstubAllGlobals());

const sale = { key: 'sale-0001', offerId: 'o1', card: 'CN1:xyz', saleCents: 4500, redeemedAt: '2026-03-01T10:00:00.000Z' };

describe('the till on the device', () => {
  it('reads its cache back, with the parts an older till did not keep left empty', () => {
    kept.set(`coopnet.till.${coop}.cache`, JSON.stringify({ networkId: 'n1', keys: { abcd0123: 'x' }, coop: { id: coop, name: 'Forn' } }));
    expect(loadCache(coop)).toEqual({ ...emptyCache, networkId: 'n1', keys: { abcd0123: 'x' }, coop: { id: coop, name: 'Forn' } });
  });

  it('reads the whole revocation list again when its cache was kept before it knew which cards were replaced', () => {
    const older = { revoked: { card000001: '2026-01-01T00:00:00.000Z' }, revokedAsOf: '2026-02-01T00:00:00.000Z' };
    kept.set(`coopnet.till.${coop}.cache`, JSON.stringify(older));
    expect(loadCache(coop)).toEqual({ ...emptyCache, revoked: older.revoked, revokedAsOf: null });
    const current = { ...older, replaced: {} };
    kept.set(`coopnet.till.${coop}.cache`, JSON.stringify(current));
    expect(loadCache(coop)).toEqual({ ...emptyCache, ...current });
  });

  it('counts a cache that is not JSON or does not fit as no cache', () => {
    for (const damaged of ['{"networkId": ', '[1, 2]', '"cache"', '{"keys": {"abcd0123": 7}}', '{"offers": {}}', '{"coop": "Forn"}']) {
      kept.set(`coopnet.till.${coop}.cache`, damaged);
      expect(loadCache(coop), damaged).toEqual(emptyCache);
    }
  });

  it('keeps the queued sales that fit, an older till’s sale without its card text too, and leaves out the others', () => {
    const older = { key: 'sale-0002', offerId: 'o1', cardId: 'card000001', saleCents: 100, redeemedAt: '2026-03-01T10:00:00.000Z' };
    const noted = { ...sale, key: 'sale-0003', note: { holderName: 'Ana', offerTitle: '10%', discountCents: 450 } };
    kept.set(`coopnet.till.${coop}.queue`, JSON.stringify([sale, null, older, { ...sale, saleCents: '45' }, noted, { ...sale, note: 'x' }]));
    expect(loadQueue(coop)).toEqual([sale, older, noted]);
    for (const damaged of ['[{"key": ', '{"0": {}}', 'null']) {
      kept.set(`coopnet.till.${coop}.queue`, damaged);
      expect(loadQueue(coop), damaged).toEqual([]);
    }
  });
});
