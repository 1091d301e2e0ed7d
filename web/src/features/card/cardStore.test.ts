/** The card kept on the device is shown offline only when it fits; a damaged part counts as not kept. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadSaved } from './cardStore.ts';

const kept = new Map<string, string>();

beforeEach(() => {
  kept.clear();
  vi.stubGlobal('window', { localStorage: { getItem: (k: string) => kept.get(k) ?? null } });
});
afterEach(() => vi.unstubAllGlobals());

const card = {
  cardId: 'card000001',
  shortCode: 'ABCD2345',
  token: 'CN1:xyz',
  kind: 'worker',
  holder: { displayName: 'Ana', coopName: 'Forn' },
  expiresAt: '2027-01-01T00:00:00.000Z',
};
const savings = { currency: 'EUR', monthCents: 450, yearCents: 900, monthCount: 1, yearCount: 2, recent: [] };

describe('the card kept on the device', () => {
  it('reads back the card and savings kept for a person', () => {
    const saved = { personId: 'p1', card, savings, savingsAt: '2026-03-01T10:00:00.000Z' };
    kept.set('coopnet.card', JSON.stringify(saved));
    expect(loadSaved()).toEqual(saved);
  });

  it('leaves out a damaged card or savings, and counts a damaged entry as nothing kept', () => {
    kept.set('coopnet.card', JSON.stringify({ personId: 'p1', card: { ...card, holder: null }, savings: { ...savings, recent: 'none' }, savingsAt: 5 }));
    expect(loadSaved()).toEqual({ personId: 'p1', card: null, savings: null, savingsAt: null });
    for (const damaged of ['{"personId": ', '[]', 'null', '{"personId": 7}']) {
      kept.set('coopnet.card', damaged);
      expect(loadSaved(), damaged).toBeNull();
    }
  });
});
