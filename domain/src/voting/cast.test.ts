import { describe, expect, it } from 'vitest';
import { checkBallot, isRankedMethod } from './cast.ts';

const options = ['Ana', 'Bea', 'Cai'];
const code = (r: ReturnType<typeof checkBallot>) => (r.ok ? null : r.error.code);

describe('checkBallot', () => {
  it('takes a yes/no choice and refuses any other shape', () => {
    expect(checkBallot({ choice: 'abstain' }, 'yes_no', [])).toEqual({ ok: true, value: { choice: 'abstain' } });
    expect(code(checkBallot({ choice: 'consent' }, 'yes_no', []))).toBe('ballot.wrong_kind');
    expect(code(checkBallot({ choice: 'no', reason: 'why' } as never, 'yes_no', []))).toBe('ballot.wrong_kind');
    expect(code(checkBallot({ ranking: [0] }, 'yes_no', options))).toBe('ballot.wrong_kind');
  });

  it('keeps a consent response’s reason, and refuses a block without one', () => {
    expect(checkBallot({ choice: 'stand_aside', reason: 'not my area' }, 'consent', [])).toEqual({
      ok: true,
      value: { choice: 'stand_aside', reason: 'not my area' },
    });
    expect(checkBallot({ choice: 'consent', reason: '' }, 'consent', [])).toEqual({
      ok: true,
      value: { choice: 'consent' },
    });
    expect(code(checkBallot({ choice: 'block' }, 'consent', []))).toBe('consent.block_without_reason');
  });

  it('sorts approvals and refuses unknown or repeated options', () => {
    expect(checkBallot({ approvals: [2, 0] }, 'approval', options)).toEqual({ ok: true, value: { approvals: [0, 2] } });
    expect(code(checkBallot({ approvals: [3] }, 'approval', options))).toBe('ballot.unknown_option');
    expect(code(checkBallot({ approvals: [1, 1] }, 'approval', options))).toBe('ballot.duplicate_option');
    expect(code(checkBallot({ ranking: [1] }, 'approval', options))).toBe('ballot.wrong_kind');
  });

  it('takes a ranking as indices or as marks written on paper', () => {
    expect(checkBallot({ ranking: [2, 0] }, 'irv', options)).toEqual({ ok: true, value: { ranking: [2, 0] } });
    expect(
      checkBallot(
        {
          marks: [
            { option: 1, rank: 2 },
            { option: 2, rank: 1 },
          ],
        },
        'schulze',
        options,
      ),
    ).toEqual({ ok: true, value: { ranking: [2, 1] } });
    expect(code(checkBallot({ marks: [{ option: 0, rank: 2 }] }, 'stv_meek', options))).toBe('ballot.gap');
    expect(code(checkBallot({ ranking: [0, 0] }, 'stv_scottish', options))).toBe('ballot.duplicate_option');
    expect(code(checkBallot({ choice: 'yes' }, 'irv', options))).toBe('ballot.wrong_kind');
  });

  it('names the ranked methods', () => {
    expect(
      ['yes_no', 'consent', 'approval', 'irv', 'stv_scottish', 'stv_meek', 'schulze'].filter((m) =>
        isRankedMethod(m as never),
      ),
    ).toEqual(['irv', 'stv_scottish', 'stv_meek', 'schulze']);
  });
});
