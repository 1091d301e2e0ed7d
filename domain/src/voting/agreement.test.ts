/**
 * Methods that must agree. With one seat, instant-runoff, Scottish STV and
 * Meek STV exclude the same candidate at each stage (the fewest votes, ties by
 * the same look-back and the same lot) and transfer whole votes, so they elect
 * the same candidate: IRV stops at a majority of continuing votes, the STV
 * rules at a quota of all valid votes (Scottish) or of non-exhausted votes
 * (Meek), or when one candidate is left — and a candidate with a majority of
 * the continuing votes can never be overtaken or excluded later.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countIrv } from './irv.ts';
import { countStvMeek } from './stv-meek.ts';
import { countStvScottish } from './stv-scottish.ts';
import { profiles } from './test-support.ts';

describe('one seat: IRV, Scottish STV and Meek STV agree', () => {
  it('on random elections without ties broken by lot', () => {
    fc.assert(
      fc.property(profiles({ maxBallots: 40, maxCandidates: 7, maxWeight: 9 }), (p) => {
        const irv = countIrv(p);
        fc.pre(irv.tieBreaks.every((t) => t.method !== 'lot'));
        const scot = countStvScottish({ ...p, seats: 1 });
        const meek = countStvMeek({ ...p, seats: 1 });
        const w = irv.winner === null ? [] : [irv.winner];
        expect(scot.elected.map((x) => x.candidate)).toEqual(w);
        expect(meek.elected.map((x) => x.candidate)).toEqual(w);
      }),
      { numRuns: 400 },
    );
  });

  it('even when ties are broken, since they use the same rules and the same lot', () => {
    fc.assert(
      fc.property(profiles({ maxBallots: 12, maxCandidates: 5, maxWeight: 2 }), (p) => {
        const irv = countIrv(p);
        const w = irv.winner === null ? [] : [irv.winner];
        expect(countStvScottish({ ...p, seats: 1 }).elected.map((x) => x.candidate)).toEqual(w);
        expect(countStvMeek({ ...p, seats: 1 }).elected.map((x) => x.candidate)).toEqual(w);
      }),
      { numRuns: 400 },
    );
  });
});
