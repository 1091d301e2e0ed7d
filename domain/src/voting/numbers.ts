/**
 * Exact arithmetic for counting votes. No count ever goes through floating
 * point: whole numbers are JS numbers that are checked to stay safe integers
 * (|n| ≤ 2^53 − 1), products that could leave that range are done on BigInt,
 * and fractions are either fixed-point integers with a stated unit and an
 * explicit truncation rule, or exact rationals (`Fraction`).
 *
 * Comparisons of a share against a threshold ("yes ≥ 2/3 of yes + no") are done
 * by cross-multiplication of integers — yes × 3 ≥ 2 × (yes + no) — never by
 * dividing.
 */

/** Scottish STV values are kept in hundred-thousandths of a vote (five decimal places). */
export const SCOTTISH_UNIT = 100_000;

/** Meek STV values are kept in thousand-millionths of a vote (nine decimal places). */
export const MEEK_UNIT = 1_000_000_000;

export function isSafeWhole(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value);
}

/** Throws a RangeError unless `value` is a safe integer (optionally ≥ min). */
export function assertSafeWhole(value: unknown, what: string, min = Number.MIN_SAFE_INTEGER): number {
  if (!isSafeWhole(value) || value < min) {
    throw new RangeError(`${what} must be a whole number${min > Number.MIN_SAFE_INTEGER ? ` ≥ ${min}` : ''}`);
  }
  return value;
}

/** a + b, refusing to leave the safe integer range. */
export function addSafe(a: number, b: number): number {
  const s = a + b;
  if (!Number.isSafeInteger(s)) throw new RangeError('count exceeds the safe integer range');
  return s;
}

/** a × b for safe integers, refusing to leave the safe integer range. */
export function mulSafe(a: number, b: number): number {
  const p = a * b;
  if (!Number.isSafeInteger(p)) {
    const big = BigInt(a) * BigInt(b);
    if (big > BigInt(Number.MAX_SAFE_INTEGER) || big < BigInt(Number.MIN_SAFE_INTEGER)) {
      throw new RangeError('count exceeds the safe integer range');
    }
    return Number(big);
  }
  return p;
}

/**
 * ⌊a × b / c⌋ for non-negative safe integers and c > 0, exact (the product is
 * formed on BigInt, so it may exceed 2^53). This is "calculated to the unit,
 * any remainder being ignored".
 */
export function mulDivFloor(a: number, b: number, c: number): number {
  if (c <= 0) throw new RangeError('division by a non-positive number');
  if (a < 0 || b < 0) throw new RangeError('mulDivFloor takes non-negative numbers');
  const q = (BigInt(a) * BigInt(b)) / BigInt(c);
  if (q > BigInt(Number.MAX_SAFE_INTEGER)) throw new RangeError('count exceeds the safe integer range');
  return Number(q);
}

/** −1, 0 or 1 as a × f compares with b × g (all integers; exact on BigInt). */
export function compareProducts(
  a: number | bigint,
  f: number | bigint,
  b: number | bigint,
  g: number | bigint,
): -1 | 0 | 1 {
  const left = BigInt(a) * BigInt(f);
  const right = BigInt(b) * BigInt(g);
  return left < right ? -1 : left > right ? 1 : 0;
}

/** −1, 0 or 1 as a/b compares with c/d (b, d > 0), by cross-multiplication. */
export function compareRatios(
  a: number | bigint,
  b: number | bigint,
  c: number | bigint,
  d: number | bigint,
): -1 | 0 | 1 {
  if (BigInt(b) <= 0n || BigInt(d) <= 0n) throw new RangeError('ratio denominators must be positive');
  return compareProducts(a, d, c, b);
}

function bigAbs(x: bigint): bigint {
  return x < 0n ? -x : x;
}

