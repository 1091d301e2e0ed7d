import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assertLot, lotOrder, lotPositions, lotProblem, seedFromBytes, splitMix64 } from './lot.ts';
import { VotingInputError } from './types.ts';

describe('the lot', () => {
  it('uses SplitMix64 as published (reference outputs for seed 0)', () => {
    const next = splitMix64(0n);
    expect([next(), next(), next()]).toEqual([0xe220a8397b1dcdafn, 0x6e789e6aa1b965f4n, 0x06c45d188009454fn]);
  });

  it('derives the documented permutation (vectors checked against an independent Python implementation)', () => {
    const utf8 = new TextEncoder().encode('coopnet');
    expect(seedFromBytes(utf8)).toBe(0xea17ebb787850f1cn);
    expect(lotOrder(utf8, 10)).toEqual([9, 8, 5, 7, 1, 4, 2, 0, 6, 3]);
    expect(
      lotOrder(
        Uint8Array.from({ length: 32 }, (_, i) => i),
        20,
      ),
    ).toEqual([10, 3, 19, 7, 8, 0, 17, 2, 14, 11, 12, 6, 1, 13, 5, 18, 9, 15, 4, 16]);
  });

  it('is a deterministic permutation for any seed (property)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 40 }), fc.integer({ min: 0, max: 60 }), (seed, n) => {
        const a = lotOrder(seed, n);
        expect(a).toEqual(lotOrder(seed, n));
        expect([...a].sort((x, y) => x - y)).toEqual(Array.from({ length: n }, (_, i) => i));
        expect(lotProblem(a, n)).toBeNull();
      }),
    );
  });

  it('depends on every byte of the seed, including its length', () => {
    const base = lotOrder(Uint8Array.of(1, 2, 3), 30);
    expect(lotOrder(Uint8Array.of(1, 2, 4), 30)).not.toEqual(base);
    expect(lotOrder(Uint8Array.of(1, 2, 3, 0), 30)).not.toEqual(base);
  });

  it('places each candidate first about equally often', () => {
    const firsts = [0, 0, 0, 0];
    for (let s = 0; s < 4000; s++) firsts[lotOrder(new Uint8Array(Uint32Array.of(s).buffer), 4)[0]!]!++;
    for (const f of firsts) expect(Math.abs(f - 1000)).toBeLessThan(150);
  });

  it('refuses anything but a permutation of all candidates', () => {
    expect(lotProblem([0, 1, 2], 3)).toBeNull();
    expect(lotProblem([0, 1], 3)).toMatch(/all 3/);
    expect(lotProblem([0, 1, 1], 3)).toMatch(/twice/);
    expect(lotProblem([0, 1, 3], 3)).toMatch(/unknown/);
    expect(() => assertLot([1, 1], 2)).toThrow(VotingInputError);
    expect(() => lotOrder(new Uint8Array(), 3)).toThrow(RangeError);
    expect(lotPositions([2, 0, 1])).toEqual([1, 2, 0]);
  });
});
