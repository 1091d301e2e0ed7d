import { describe, expect, it } from 'vitest';
import { rankingOf, rankingProblems } from './ranking.ts';

describe('ranked ballot in the form', () => {
  it('turns ranks into option indices, most preferred first', () => {
    expect(rankingOf([2, null, 1, 3])).toEqual([2, 0, 3]);
    expect(rankingProblems([2, null, 1, 3])).toEqual([]);
  });

  it('refuses an empty ballot', () => {
    expect(rankingProblems([null, null])).toEqual([{ code: 'ballot.empty' }]);
  });

  it('names the rank given twice and the first rank missing', () => {
    expect(rankingProblems([1, 1, 3])).toEqual([
      { code: 'ballot.duplicate_rank', rank: 1, options: [0, 1] },
      { code: 'ballot.gap', missing: 2 },
    ]);
  });

  it('a ballot may rank only some options, from 1 without gaps', () => {
    expect(rankingProblems([null, 1, null, 2])).toEqual([]);
    expect(rankingProblems([null, 2, null, null])).toEqual([{ code: 'ballot.gap', missing: 1 }]);
  });
});
