import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countApproval } from './approval.ts';
import { lotOrder } from './lot.ts';
import { shuffled } from './test-support.ts';
import { VotingInputError } from './types.ts';

describe('approval voting', () => {
  it('elects the N most approved options, with weights', () => {
    const r = countApproval({
      options: ['A', 'B', 'C', 'D'],
      seats: 2,
      lot: [0, 1, 2, 3],
      ballots: [{ approvals: [0, 1] }, { approvals: [1, 2], weight: 2 }, { approvals: [3] }, { approvals: [] }],
    });
    expect(r.tallies).toEqual([1, 3, 2, 1]);
    expect(r.elected).toEqual([1, 2]);
    expect(r.ballots).toBe(5);
    expect(r.blankBallots).toBe(1);
  });

  it('breaks a tie for the last seat by the lot and says so', () => {
    const input = { options: ['A', 'B', 'C'], seats: 1, ballots: [{ approvals: [0, 2] }, { approvals: [1] }] };
    const r = countApproval({ ...input, lot: [2, 1, 0] });
    expect(r.elected).toEqual([2]);
    expect(r.tieBreaks).toEqual([
      expect.objectContaining({ purpose: 'seat', method: 'lot', tied: [0, 1, 2], chosen: [2] }),
    ]);
    expect(countApproval({ ...input, lot: [1, 0, 2] }).elected).toEqual([1]);
  });

  it('refuses unknown and repeated options', () => {
    const base = { options: ['A', 'B'], seats: 1, lot: [0, 1] };
    expect(() => countApproval({ ...base, ballots: [{ approvals: [2] }] })).toThrow(VotingInputError);
    expect(() => countApproval({ ...base, ballots: [{ approvals: [1, 1] }] })).toThrow(/twice/);
  });

  it('never depends on ballot order (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }).chain((n) =>
          fc.record({
            n: fc.constant(n),
            ballots: fc.array(fc.record({ approvals: fc.subarray(Array.from({ length: n }, (_, i) => i)) })),
            seed: fc.uint8Array({ minLength: 1, maxLength: 4 }),
            seats: fc.integer({ min: 1, max: n }),
          }),
        ),
        ({ n, ballots, seed, seats }) => {
          const options = Array.from({ length: n }, (_, i) => `O${i}`);
          const lot = lotOrder(seed, n);
          expect(countApproval({ options, seats, lot, ballots: shuffled(ballots, seed) })).toEqual(
            countApproval({ options, seats, lot, ballots }),
          );
        },
      ),
    );
  });
});
