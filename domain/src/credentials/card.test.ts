import { createHash, verify as nodeVerify } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { decodeBase45, encodeBase45 } from './base45.ts';
import {
  CARD_PREFIX,
  deriveKid,
  encodeProtectedHeader,
  issueCard,
  kidToHex,
  readCard,
  sigStructure,
  verifyCard,
  verifyCardAsync,
  type AsyncCardVerifier,
  type CardClaims,
} from './card.ts';
import { CborTag, decode, encode } from './cbor.ts';
import { generateTestKey, nodeVerifier } from './node-ed25519.testkit.ts';
import { sha256 } from './sha256.ts';
import { formatShortCode, normalizeShortCode, shortCode } from './short-code.ts';

const issuedAt = Date.UTC(2026, 0, 1) / 1000;
const claims: CardClaims = {
  networkId: 'cn',
  cardId: '7Q4M2K9XHD',
  holderName: 'Ana Souza',
  coopId: 'c42',
  kind: 'worker',
  issuedAt,
  expiresAt: issuedAt + 90 * 86400,
};
const now = new Date((issuedAt + 86400) * 1000);

function setup() {
  const k = generateTestKey();
  const kid = deriveKid(k.publicKey);
  const keys = new Map([[kidToHex(kid), k.publicKey]]);
  return { ...k, kid, keys, opts: { keys, verifier: nodeVerifier, now, networkId: 'cn' } };
}

