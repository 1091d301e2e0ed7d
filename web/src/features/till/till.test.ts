import { deriveKid, issueCard, kidToHex, type CardClaims } from '@coopnet/domain/credentials/card';
import { generateTestKey } from '@coopnet/domain/credentials/node-ed25519.testkit';
import { describe, expect, it } from 'vitest';
import { parseSaleAmount } from './amount.ts';
import { checkOnDevice, classifyInput, holderFromClaims, offersOnDevice } from './card-check.ts';
import { emptyCache, liveKeys, mergeReplaced, mergeRevoked } from './till-store.ts';
import type { Offer, TillCache } from './till-types.ts';

describe('the sale amount', () => {
  it('reads decimal euros as whole cents, with a dot or a comma', () => {
    for (const [typed, cents] of [
      ['45', 4500],
      ['45.0', 4500],
      ['45,00', 4500],
      [' 45.5 ', 4550],
      ['0,01', 1],
      ['.5', 50],
      ['0', 0],
      ['1000000', 100_000_000],
      ['1000000.00', 100_000_000],
      ['19.99', 1999],
      ['0.29', 29], // 0.29 * 100 is 28.999… in floating point
    ] as const) {
      expect(parseSaleAmount(typed), typed).toEqual({ ok: true, cents });
    }
  });

  it('refuses what is not an amount, saying why', () => {
    for (const [typed, problem] of [
      ['', 'empty'],
      ['-5', 'negative'],
      ['45.001', 'too_many_decimals'],
      ['1000000.01', 'too_large'],
      ['99999999', 'too_large'],
      ['1.000,50', 'not_a_number'],
      ['4 5', 'not_a_number'],
      ['abc', 'not_a_number'],
      ['1e3', 'not_a_number'],
      [',', 'not_a_number'],
    ] as const) {
      expect(parseSaleAmount(typed), typed).toEqual({ ok: false, problem });
    }
  });
});

describe('what the cashier typed', () => {
  it('is a card text, a short code, or neither', () => {
    expect(classifyInput(' CN1:ABC ')).toEqual({ kind: 'token', text: 'CN1:ABC' });
    expect(classifyInput('abcd-ef12')).toEqual({ kind: 'short', code: 'ABCDEF12' });
    expect(classifyInput('ab cd ef 12')).toEqual({ kind: 'short', code: 'ABCDEF12' });
    expect(classifyInput('hello')).toEqual({ kind: 'unreadable' });
  });
});

describe('the revocation list', () => {
  it('grows with each incremental list and keeps the first revocation time', () => {
    const first = mergeRevoked(
      {},
      { items: [{ cardId: 'a', revokedAt: '2026-01-01T00:00:00.000Z', reason: 'worker_left' }], asOf: 'x' },
    );
    const next = mergeRevoked(first, {
      items: [
        { cardId: 'a', revokedAt: '2026-02-01T00:00:00.000Z', reason: 'again' },
        { cardId: 'b', revokedAt: '2026-02-01T00:00:00.000Z', reason: 'worker_left' },
      ],
      asOf: 'y',
    });
    expect(next).toEqual({ a: '2026-01-01T00:00:00.000Z', b: '2026-02-01T00:00:00.000Z' });
  });

  it('keeps apart the cards replaced by a newer one, with when', () => {
    const list = {
      items: [
        { cardId: 'a', revokedAt: '2026-01-01T00:00:00.000Z', reason: 'worker_left' },
        { cardId: 'b', revokedAt: '2026-02-01T00:00:00.000Z', reason: 'replaced' },
      ],
      asOf: 'x',
    };
    expect(mergeReplaced({ c: '2025-12-01T00:00:00.000Z' }, list)).toEqual({
      b: '2026-02-01T00:00:00.000Z',
      c: '2025-12-01T00:00:00.000Z',
    });
  });
});

