import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  SIMPLE_MAJORITY_OF_YES_NO,
  TWO_THIRDS_OF_YES_NO,
  evaluateQuorum,
  evaluateYesNo,
  tallyYesNo,
  type QuorumRule,
  type ThresholdRule,
} from './threshold.ts';
import { VotingInputError } from './types.ts';

const atLeastTwoThirds: ThresholdRule = { numerator: 2, denominator: 3, base: 'yes_no', strict: false };
const moreThanTwoThirds: ThresholdRule = { ...atLeastTwoThirds, strict: true };
const quarterQuorum: QuorumRule = {
  numerator: 1,
  denominator: 4,
  strict: false,
  abstentionsCount: true,
  attendanceCounts: false,
};

describe('evaluateYesNo', () => {
  it('exactly 2/3 passes under "≥ 2/3" and fails under "> 2/3"', () => {
    const tally = { yes: 200, no: 100, abstain: 7 };
    const ge = evaluateYesNo({ tally, electorate: 1000, threshold: atLeastTwoThirds });
    expect(ge.outcome).toBe('passed');
    expect(ge.threshold.comparison?.text).toBe('200 × 3 = 600 ≥ 2 × 300 = 600');
    expect(ge.threshold.yesShare).toBe('2/3');
    const gt = evaluateYesNo({ tally, electorate: 1000, threshold: moreThanTwoThirds });
    expect(gt.outcome).toBe('failed');
    expect(gt.threshold.comparison?.text).toBe('200 × 3 = 600 ≤ 2 × 300 = 600');
  });

  it('measures the threshold on the stated base', () => {
    const tally = { yes: 60, no: 40, abstain: 30 };
    const majority = (base: ThresholdRule['base']) =>
      evaluateYesNo({ tally, electorate: 200, threshold: { numerator: 1, denominator: 2, base, strict: true } })
        .outcome;
    expect(majority('yes_no')).toBe('passed'); // 60 > 50
    expect(majority('cast')).toBe('failed'); // 60 ≤ 65
    expect(majority('electorate')).toBe('failed'); // 60 ≤ 100
  });

  it('checks the quorum against the frozen electorate', () => {
    const rule = { ...quarterQuorum, abstentionsCount: false };
    // 249 of 1000 is under a quarter even though everyone voted yes
    const under = evaluateYesNo({
      tally: { yes: 249, no: 0, abstain: 50 },
      electorate: 1000,
      quorum: rule,
      threshold: SIMPLE_MAJORITY_OF_YES_NO,
    });
    expect(under.outcome).toBe('no_quorum');
    expect(under.quorum?.comparison.text).toBe('249 × 4 = 996 < 1 × 1000 = 1000');
    expect(under.quorum?.share).toBe('249/1000');
    // the same votes reach it when abstentions count
    const withAbstentions = evaluateYesNo({
      tally: { yes: 249, no: 0, abstain: 50 },
      electorate: 1000,
      quorum: quarterQuorum,
      threshold: SIMPLE_MAJORITY_OF_YES_NO,
    });
    expect(withAbstentions.outcome).toBe('passed');
    // exactly a quarter: '≥' reaches it, '>' does not
    const exact = { tally: { yes: 250, no: 0, abstain: 0 }, electorate: 1000, threshold: SIMPLE_MAJORITY_OF_YES_NO };
    expect(evaluateYesNo({ ...exact, quorum: quarterQuorum }).outcome).toBe('passed');
    expect(evaluateYesNo({ ...exact, quorum: { ...quarterQuorum, strict: true } }).outcome).toBe('no_quorum');
  });

  it('counts attendance towards the quorum when the bylaws say so', () => {
    const rule: QuorumRule = { ...quarterQuorum, attendanceCounts: true };
    const r = evaluateYesNo({
      tally: { yes: 100, no: 50, abstain: 0 },
      electorate: 1000,
      attendance: 260,
      quorum: rule,
      threshold: SIMPLE_MAJORITY_OF_YES_NO,
    });
    expect(r.outcome).toBe('passed');
    expect(r.quorum).toMatchObject({ turnout: 260, turnoutIs: 'attendance' });
    expect(() =>
      evaluateYesNo({
        tally: { yes: 1, no: 0, abstain: 0 },
        electorate: 10,
        quorum: rule,
        threshold: SIMPLE_MAJORITY_OF_YES_NO,
      }),
    ).toThrow(VotingInputError);
    expect(() => evaluateQuorum({ electorate: 10, ballots: 5, attendance: 4, rule })).toThrow(/attendance/);
  });

  it('supports weighted votes', () => {
    const tally = tallyYesNo([
      { choice: 'yes', weight: 5 },
      { choice: 'no', weight: 2 },
      { choice: 'no', weight: 1 },
      { choice: 'abstain' },
    ]);
    expect(tally).toEqual({ yes: 5, no: 3, abstain: 1 });
    expect(evaluateYesNo({ tally, electorate: 12, threshold: TWO_THIRDS_OF_YES_NO }).outcome).toBe('failed'); // 15 < 16
    expect(() => tallyYesNo([{ choice: 'yes', weight: 0 }])).toThrow(VotingInputError);
  });

  it('passes nothing on an empty base and refuses impossible figures', () => {
    const none = evaluateYesNo({ tally: { yes: 0, no: 0, abstain: 3 }, electorate: 10, threshold: atLeastTwoThirds });
    expect(none.outcome).toBe('failed');
    expect(none.threshold.comparison).toBeNull();
    expect(() =>
      evaluateYesNo({ tally: { yes: 11, no: 0, abstain: 0 }, electorate: 10, threshold: atLeastTwoThirds }),
    ).toThrow(/electorate/);
    expect(() =>
      evaluateYesNo({
        tally: { yes: 1, no: 0, abstain: 0 },
        electorate: 10,
        threshold: { ...atLeastTwoThirds, numerator: 4 },
      }),
    ).toThrow(VotingInputError);
  });

  it('agrees with exact rational comparison on random tallies (property)', () => {
    fc.assert(
      fc.property(
        fc.nat({ max: 10_000 }),
        fc.nat({ max: 10_000 }),
        fc.integer({ min: 1, max: 12 }).chain((d) => fc.tuple(fc.integer({ min: 0, max: d }), fc.constant(d))),
        fc.boolean(),
        (yes, no, [n, d], strict) => {
          fc.pre(yes + no > 0);
          const r = evaluateYesNo({
            tally: { yes, no, abstain: 0 },
            electorate: 20_000,
            threshold: { numerator: n, denominator: d, base: 'yes_no', strict },
          });
          const lhs = BigInt(yes) * BigInt(d);
          const rhs = BigInt(n) * BigInt(yes + no);
          expect(r.outcome === 'passed').toBe(strict ? lhs > rhs : lhs >= rhs);
        },
      ),
    );
  });
});
