import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countIrv } from './irv.ts';
import { expandWeights, profiles, shuffled } from './test-support.ts';

describe('instant-runoff', () => {
  it('elects a first-round majority at once', () => {
    const r = countIrv({
      candidates: ['A', 'B'],
      lot: [0, 1],
      ballots: [
        { prefs: [0], weight: 3 },
        { prefs: [1], weight: 2 },
      ],
    });
    expect(r).toMatchObject({ winner: 0, wonBy: 'majority', excluded: [] });
    expect(r.rounds).toHaveLength(1);
    expect(r.rounds[0]!.majority).toEqual({ leader: 0, votes: 3, reached: true });
  });

  it('excludes the last candidate and transfers whole ballots, round by round', () => {
    // A 8, B 7, C 5: C is excluded, 4 go to B and 1 is exhausted: B 11 of 19 continuing.
    const r = countIrv({
      candidates: ['A', 'B', 'C'],
      lot: [0, 1, 2],
      ballots: [{ prefs: [0], weight: 8 }, { prefs: [1, 0], weight: 7 }, { prefs: [2, 1], weight: 4 }, { prefs: [2] }],
    });
    expect(r.winner).toBe(1);
    expect(r.rounds.map((x) => x.votes)).toEqual([
      [8, 7, 5],
      [8, 11, 0],
    ]);
    expect(r.rounds[1]).toMatchObject({
      action: { kind: 'exclusion', candidate: 2, votes: 5 },
      change: [0, 4, -5],
      exhausted: 1,
      exhaustedChange: 1,
      continuingVotes: 19,
    });
    expect(r.rounds[1]!.status).toEqual(['continuing', 'elected', 'excluded']);
  });

  it('needs a majority of the continuing votes, not of all votes', () => {
    // A 4, B 3, C 3 exhausted when excluded: A wins 4 of 7 continuing.
    const r = countIrv({
      candidates: ['A', 'B', 'C'],
      lot: [0, 1, 2],
      ballots: [
        { prefs: [0], weight: 4 },
        { prefs: [1], weight: 3 },
        { prefs: [2], weight: 2 },
      ],
    });
    expect(r.winner).toBe(0);
    expect(r.wonBy).toBe('majority');
    expect(r.rounds[1]).toMatchObject({ continuingVotes: 7, exhausted: 2 });
  });

  it('breaks an exclusion tie by earlier rounds, then by lot', () => {
    // Round 1: A 4, B 3, C 2, D 1 → D to C; round 2: A 4, B 3, C 3 tie B/C; round 1 had C lower.
    const ballots = [
      { prefs: [0], weight: 4 },
      { prefs: [1, 0], weight: 3 },
      { prefs: [2, 1], weight: 2 },
      { prefs: [3, 2] },
    ];
    const r = countIrv({ candidates: ['A', 'B', 'C', 'D'], lot: [0, 1, 2, 3], ballots });
    expect(r.excluded).toEqual([3, 2]);
    expect(r.tieBreaks[0]).toMatchObject({
      method: 'earlier_stage',
      stage: 2,
      decidedAtStage: 1,
      tied: [1, 2],
      chosen: [2],
    });
    expect(r.winner).toBe(1);
    const lotOnly = countIrv({ candidates: ['A', 'B'], lot: [1, 0], ballots: [{ prefs: [0] }, { prefs: [1] }] });
    expect(lotOnly).toMatchObject({ winner: 1, wonBy: 'majority', excluded: [0] }); // 1 of 1 continuing vote
    expect(lotOnly.tieBreaks[0]).toMatchObject({ method: 'lot', chosen: [0] });
  });

  it('conserves votes, ignores ballot order and treats weights as copies (properties)', () => {
    fc.assert(
      fc.property(profiles({ maxBallots: 30 }), fc.uint8Array({ minLength: 1, maxLength: 4 }), (p, seed) => {
        const r = countIrv(p);
        for (const round of r.rounds)
          expect(round.votes.reduce((a, b) => a + b, 0) + round.exhausted).toBe(r.validVotes);
        expect(countIrv({ ...p, ballots: shuffled(p.ballots, seed) })).toEqual(r);
        expect(countIrv({ ...p, ballots: expandWeights(p.ballots) }).rounds).toEqual(r.rounds);
        if (r.validVotes > 0) expect(r.winner).not.toBeNull();
      }),
      { numRuns: 200 },
    );
  });
});
