import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  Fraction,
  addSafe,
  ceilDiv,
  compareProducts,
  compareRatios,
  floorDiv,
  formatUnits,
  mulDivFloor,
  mulFloorMeekUnit,
  mulSafe,
} from './numbers.ts';

describe('Fraction', () => {
  it('is always normalized', () => {
    const f = Fraction.of(6, -4);
    expect([f.num, f.den]).toEqual([-3n, 2n]);
    expect(Fraction.of(0, 5).toString()).toBe('0');
    expect(Fraction.of(10, 5).toString()).toBe('2');
    expect(() => Fraction.of(1, 0)).toThrow(RangeError);
  });

  it('adds, subtracts, multiplies and divides exactly', () => {
    const third = Fraction.of(1, 3);
    const sixth = Fraction.of(1, 6);
    expect(third.add(sixth).toString()).toBe('1/2');
    expect(third.sub(sixth).toString()).toBe('1/6');
    expect(third.mul(sixth).toString()).toBe('1/18');
    expect(third.div(sixth).toString()).toBe('2');
    expect(() => third.div(Fraction.ZERO)).toThrow(RangeError);
    // 0.1 + 0.2 is exactly 0.3 here
    expect(Fraction.of(1, 10).add(Fraction.of(2, 10)).equals(Fraction.of(3, 10))).toBe(true);
  });

  it('compares and truncates to units', () => {
    expect(Fraction.of(2, 3).cmp(Fraction.of(666_666, 1_000_000))).toBe(1);
    expect(Fraction.of(2, 3).cmp(Fraction.of(4, 6))).toBe(0);
    expect(Fraction.of(2, 3).floorUnits(100_000)).toBe(66_666n);
    expect(Fraction.of(-2, 3).floorUnits(100_000)).toBe(-66_667n);
    expect(Fraction.of(2, 3).toDecimal(5)).toBe('0.66666');
  });

  it('obeys the field laws on random values (property)', () => {
    const frac = fc
      .tuple(fc.bigInt({ min: -1000n, max: 1000n }), fc.bigInt({ min: 1n, max: 1000n }))
      .map(([n, d]) => Fraction.of(n, d));
    fc.assert(
      fc.property(frac, frac, frac, (a, b, c) => {
        expect(a.add(b).equals(b.add(a))).toBe(true);
        expect(a.mul(b.add(c)).equals(a.mul(b).add(a.mul(c)))).toBe(true);
        expect(a.add(b).sub(b).equals(a)).toBe(true);
      }),
    );
  });
});

describe('integer helpers', () => {
  it('cross-multiplies instead of dividing', () => {
    expect(compareRatios(2, 3, 200, 300)).toBe(0);
    expect(compareRatios(200, 301, 2, 3)).toBe(-1);
    expect(compareProducts(Number.MAX_SAFE_INTEGER, 3, Number.MAX_SAFE_INTEGER, 2)).toBe(1);
  });

  it('floors and ceils on BigInt in both signs', () => {
    expect(floorDiv(7n, 2n)).toBe(3n);
    expect(floorDiv(-7n, 2n)).toBe(-4n);
    expect(ceilDiv(7n, 2n)).toBe(4n);
    expect(ceilDiv(-7n, 2n)).toBe(-3n);
  });

  it('mulDivFloor is exact where the product passes 2^53', () => {
    expect(mulDivFloor(129, 100_000, 2043)).toBe(6314);
    const big = 9_000_000_000_000;
    expect(mulDivFloor(big, big, big)).toBe(big);
    fc.assert(
      fc.property(fc.nat(), fc.nat(), fc.integer({ min: 1 }), (a, b, c) => {
        const expected = (BigInt(a) * BigInt(b)) / BigInt(c);
        if (expected > BigInt(Number.MAX_SAFE_INTEGER)) expect(() => mulDivFloor(a, b, c)).toThrow(RangeError);
        else expect(BigInt(mulDivFloor(a, b, c))).toBe(expected);
      }),
    );
  });

  it('mulFloorMeekUnit equals ⌊a × b / 10^9⌋ computed on BigInt', () => {
    const unit = fc.integer({ min: 0, max: 1_000_000_000 });
    fc.assert(
      fc.property(unit, unit, (a, b) => {
        expect(BigInt(mulFloorMeekUnit(a, b))).toBe((BigInt(a) * BigInt(b)) / 1_000_000_000n);
      }),
      { numRuns: 2000 },
    );
    expect(mulFloorMeekUnit(1_000_000_000, 1_000_000_000)).toBe(1_000_000_000);
    expect(mulFloorMeekUnit(999_999_999, 999_999_999)).toBe(999_999_998);
  });

  it('refuses to leave the safe integer range', () => {
    expect(() => addSafe(Number.MAX_SAFE_INTEGER, 1)).toThrow(RangeError);
    expect(() => mulSafe(2 ** 30, 2 ** 30)).toThrow(RangeError);
    expect(mulSafe(3, 4)).toBe(12);
  });

  it('formats units as decimals', () => {
    expect(formatUnits(191_400_000, 100_000)).toBe('1914.00000');
    expect(formatUnits(3_617_922, 100_000)).toBe('36.17922');
    expect(formatUnits(-5, 100_000)).toBe('-0.00005');
    expect(formatUnits(7, 1)).toBe('7');
    expect(() => formatUnits(1, 3)).toThrow(RangeError);
  });
});
