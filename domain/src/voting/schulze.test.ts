import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countSchulze } from './schulze.ts';
import { profiles, shuffled } from './test-support.ts';

const [A, B, C, D, E] = [0, 1, 2, 3, 4];
const ballot = (w: number, s: string) => ({ weight: w, prefs: [...s].map((ch) => 'ABCDE'.indexOf(ch)) });

describe('Schulze', () => {
  // The example of Schulze's paper (and Wikipedia): 45 voters, winner E.
  const example = {
    candidates: ['A', 'B', 'C', 'D', 'E'],
    lot: [0, 1, 2, 3, 4],
    ballots: [
      ballot(5, 'ACBED'),
      ballot(5, 'ADECB'),
      ballot(8, 'BEDAC'),
      ballot(3, 'CABED'),
      ballot(7, 'CAEBD'),
      ballot(2, 'CBADE'),
      ballot(7, 'DCEBA'),
      ballot(8, 'EBADC'),
    ],
  };

  it('publishes the pairwise and strongest-path matrices of the classic example', () => {
    const r = countSchulze(example);
    expect(r.pairwise).toEqual([
      [0, 20, 26, 30, 22],
      [25, 0, 16, 33, 18],
      [19, 29, 0, 17, 24],
      [15, 12, 28, 0, 14],
      [23, 27, 21, 31, 0],
    ]);
    expect(r.strongestPaths).toEqual([
      [0, 28, 28, 30, 24],
      [25, 0, 28, 33, 24],
      [25, 29, 0, 29, 24],
      [25, 28, 28, 0, 24],
      [25, 28, 28, 31, 0],
    ]);
    expect(r.order).toEqual([E, A, C, B, D]);
    expect(r.winners).toEqual([E]);
    expect(r.condorcetWinner).toBeNull();
    expect(r.tieBreaks).toEqual([]);
  });

  it('counts unranked candidates as below every ranked one', () => {
    const r = countSchulze({ candidates: ['A', 'B', 'C'], lot: [0, 1, 2], ballots: [{ prefs: [2] }] });
    expect(r.pairwise).toEqual([
      [0, 0, 0],
      [0, 0, 0],
      [1, 1, 0],
    ]);
    expect(r.elected).toEqual([2]);
    // A and B are never separated: the lot orders them, and says so
    expect(r.tieBreaks).toEqual([expect.objectContaining({ purpose: 'ranking', method: 'lot', tied: [0, 1] })]);
  });

  it('breaks a tie for the win by the lot', () => {
    const input = { candidates: ['A', 'B'], ballots: [{ prefs: [0, 1] }, { prefs: [1, 0] }] };
    expect(countSchulze({ ...input, lot: [1, 0] }).elected).toEqual([1]);
    expect(countSchulze({ ...input, lot: [0, 1] }).tieBreaks[0]).toMatchObject({ purpose: 'seat', chosen: [0] });
  });

  it('elects the Condorcet winner whenever there is one (property)', () => {
    fc.assert(
      fc.property(
        profiles({ maxBallots: 30, maxCandidates: 6 }),
        fc.constantFrom<'winning' | 'margin'>('winning', 'margin'),
        (p, strength) => {
          const r = countSchulze({ ...p, strength });
          const n = p.candidates.length;
          const d = r.pairwise;
          const cw = Array.from({ length: n }, (_, i) => i).find((i) =>
            Array.from({ length: n }, (_, j) => j).every((j) => j === i || d[i]![j]! > d[j]![i]!),
          );
          expect(r.condorcetWinner).toBe(cw ?? null);
          if (cw !== undefined && r.outcome === 'complete') {
            expect(r.winners).toEqual([cw]);
            expect(r.elected).toEqual([cw]);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('never depends on ballot order, and its ranking relation is transitive (property)', () => {
    fc.assert(
      fc.property(profiles({ maxBallots: 30 }), fc.uint8Array({ minLength: 1, maxLength: 4 }), (p, seed) => {
        const r = countSchulze(p);
        expect(countSchulze({ ...p, ballots: shuffled(p.ballots, seed) })).toEqual(r);
        const n = p.candidates.length;
        for (let i = 0; i < n; i++)
          for (let j = 0; j < n; j++)
            for (let k = 0; k < n; k++)
              if (r.ranksAbove[i]![j] && r.ranksAbove[j]![k]) expect(r.ranksAbove[i]![k]).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});
