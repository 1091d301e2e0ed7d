import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseBlt } from './blt.ts';
import { MEEK_UNIT } from './numbers.ts';
import { countStvMeek } from './stv-meek.ts';
import { expandWeights, identityLot, profiles, shuffled } from './test-support.ts';

describe("Meek's method", () => {
  it('lets a surplus pass on through keep values (Droop test "42": Castor, then Helen)', () => {
    const r = countStvMeek({
      candidates: ['Castor', 'Pollux', 'Helen'],
      seats: 2,
      lot: [0, 1, 2],
      ballots: [
        { prefs: [0, 1], weight: 4 },
        { prefs: [2], weight: 2 },
      ],
    });
    expect(r.elected.map((x) => x.candidate)).toEqual([0, 2]);
    const s2 = r.stages[1]!;
    expect(s2.action).toEqual({ kind: 'surplus', candidates: [0] });
    // Castor keeps about half of each vote and holds the quota; Pollux gets the rest.
    expect(Math.abs(s2.keep[0]! - MEEK_UNIT / 2)).toBeLessThan(10);
    expect(Math.abs(s2.votes[0]! - s2.quota)).toBeLessThanOrEqual(r.tolerance + 10);
  });

  it('reduces the quota as ballots exhaust', () => {
    const r = countStvMeek({
      candidates: ['A', 'B', 'C'],
      seats: 1,
      lot: [0, 1, 2],
      ballots: [
        { prefs: [0], weight: 4 },
        { prefs: [1], weight: 3 },
        { prefs: [2], weight: 2 },
      ],
    });
    expect(r.stages[0]!.quota).toBe(4.5 * MEEK_UNIT + 1);
    expect(r.stages[1]!.quota).toBe(3.5 * MEEK_UNIT + 1);
    expect(r.elected).toEqual([{ candidate: 0, stage: 2, by: 'quota' }]);
  });

  it('elects the same councillors as the official counts of the two Glasgow wards', () => {
    for (const [file, winners] of [
      ['glasgow-2007-linn.blt', ['David Ritchie', 'Sadie Docherty', 'John McKenzie', 'Margot Clark']],
      ['glasgow-2007-drumchapel-anniesland.blt', ['Paul Carey', 'Bill Kidd', 'Steven Purcell', 'Jonathan Findlay']],
    ] as const) {
      const p = parseBlt(readFileSync(new URL(`./testdata/${file}`, import.meta.url), 'utf8'));
      if (!p.ok) throw new Error(p.error.message);
      const e = p.election;
      const r = countStvMeek({
        candidates: e.candidates,
        ballots: e.ballots,
        seats: e.seats,
        lot: identityLot(e.candidates.length),
      });
      expect(new Set(r.elected.map((x) => e.candidates[x.candidate]))).toEqual(new Set(winners));
      expect(r.tieBreaks).toEqual([]);
      for (const s of r.stages) expect(s.votes.reduce((a, b) => a + b, 0) + s.excess).toBe(r.validVotes * MEEK_UNIT);
    }
  });

  it('conserves votes, ignores ballot order and treats weights as copies (properties)', () => {
    fc.assert(
      fc.property(
        profiles({ maxBallots: 25 }),
        fc.integer({ min: 1, max: 3 }),
        fc.uint8Array({ minLength: 1, maxLength: 4 }),
        (p, seats, seed) => {
          const r = countStvMeek({ ...p, seats });
          for (const s of r.stages) {
            expect(s.votes.reduce((a, b) => a + b, 0) + s.excess).toBe(r.validVotes * MEEK_UNIT);
            for (let c = 0; c < p.candidates.length; c++) if (s.status[c] === 'excluded') expect(s.votes[c]).toBe(0);
          }
          if (r.outcome === 'complete') expect(r.elected).toHaveLength(Math.min(seats, p.candidates.length));
          expect(countStvMeek({ ...p, seats, ballots: shuffled(p.ballots, seed) })).toEqual(r);
          expect(countStvMeek({ ...p, seats, ballots: expandWeights(p.ballots) }).elected).toEqual(r.elected);
        },
      ),
      { numRuns: 150 },
    );
  });
});