describe('checking a card on the device (WebCrypto Ed25519)', () => {
  const issuedAt = Math.floor(Date.now() / 1000) - 86400;
  const claims: CardClaims = {
    networkId: 'net-1',
    cardId: 'card000001',
    holderName: 'Oumar Diallo',
    coopId: 'coop-b',
    kind: 'worker',
    issuedAt,
    expiresAt: issuedAt + 30 * 86400,
  };
  const key = generateTestKey();
  const kid = deriveKid(key.publicKey);
  const cache: TillCache = {
    ...emptyCache,
    networkId: 'net-1',
    keys: { [kidToHex(kid)]: Buffer.from(key.publicKey).toString('base64url') },
    coops: { 'coop-a': { name: 'Forn', sector: 'bakery' }, 'coop-b': { name: 'Bicis', sector: 'bicycles' } },
    timeZone: 'Europe/Madrid',
  };
  const card = issueCard(claims, { kid, signer: key.signer });
  const now = new Date();

  it('accepts a good card and names its co-op from the cache', async () => {
    const result = await checkOnDevice(card, cache, now);
    expect(result).toEqual({ ok: true, claims });
    if (!result.ok) return;
    expect(holderFromClaims(result.claims, cache)).toMatchObject({
      displayName: 'Oumar Diallo',
      coopName: 'Bicis',
      kind: 'worker',
    });
  });

  it('refuses a revoked, forged, expired, foreign or unknown-key card', async () => {
    expect(await checkOnDevice(card, { ...cache, revoked: { card000001: '2026-01-01T00:00:00Z' } }, now)).toEqual({
      ok: false,
      reason: 'revoked',
    });
    expect(
      await checkOnDevice(
        card,
        { ...cache, revoked: { card000001: '2026-01-01T00:00:00Z' }, replaced: { card000001: '2026-01-01T00:00:00Z' } },
        now,
      ),
    ).toEqual({ ok: false, reason: 'revoked', replacedAt: '2026-01-01T00:00:00Z' });
    const forged = issueCard({ ...claims, holderName: 'Someone Else' }, { kid, signer: generateTestKey().signer });
    expect(await checkOnDevice(forged, cache, now)).toEqual({ ok: false, reason: 'bad_signature' });
    expect(await checkOnDevice(card, cache, new Date((claims.expiresAt + 1) * 1000))).toEqual({
      ok: false,
      reason: 'expired',
    });
    expect(await checkOnDevice(card, { ...cache, networkId: 'other' }, now)).toEqual({
      ok: false,
      reason: 'wrong_network',
    });
    const other = generateTestKey();
    const stranger = issueCard(claims, { kid: deriveKid(other.publicKey), signer: other.signer });
    expect(await checkOnDevice(stranger, cache, now)).toEqual({ ok: false, reason: 'unknown_key' });
    expect(await checkOnDevice('CN1:%%%', cache, now)).toEqual({ ok: false, reason: 'malformed' });
    expect(await checkOnDevice(card, emptyCache, now)).toEqual({ ok: false, reason: 'no_keys' });
  });

  it('refuses a card of a key the key set shows retired', async () => {
    const newer = generateTestKey();
    const entry = (publicKey: Uint8Array, retiredAt: string | null) => ({
      kid: kidToHex(deriveKid(publicKey)).toUpperCase(),
      alg: 'EdDSA' as const,
      crv: 'Ed25519' as const,
      x: Buffer.from(publicKey).toString('base64url'),
      createdAt: '2026-01-01T00:00:00Z',
      retiredAt,
    });
    const set = (retiredAt: string | null) => ({
      network: { id: 'net-1', name: 'Xarxa' },
      keys: [entry(key.publicKey, retiredAt), entry(newer.publicKey, null)],
    });
    expect(await checkOnDevice(card, { ...cache, keys: liveKeys(set(null)) }, now)).toEqual({ ok: true, claims });
    expect(await checkOnDevice(card, { ...cache, keys: liveKeys(set('2026-03-01T00:00:00Z')) }, now)).toEqual({ ok: false, reason: 'unknown_key' });
  });

  it('works out the offers with the domain rule: never the holder’s own co-op', () => {
    const offer = (coopId: string, over: Partial<Offer> = {}) =>
      ({
        id: `o-${coopId}`,
        coopId,
        forWorkers: true,
        forSupporters: false,
        sectors: [],
        status: 'active',
        validFrom: null,
        validUntil: null,
        ...over,
      }) as Offer;
    const holder = holderFromClaims(claims, cache);
    const offers = offersOnDevice(
      holder,
      { ...cache, offers: [offer('coop-a'), offer('coop-b'), offer('coop-a', { id: 'x', sectors: ['bakery'] })] },
      now,
    );
    expect(offers.map((o) => o.refusal)).toEqual([null, 'own_coop', 'sector_not_included']);
    expect(offers[0]!.remaining).toEqual({ personCount: null, personCents: null, capCount: null, capCents: null });
  });
});
