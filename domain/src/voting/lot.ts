/**
 * The lot: a permutation of the candidates, drawn once before voting opens and
 * committed (the server stores it, or the seed it comes from, with the vote).
 * When a rule's own tie rules cannot separate candidates, the candidate earlier
 * in the lot is favoured: it stays in (is not excluded), wins the seat, or has
 * its surplus transferred first.
 *
 * `lotOrder(seed, n)` derives the permutation from seed bytes with a small,
 * fully specified generator, so anyone can recompute it from the published
 * seed with a few lines in any language:
 *
 * 1. Fold the seed into a 64-bit state (all arithmetic modulo 2^64):
 *    h = 0; for each 8-byte little-endian word w of the seed (the last one
 *    zero-padded): h = mix(h XOR w); finally h = mix(h XOR byteLength).
 *    mix(x) is one SplitMix64 output for state x: z = x + 0x9E3779B97F4A7C15,
 *    z = (z XOR z>>30) × 0xBF58476D1CE4E5B9, z = (z XOR z>>27) × 0x94D049BB133111EB,
 *    result z XOR z>>31.
 * 2. Run SplitMix64 from state h: each draw adds 0x9E3779B97F4A7C15 to the
 *    state and returns the finalizer above of the new state.
 * 3. Fisher–Yates from the identity [0, 1, …, n−1]: for i = n−1 down to 1,
 *    j = uniform(i + 1), swap positions i and j. uniform(k) draws r until
 *    r ≥ 2^64 mod k (rejection, so no value is favoured) and returns r mod k.
 */
import { VotingInputError } from './types.ts';

const MASK64 = (1n << 64n) - 1n;
const GAMMA = 0x9e3779b97f4a7c15n;

function finalize(x: bigint): bigint {
  let z = x & MASK64;
  z = ((z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n) & MASK64;
  z = ((z ^ (z >> 27n)) * 0x94d049bb133111ebn) & MASK64;
  return z ^ (z >> 31n);
}

/** SplitMix64 (Steele, Lea & Flood 2014): returns a function giving the next 64-bit output. */
export function splitMix64(seed: bigint): () => bigint {
  let state = seed & MASK64;
  return () => {
    state = (state + GAMMA) & MASK64;
    return finalize(state);
  };
}

/** Folds seed bytes into a 64-bit SplitMix64 starting state (step 1 above). */
export function seedFromBytes(seed: Uint8Array): bigint {
  let h = 0n;
  for (let i = 0; i < seed.length; i += 8) {
    let w = 0n;
    for (let b = 7; b >= 0; b--) w = (w << 8n) | BigInt(seed[i + b] ?? 0);
    h = finalize((h ^ w) + GAMMA);
  }
  return finalize((h ^ BigInt(seed.length)) + GAMMA);
}

/** A uniformly drawn permutation of 0..n−1, determined by the seed. */
export function lotOrder(seed: Uint8Array, n: number): number[] {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError('n must be a whole number ≥ 0');
  if (seed.length === 0) throw new RangeError('the lot needs a non-empty seed');
  const next = splitMix64(seedFromBytes(seed));
  const order = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i >= 1; i--) {
    const k = BigInt(i + 1);
    const threshold = (1n << 64n) % k;
    let r = next();
    while (r < threshold) r = next();
    const j = Number(r % k);
    const t = order[i]!;
    order[i] = order[j]!;
    order[j] = t;
  }
  return order;
}

/** Null if `lot` is a permutation of 0..n−1, else the reason. */
export function lotProblem(lot: readonly number[], n: number): string | null {
  if (!Array.isArray(lot)) return 'the lot must be an array';
  if (lot.length !== n) return `the lot must list all ${n} candidates, it lists ${lot.length}`;
  const seen = new Uint8Array(n);
  for (const c of lot) {
    if (!Number.isSafeInteger(c) || c < 0 || c >= n) return `the lot names an unknown candidate ${String(c)}`;
    if (seen[c]) return `the lot names candidate ${c} twice`;
    seen[c] = 1;
  }
  return null;
}

export function assertLot(lot: readonly number[], n: number): void {
  const problem = lotProblem(lot, n);
  if (problem) throw new VotingInputError('count.invalid_lot', problem, { expectedLength: n });
}

/** position[c] = place of candidate c in the lot (0 = most favoured). */
export function lotPositions(lot: readonly number[]): number[] {
  const pos = new Array<number>(lot.length);
  lot.forEach((c, i) => (pos[c] = i));
  return pos;
}
