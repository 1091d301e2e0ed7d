import { describe, expect, it } from 'vitest';
import { DEFAULT_BYLAWS, type MatterRule } from '../governance/bylaws.ts';
import { type CountInput, countVote } from './count-vote.ts';

const rule = (patch: Partial<MatterRule>): MatterRule => ({ ...DEFAULT_BYLAWS.matters.free!, quorum: null, ...patch });
const vote = (patch: Partial<CountInput>): CountInput => ({
  rule: rule({}),
  options: [],
  seats: 1,
  ballots: [],
  electorate: 10,
  attendance: 0,
  lot: [],
  ...patch,
});

describe('countVote', () => {
  it('passes a yes/no vote by its threshold, with the tally', () => {
    const ballots = [
      { c: { choice: 'yes' as const }, w: 2 },
      { c: { choice: 'no' as const }, w: 1 },
    ];
    const r = countVote(
      vote({
        rule: rule({ method: 'yes_no', threshold: { numerator: 1, denominator: 2, base: 'yes_no', strict: true } }),
        ballots,
      }),
    );
    expect(r.outcome).toBe('passed');
    expect(r.tally).toMatchObject({ yes: 2, no: 1 });
  });

  it('fails a consent vote that is blocked', () => {
    const ballots = [
      { c: { choice: 'consent' as const }, w: 1 },
      { c: { choice: 'block' as const, reason: 'breaks principle 3' }, w: 1 },
    ];
    expect(countVote(vote({ rule: rule({ method: 'consent', threshold: null }), ballots })).outcome).toBe('failed');
  });

  it('elects by name, and reports no quorum when too few voted', () => {
    const ballots = [
      { c: { ranking: [1, 0] }, w: 1 },
      { c: { ranking: [1] }, w: 1 },
    ];
    const irv = rule({ method: 'irv', threshold: null });
    expect(countVote(vote({ rule: irv, options: ['Ana', 'Bea'], ballots, lot: [0, 1] }))).toMatchObject({
      outcome: 'elected',
      elected: ['Bea'],
    });
    const quorum = { numerator: 1, denominator: 2, strict: false, abstentionsCount: true, attendanceCounts: false };
    expect(countVote(vote({ rule: { ...irv, quorum }, options: ['Ana', 'Bea'], ballots, lot: [0, 1] }))).toMatchObject({
      outcome: 'no_quorum',
      elected: [],
    });
  });

  it('elects no one from an empty approval box', () => {
    const r = countVote(
      vote({ rule: rule({ method: 'approval', threshold: null }), options: ['Ana', 'Bea'], lot: [0, 1] }),
    );
    expect(r).toMatchObject({ outcome: 'failed', elected: [] });
  });
});
