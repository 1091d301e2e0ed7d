import { describe, expect, it } from 'vitest';
import { Base45Error, decodeBase45, encodeBase45 } from './base45.ts';
import { CborError, CborTag, decode, encode } from './cbor.ts';

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');
const unhex = (h: string) => new Uint8Array(Buffer.from(h, 'hex'));

describe('base45 (RFC 9285 examples)', () => {
  it('encodes and decodes', () => {
    const te = new TextEncoder();
    expect(encodeBase45(te.encode('AB'))).toBe('BB8');
    expect(encodeBase45(te.encode('Hello!!'))).toBe('%69 VD92EX0');
    expect(encodeBase45(te.encode('base-45'))).toBe('UJCLQE7W581');
    expect(new TextDecoder().decode(decodeBase45('QED8WEX0'))).toBe('ietf!');
    expect(encodeBase45(new Uint8Array())).toBe('');
    const all = Uint8Array.from({ length: 256 }, (_, i) => i);
    expect(decodeBase45(encodeBase45(all))).toEqual(all);
    expect(decodeBase45(encodeBase45(Uint8Array.from([255, 255, 255])))).toEqual(Uint8Array.from([255, 255, 255]));
  });

  it('rejects bad input', () => {
    expect(() => decodeBase45('GGW')).toThrow(Base45Error);
    expect(() => decodeBase45('A')).toThrow(Base45Error);
    expect(() => decodeBase45('aa')).toThrow(Base45Error);
    expect(() => decodeBase45('::')).toThrow(Base45Error); // 44 + 44*45 > 255
  });
});

describe('deterministic CBOR', () => {
  it('encodes RFC 8949 Appendix A values', () => {
    const cases: [Parameters<typeof encode>[0], string][] = [
      [0, '00'],
      [23, '17'],
      [24, '1818'],
      [1000, '1903e8'],
      [1000000, '1a000f4240'],
      [1000000000000, '1b000000e8d4a51000'],
      [Number.MAX_SAFE_INTEGER, '1b001fffffffffffff'],
      [-1, '20'],
      [-1000, '3903e7'],
      [-65537, '3a00010000'],
      ['IETF', '6449455446'],
      ['\u00fc', '62c3bc'],
      [unhex('01020304'), '4401020304'],
      [[1, [2, 3]], '8201820203'],
      [new Map([[2, 'b'], [1, 'a'], [-1, 'c']]), 'a3016161026162206163'],
      [new CborTag(18, []), 'd280'],
    ];
    for (const [v, h] of cases) {
      expect(hex(encode(v))).toBe(h);
      expect(decode(unhex(h))).toEqual(v instanceof Map ? new Map([...v].sort(([a], [b]) => (a < 0 ? 100 - a : a) - (b < 0 ? 100 - b : b))) : v);
    }
  });

  it('rejects non-deterministic or unsupported encodings', () => {
    for (const h of [
      '1817', // non-shortest
      '190017',
      '5f4101ff', // indefinite length
      'a2020101', // keys out of order: 2 then 1
      'a201010101', // duplicate key
      'a1616101', // text key
      'f5', // true
      'fb3ff0000000000000', // float
      '0000', // trailing
      '4401', // truncated
      '62c328', // bad UTF-8
      '1b0020000000000000', // beyond safe integer
      '9bffffffffffffffff', // absurd length
    ]) {
      expect(() => decode(unhex(h)), h).toThrow(CborError);
    }
    expect(() => encode(1.5)).toThrow(CborError);
  });
});
