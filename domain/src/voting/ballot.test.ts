import { describe, expect, it } from 'vitest';
import {
  checkPreferences,
  prepareRanked,
  rankedBallotProblems,
  validateApprovalBallot,
  validateRankedBallot,
} from './ballot.ts';
import { VotingInputError } from './types.ts';

const options = ['Ana', 'Bea', 'Cai', 'Dov'];

describe('validateRankedBallot', () => {
  it('turns ranks into preferences', () => {
    const r = validateRankedBallot(
      [
        { option: 'Cai', rank: 2 },
        { option: 'Dov', rank: 1 },
        { option: 'Ana', rank: 3 },
      ],
      options,
    );
    expect(r).toEqual({ ok: true, value: [3, 2, 0] });
  });

  it('refuses a gap: ranks 1 and 3 without 2', () => {
    const r = validateRankedBallot(
      [
        { option: 'Ana', rank: 1 },
        { option: 'Bea', rank: 3 },
      ],
      options,
    );
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatchObject({ code: 'ballot.gap', details: { missingRank: 2 } });
  });

  it('refuses a ballot that does not start at 1', () => {
    const r = validateRankedBallot([{ option: 'Ana', rank: 2 }], options);
    expect(!r.ok && r.error.code).toBe('ballot.gap');
  });

  it('refuses a duplicate rank', () => {
    const r = validateRankedBallot(
      [
        { option: 'Ana', rank: 1 },
        { option: 'Bea', rank: 1 },
      ],
      options,
    );
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.error).toMatchObject({ code: 'ballot.duplicate_rank', details: { rank: 1, options: ['Ana', 'Bea'] } });
  });

  it('refuses an unknown option, an option ranked twice, and a bad rank', () => {
    const code = (marks: { option: string; rank: number }[]) => {
      const r = validateRankedBallot(marks, options);
      return r.ok ? null : r.error.code;
    };
    expect(code([{ option: 'Zed', rank: 1 }])).toBe('ballot.unknown_option');
    expect(
      code([
        { option: 'Ana', rank: 1 },
        { option: 'Ana', rank: 2 },
      ]),
    ).toBe('ballot.duplicate_option');
    expect(code([{ option: 'Ana', rank: 0 }])).toBe('ballot.invalid_rank');
    expect(code([{ option: 'Ana', rank: 1.5 }])).toBe('ballot.invalid_rank');
  });

  it('applies the optional rules on blank and incomplete ballots', () => {
    expect(validateRankedBallot([], options)).toEqual({ ok: true, value: [] });
    const blank = validateRankedBallot([], options, { allowEmpty: false });
    expect(!blank.ok && blank.error.code).toBe('ballot.empty');
    const partial = validateRankedBallot([{ option: 'Ana', rank: 1 }], options, { requireComplete: true });
    expect(!partial.ok && partial.error.code).toBe('ballot.incomplete');
  });
});

describe('rankedBallotProblems', () => {
  it('lists every rank given twice and the first rank missing, for a form to show at once', () => {
    const marks = [
      { option: 'Ana', rank: 1 },
      { option: 'Bea', rank: 1 },
      { option: 'Cai', rank: 4 },
      { option: 'Dov', rank: 4 },
    ];
    expect(rankedBallotProblems(marks, options).map((p) => [p.code, p.details])).toEqual([
      ['ballot.duplicate_rank', { rank: 1, options: ['Ana', 'Bea'] }],
      ['ballot.duplicate_rank', { rank: 4, options: ['Cai', 'Dov'] }],
      ['ballot.gap', { missingRank: 2 }],
    ]);
    expect(validateRankedBallot(marks, options)).toMatchObject({ ok: false, error: { code: 'ballot.duplicate_rank' } });
  });

  it('finds nothing wrong with a good ballot', () => {
    expect(rankedBallotProblems([{ option: 'Bea', rank: 1 }], options, { allowEmpty: false })).toEqual([]);
  });
});

describe('checkPreferences and validateApprovalBallot', () => {
  it('checks index lists', () => {
    expect(checkPreferences([2, 0], 3)).toBeNull();
    expect(checkPreferences([3], 3)?.code).toBe('ballot.unknown_option');
    expect(checkPreferences([1, 1], 3)?.code).toBe('ballot.duplicate_option');
    expect(checkPreferences([0.5], 3)?.code).toBe('ballot.unknown_option');
  });

  it('checks approval ballots', () => {
    expect(validateApprovalBallot(['Dov', 'Ana'], options)).toEqual({ ok: true, value: [0, 3] });
    const unknown = validateApprovalBallot(['Zed'], options);
    expect(!unknown.ok && unknown.error.code).toBe('ballot.unknown_option');
    const twice = validateApprovalBallot(['Ana', 'Ana'], options);
    expect(!twice.ok && twice.error.code).toBe('ballot.duplicate_option');
    const many = validateApprovalBallot(['Ana', 'Bea', 'Cai'], options, { maxApprovals: 2 });
    expect(!many.ok && many.error.code).toBe('ballot.too_many_approvals');
  });
});

describe('prepareRanked', () => {
  it('groups identical ballots, drops withdrawn candidates and sets blank ballots apart', () => {
    const p = prepareRanked(
      3,
      [{ prefs: [0, 1] }, { prefs: [0, 1], weight: 2 }, { prefs: [2, 0, 1] }, { prefs: [2] }, { prefs: [] }],
      [2],
    );
    expect(p.prefs).toEqual([[0, 1]]);
    expect(p.weights).toEqual([4]);
    expect(p.validVotes).toBe(4);
    expect(p.emptyVotes).toBe(2);
  });

  it('throws coded errors on bad ballots', () => {
    const code = (f: () => unknown) => {
      try {
        f();
        return null;
      } catch (e) {
        expect(e).toBeInstanceOf(VotingInputError);
        return (e as VotingInputError).code;
      }
    };
    expect(code(() => prepareRanked(2, [{ prefs: [0, 0] }]))).toBe('ballot.duplicate_option');
    expect(code(() => prepareRanked(2, [{ prefs: [5] }]))).toBe('ballot.unknown_option');
    expect(code(() => prepareRanked(2, [{ prefs: [0], weight: 0 }]))).toBe('ballot.invalid_weight');
    expect(code(() => prepareRanked(2, [{ prefs: [0], weight: 1.5 }]))).toBe('ballot.invalid_weight');
    expect(code(() => prepareRanked(2, [], [7]))).toBe('count.unknown_withdrawn');
  });
});
