/**
 * Test helpers only (imported by *.test.ts, never by the library): random
 * ranked profiles for property tests, and a deterministic shuffle.
 */
import fc from 'fast-check';
import { lotOrder } from './lot.ts';
import type { RankedBallot } from './types.ts';

export interface Profile {
  readonly candidates: string[];
  readonly ballots: RankedBallot[];
  readonly lot: number[];
}

/** Random elections: few candidates and small weights, so ties happen often. */
export function profiles(
  o: { minCandidates?: number; maxCandidates?: number; maxBallots?: number; maxWeight?: number } = {},
): fc.Arbitrary<Profile> {
  const minC = o.minCandidates ?? 1;
  const maxC = o.maxCandidates ?? 6;
  return fc.integer({ min: minC, max: maxC }).chain((n) => {
    const all = Array.from({ length: n }, (_, i) => i);
    return fc
      .record({
        ballots: fc.array(
          fc.record({
            prefs: fc.shuffledSubarray(all, { minLength: 0, maxLength: n }),
            weight: fc.integer({ min: 1, max: o.maxWeight ?? 3 }),
          }),
          { minLength: 0, maxLength: o.maxBallots ?? 25 },
        ),
        seed: fc.uint8Array({ minLength: 1, maxLength: 8 }),
      })
      .map(({ ballots, seed }) => ({
        candidates: all.map((i) => `C${i}`),
        ballots,
        lot: lotOrder(seed, n),
      }));
  });
}

/** The same ballots in another order, decided by `seed`. */
export function shuffled<T>(items: readonly T[], seed: Uint8Array): T[] {
  return lotOrder(seed, items.length).map((i) => items[i]!);
}

/** Each weighted ballot written out as that many ballots of weight 1. */
export function expandWeights(ballots: readonly RankedBallot[]): RankedBallot[] {
  return ballots.flatMap((b) => Array.from({ length: b.weight ?? 1 }, () => ({ prefs: b.prefs })));
}

export const identityLot = (n: number) => Array.from({ length: n }, (_, i) => i);