describe('member card', () => {
  it('round-trips: issue, read, verify', () => {
    const s = setup();
    const text = issueCard(claims, { kid: s.kid, signer: s.signer });
    expect(text.startsWith(CARD_PREFIX)).toBe(true);
    expect(text).toMatch(/^[0-9A-Z $%*+\-./:]+$/);
    const read = readCard(text);
    expect(read.ok && read.card.claims).toEqual(claims);
    expect(verifyCard(text, s.opts)).toEqual({ ok: true, claims, kid: kidToHex(s.kid) });
    const supporter = issueCard({ ...claims, kind: 'supporter' }, { kid: s.kid, signer: s.signer });
    expect(verifyCard(supporter, s.opts)).toMatchObject({ ok: true, claims: { kind: 'supporter' } });
  });

  it('is small enough for QR alphanumeric mode', () => {
    const s = setup();
    const text = issueCard(claims, { kid: s.kid, signer: s.signer });
    const bytes = decodeBase45(text.slice(CARD_PREFIX.length)).length;
    console.log(`typical card: ${bytes} bytes CBOR, ${text.length} characters with prefix`);
    expect(text.length).toBeLessThanOrEqual(200);
  });

  it('rejects a tampered payload as bad_signature', () => {
    const s = setup();
    const text = issueCard(claims, { kid: s.kid, signer: s.signer });
    const read = readCard(text);
    if (!read.ok) throw new Error('unreadable');
    const c = read.card;
    const forgedPayload = encode(decode(c.payload) as Map<number, never>);
    // Replace the holder's co-op with another of the same length, keep the signature.
    const m = decode(c.payload) as Map<number, string | number>;
    m.set(-2, 'c43');
    const tampered = CARD_PREFIX + encodeBase45(encode(new CborTag(18, [c.protectedBytes, new Map(), encode(m), c.signature])));
    expect(forgedPayload).toEqual(c.payload); // deterministic re-encoding
    expect(readCard(tampered).ok).toBe(true);
    expect(verifyCard(tampered, s.opts)).toEqual({ ok: false, reason: 'bad_signature' });
  });

  it('rejects a card signed by another key', () => {
    const s = setup();
    const other = generateTestKey();
    // A key the till does not know.
    const unknown = issueCard(claims, { kid: deriveKid(other.publicKey), signer: other.signer });
    expect(verifyCard(unknown, s.opts)).toEqual({ ok: false, reason: 'unknown_key' });
    // A known key id, but signed by someone else.
    const impostor = issueCard(claims, { kid: s.kid, signer: other.signer });
    expect(verifyCard(impostor, s.opts)).toEqual({ ok: false, reason: 'bad_signature' });
  });

  it('checks dates and the network', () => {
    const s = setup();
    const text = issueCard(claims, { kid: s.kid, signer: s.signer });
    expect(verifyCard(text, { ...s.opts, now: new Date(claims.expiresAt * 1000) })).toEqual({ ok: false, reason: 'expired' });
    expect(verifyCard(text, { ...s.opts, now: new Date((claims.expiresAt - 1) * 1000) }).ok).toBe(true);
    expect(verifyCard(text, { ...s.opts, now: new Date((issuedAt - 3600) * 1000) })).toEqual({ ok: false, reason: 'not_yet_valid' });
    expect(verifyCard(text, { ...s.opts, now: new Date((issuedAt - 60) * 1000) }).ok).toBe(true); // within leeway
    expect(verifyCard(text, { ...s.opts, networkId: 'other' })).toEqual({ ok: false, reason: 'wrong_network' });
  });

  it('rejects malformed text', () => {
    const s = setup();
    const text = issueCard(claims, { kid: s.kid, signer: s.signer });
    const bad = [
      '',
      'hello',
      text.slice(CARD_PREFIX.length), // no prefix
      `${CARD_PREFIX}abc`, // lower case is not base45
      `${CARD_PREFIX}GGW`, // triple > 65535
      `${CARD_PREFIX}AAAA`, // length ≡ 1 (mod 3)
      text.slice(0, -3), // truncated
      text + '00', // trailing byte
      CARD_PREFIX + encodeBase45(encode(['not', 'cose'])),
      CARD_PREFIX + encodeBase45(encode(new CborTag(18, [new Uint8Array(), new Map(), new Uint8Array(), new Uint8Array(64)]))),
    ];
    for (const t of bad) {
      expect(readCard(t).ok, t).toBe(false);
      expect(verifyCard(t, s.opts), t).toEqual({ ok: false, reason: 'malformed' });
    }
  });

  it('rejects another algorithm in the protected header', () => {
    const s = setup();
    const read = readCard(issueCard(claims, { kid: s.kid, signer: s.signer }));
    if (!read.ok) throw new Error('unreadable');
    const es256 = encode(new Map<number, number | Uint8Array>([[1, -7], [4, s.kid]]));
    const t = CARD_PREFIX + encodeBase45(encode(new CborTag(18, [es256, new Map(), read.card.payload, read.card.signature])));
    expect(verifyCard(t, s.opts)).toEqual({ ok: false, reason: 'malformed' });
  });

  it('signs exactly the RFC 9052 Sig_structure ["Signature1", protected, h\'\', payload]', () => {
    const s = setup();
    const text = issueCard(claims, { kid: s.kid, signer: s.signer });
    const read = readCard(text);
    if (!read.ok) throw new Error('unreadable');
    const { protectedBytes, payload, signature } = read.card;
    expect(protectedBytes).toEqual(Uint8Array.from([0xa2, 0x01, 0x27, 0x04, 0x44, ...s.kid]));
    expect(protectedBytes).toEqual(encodeProtectedHeader(s.kid));
    const bstr = (b: Uint8Array) => (b.length < 24 ? [0x40 + b.length, ...b] : [0x58, b.length, ...b]);
    const expected = Uint8Array.from([
      0x84,
      0x6a,
      ...new TextEncoder().encode('Signature1'),
      ...bstr(protectedBytes),
      0x40,
      ...bstr(payload),
    ]);
    expect(sigStructure(protectedBytes, payload)).toEqual(expected);
    expect(nodeVerify(null, expected, s.privateKey, signature)).toBe(true);
    // The whole token: tag 18 around [protected, {}, payload, signature].
    const top = decode(decodeBase45(text.slice(CARD_PREFIX.length))) as CborTag;
    expect(top.tag).toBe(18);
    expect((top.value as unknown[])[1]).toEqual(new Map());
  });
});