export function gcd(a: bigint, b: bigint): bigint {
  let x = bigAbs(a);
  let y = bigAbs(b);
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

/** Floor division on BigInt (BigInt `/` truncates towards zero). */
export function floorDiv(a: bigint, b: bigint): bigint {
  if (b === 0n) throw new RangeError('division by zero');
  const q = a / b;
  return a % b !== 0n && a < 0n !== b < 0n ? q - 1n : q;
}

/** Ceiling division on BigInt. */
export function ceilDiv(a: bigint, b: bigint): bigint {
  return -floorDiv(-a, b);
}

/**
 * An exact rational number on BigInt, always normalized: the denominator is
 * positive and shares no factor with the numerator (0 is 0/1).
 */
export class Fraction {
  readonly num: bigint;
  readonly den: bigint;

  private constructor(num: bigint, den: bigint) {
    this.num = num;
    this.den = den;
  }

  static of(num: number | bigint, den: number | bigint = 1n): Fraction {
    let n = BigInt(num);
    let d = BigInt(den);
    if (d === 0n) throw new RangeError('a fraction cannot have a zero denominator');
    if (d < 0n) {
      n = -n;
      d = -d;
    }
    const g = gcd(n, d);
    return g > 1n ? new Fraction(n / g, d / g) : new Fraction(n, d);
  }

  static readonly ZERO = Fraction.of(0n);
  static readonly ONE = Fraction.of(1n);

  add(o: Fraction): Fraction {
    return Fraction.of(this.num * o.den + o.num * this.den, this.den * o.den);
  }

  sub(o: Fraction): Fraction {
    return Fraction.of(this.num * o.den - o.num * this.den, this.den * o.den);
  }

  mul(o: Fraction): Fraction {
    return Fraction.of(this.num * o.num, this.den * o.den);
  }

  div(o: Fraction): Fraction {
    if (o.num === 0n) throw new RangeError('division by zero');
    return Fraction.of(this.num * o.den, this.den * o.num);
  }

  cmp(o: Fraction): -1 | 0 | 1 {
    return compareProducts(this.num, o.den, o.num, this.den);
  }

  equals(o: Fraction): boolean {
    return this.num === o.num && this.den === o.den;
  }

  /** ⌊this × scale⌋: the value in units of 1/scale, any remainder ignored. */
  floorUnits(scale: number | bigint): bigint {
    return floorDiv(this.num * BigInt(scale), this.den);
  }

  /** "2/3", or "4" when whole. */
  toString(): string {
    return this.den === 1n ? this.num.toString() : `${this.num}/${this.den}`;
  }

  /** Decimal with `places` digits, truncated towards −∞ (display only). */
  toDecimal(places: number): string {
    return formatUnits(this.floorUnits(10n ** BigInt(places)), 10n ** BigInt(places));
  }
}

/**
 * A whole number of units shown as a decimal with as many places as the unit
 * has zeros: formatUnits(191400000, 100000) → "1914.00000". Display only.
 */
export function formatUnits(units: number | bigint, scale: number | bigint): string {
  const u = BigInt(units);
  const s = BigInt(scale);
  const places = s.toString().length - 1;
  if (s !== 10n ** BigInt(places)) throw new RangeError('scale must be a power of ten');
  const negative = u < 0n;
  const a = negative ? -u : u;
  const whole = a / s;
  const frac = a % s;
  const body = places === 0 ? whole.toString() : `${whole}.${frac.toString().padStart(places, '0')}`;
  return negative ? `-${body}` : body;
}

/**
 * ⌊a × b ÷ 10^9⌋ for whole numbers 0 ≤ a, b ≤ 10^9, exact without BigInt: b is
 * split into b = bh × 10^5 + bl so that every partial product stays below 2^53.
 * Used by Meek's method, whose values are in units of 10^−9.
 */
export function mulFloorMeekUnit(a: number, b: number): number {
  const bh = Math.floor(b / 100_000);
  const bl = b - bh * 100_000;
  const hi = a * bh; // ≤ 10^13
  const lo = a * bl; // < 10^14
  return Math.floor((hi + Math.floor(lo / 100_000)) / 10_000);
}