describe('verifyCardAsync', () => {
  /** node:crypto behind a promise, as WebCrypto answers in a browser till. */
  const asyncVerifier: AsyncCardVerifier = {
    verify: (data, signature, publicKey) => Promise.resolve(nodeVerifier.verify(data, signature, publicKey)),
  };

  it('agrees with verifyCard on valid, forged, expired, wrong-network, unknown-key and unreadable cards', async () => {
    const s = setup();
    const other = generateTestKey();
    const valid = issueCard(claims, { kid: s.kid, signer: s.signer });
    const read = readCard(valid);
    if (!read.ok) throw new Error('unreadable');
    const m = decode(read.card.payload) as Map<number, string | number>;
    m.set(-1, 'Someone Else');
    const forgedPayload =
      CARD_PREFIX +
      encodeBase45(encode(new CborTag(18, [read.card.protectedBytes, new Map(), encode(m), read.card.signature])));
    const cases: [string, string, Parameters<typeof verifyCard>[1], string][] = [
      ['valid', valid, s.opts, 'ok'],
      ['forged payload', forgedPayload, s.opts, 'bad_signature'],
      ['signed by an impostor', issueCard(claims, { kid: s.kid, signer: other.signer }), s.opts, 'bad_signature'],
      ['expired', valid, { ...s.opts, now: new Date(claims.expiresAt * 1000) }, 'expired'],
      ['not yet valid', valid, { ...s.opts, now: new Date((issuedAt - 3600) * 1000) }, 'not_yet_valid'],
      ['wrong network', valid, { ...s.opts, networkId: 'other' }, 'wrong_network'],
      [
        'unknown key',
        issueCard(claims, { kid: deriveKid(other.publicKey), signer: other.signer }),
        s.opts,
        'unknown_key',
      ],
      ['unreadable', 'CN1:NOT A CARD', s.opts, 'malformed'],
    ];
    for (const [what, text, opts, expected] of cases) {
      const sync = verifyCard(text, opts);
      const async = await verifyCardAsync(text, { ...opts, verifier: asyncVerifier });
      expect(async, what).toEqual(sync);
      expect(sync.ok ? 'ok' : sync.reason, what).toBe(expected);
    }
  });

  it('takes a verifier that answers at once, and treats a failing one as a bad signature', async () => {
    const s = setup();
    const text = issueCard(claims, { kid: s.kid, signer: s.signer });
    expect(await verifyCardAsync(text, s.opts)).toEqual(verifyCard(text, s.opts));
    const failing: AsyncCardVerifier = { verify: () => Promise.reject(new Error('no Ed25519 here')) };
    expect(await verifyCardAsync(text, { ...s.opts, verifier: failing })).toEqual({
      ok: false,
      reason: 'bad_signature',
    });
  });
});

describe('short code', () => {
  it('is 8 Crockford characters derived from the card id', () => {
    const code = shortCode(claims.cardId);
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{8}$/);
    expect(shortCode(claims.cardId)).toBe(code);
    expect(shortCode('another')).not.toBe(code);
    expect(formatShortCode(code)).toBe(`${code.slice(0, 4)}-${code.slice(4)}`);
  });

  it('normalizes what a cashier types', () => {
    expect(normalizeShortCode('abcd-ef12')).toBe('ABCDEF12');
    expect(normalizeShortCode(' o1il 2345 ')).toBe('01112345');
    expect(normalizeShortCode('ABCDEFGU')).toBeNull();
    expect(normalizeShortCode('ABC')).toBeNull();
  });

  it('matches the Crockford encoding of the first 40 bits of SHA-256', () => {
    const digest = createHash('sha256').update('card-1').digest();
    const n = BigInt('0x' + digest.subarray(0, 5).toString('hex'));
    const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
    let expected = '';
    for (let i = 7; i >= 0; i--) expected += alphabet[Number((n >> BigInt(5 * i)) & 31n)];
    expect(shortCode('card-1')).toBe(expected);
  });
});

describe('sha256', () => {
  it('agrees with node:crypto', () => {
    for (const len of [0, 1, 55, 56, 63, 64, 65, 200]) {
      const data = Uint8Array.from({ length: len }, (_, i) => (i * 31 + 7) & 0xff);
      expect(Buffer.from(sha256(data)).toString('hex')).toBe(createHash('sha256').update(data).digest('hex'));
    }
  });
});
