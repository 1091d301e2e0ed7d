/**
 * Yes / no / abstain against bylaw rules: a quorum on the frozen electorate,
 * then a threshold (simple majority, two thirds, …) on a stated base. Every
 * comparison is a cross-multiplication of whole numbers, e.g. "yes ≥ 2/3 of
 * yes + no" is checked as yes × 3 ≥ 2 × (yes + no), and is published with its
 * figures so anyone can redo it.
 */
import { Fraction, assertSafeWhole, compareProducts } from './numbers.ts';
import { ballotWeight } from './ballot.ts';
import { VotingInputError } from './types.ts';

export type YesNoChoice = 'yes' | 'no' | 'abstain';

export interface YesNoTally {
  readonly yes: number;
  readonly no: number;
  readonly abstain: number;
}

/** A fraction numerator/denominator, whole numbers, 0 ≤ numerator ≤ denominator, denominator ≥ 1. */
export interface Ratio {
  readonly numerator: number;
  readonly denominator: number;
}

export interface ThresholdRule extends Ratio {
  /** 'cast': yes + no + abstain; 'yes_no': yes + no; 'electorate': the whole frozen electorate. */
  readonly base: 'cast' | 'yes_no' | 'electorate';
  /** true: yes must be more than the fraction ('>'); false: at least ('≥'). */
  readonly strict: boolean;
}

export interface QuorumRule extends Ratio {
  /** true: turnout must exceed the fraction of the electorate; false: reach it. */
  readonly strict: boolean;
  /** Abstentions count towards turnout. */
  readonly abstentionsCount: boolean;
  /**
   * Attendance counts: turnout is then the `attendance` figure (the weight of
   * distinct electors who attended the assembly or cast a ballot).
   */
  readonly attendanceCounts: boolean;
}

/** Common rules, as data. */
export const SIMPLE_MAJORITY_OF_YES_NO: ThresholdRule = { numerator: 1, denominator: 2, base: 'yes_no', strict: true };
export const TWO_THIRDS_OF_YES_NO: ThresholdRule = { numerator: 2, denominator: 3, base: 'yes_no', strict: false };

export interface Comparison {
  readonly left: { readonly value: number; readonly factor: number; readonly product: string };
  readonly relation: '≥' | '>';
  readonly right: { readonly value: number; readonly factor: number; readonly product: string };
  readonly holds: boolean;
  /** e.g. "200 × 3 = 600 ≥ 2 × 300 = 600" */
  readonly text: string;
}

/** Whether value × factor (≥ or >) otherValue × otherFactor, with the arithmetic shown. */
export function compare(
  value: number,
  factor: number,
  relation: '≥' | '>',
  otherFactor: number,
  otherValue: number,
): Comparison {
  const c = compareProducts(value, factor, otherValue, otherFactor);
  const holds = relation === '>' ? c > 0 : c >= 0;
  const lp = (BigInt(value) * BigInt(factor)).toString();
  const rp = (BigInt(otherFactor) * BigInt(otherValue)).toString();
  return {
    left: { value, factor, product: lp },
    relation,
    right: { value: otherValue, factor: otherFactor, product: rp },
    holds,
    text: `${value} × ${factor} = ${lp} ${holds ? relation : relation === '≥' ? '<' : '≤'} ${otherFactor} × ${otherValue} = ${rp}`,
  };
}

function checkRatio(r: Ratio, what: string): void {
  const ok =
    Number.isSafeInteger(r.numerator) &&
    Number.isSafeInteger(r.denominator) &&
    r.denominator >= 1 &&
    r.numerator >= 0 &&
    r.numerator <= r.denominator;
  if (!ok) {
    throw new VotingInputError(
      'rule.invalid_ratio',
      `the ${what} must be a fraction n/d of whole numbers with 0 ≤ n ≤ d and d ≥ 1`,
      {
        numerator: r.numerator,
        denominator: r.denominator,
      },
    );
  }
}

export function tallyYesNo(votes: readonly { readonly choice: YesNoChoice; readonly weight?: number }[]): YesNoTally {
  let yes = 0;
  let no = 0;
  let abstain = 0;
  votes.forEach((v, i) => {
    const w = ballotWeight(v.weight, i);
    if (v.choice === 'yes') yes += w;
    else if (v.choice === 'no') no += w;
    else if (v.choice === 'abstain') abstain += w;
    else
      throw new VotingInputError('ballot.invalid_choice', `ballot ${i + 1} is not yes, no or abstain`, { ballot: i });
  });
  for (const x of [yes, no, abstain])
    if (!Number.isSafeInteger(x)) throw new VotingInputError('count.too_large', 'too many votes');
  return { yes, no, abstain };
}

export interface QuorumInput {
  /** Total weight of the electorate, frozen when voting opened. */
  readonly electorate: number;
  /** Weight of ballots that count towards turnout (before attendance). */
  readonly ballots: number;
  /** Weight of distinct electors who attended or cast a ballot; needed when the rule counts attendance. */
  readonly attendance?: number;
  readonly rule: QuorumRule;
}

export interface QuorumCheck {
  readonly rule: QuorumRule;
  readonly electorate: number;
  readonly turnout: number;
  /** What makes up the turnout figure. */
  readonly turnoutIs: 'ballots' | 'attendance';
  /** turnout / electorate, exact and reduced ("3/10"), or null for an empty electorate. */
  readonly share: string | null;
  readonly met: boolean;
  readonly comparison: Comparison;
}

/** turnout × d (≥ or >) n × electorate. */
export function evaluateQuorum(q: QuorumInput): QuorumCheck {
  checkRatio(q.rule, 'quorum');
  assertSafeWhole(q.electorate, 'electorate', 0);
  assertSafeWhole(q.ballots, 'ballots', 0);
  let turnout = q.ballots;
  if (q.rule.attendanceCounts) {
    if (q.attendance === undefined) {
      throw new VotingInputError(
        'tally.attendance_missing',
        'the quorum counts attendance, but no attendance figure was given',
      );
    }
    assertSafeWhole(q.attendance, 'attendance', 0);
    if (q.attendance < q.ballots) {
      throw new VotingInputError(
        'tally.attendance_below_ballots',
        'attendance (electors present or voting) cannot be less than the ballots cast',
        {
          attendance: q.attendance,
          ballots: q.ballots,
        },
      );
    }
    turnout = q.attendance;
  }
  if (turnout > q.electorate) {
    throw new VotingInputError('tally.exceeds_electorate', 'turnout cannot exceed the frozen electorate', {
      turnout,
      electorate: q.electorate,
    });
  }
  const comparison = compare(turnout, q.rule.denominator, q.rule.strict ? '>' : '≥', q.rule.numerator, q.electorate);
  return {
    rule: q.rule,
    electorate: q.electorate,
    turnout,
    turnoutIs: q.rule.attendanceCounts ? 'attendance' : 'ballots',
    share: q.electorate > 0 ? Fraction.of(turnout, q.electorate).toString() : null,
    met: comparison.holds,
    comparison,
  };
}

export interface YesNoInput {
  readonly tally: YesNoTally;
  /** Total weight of the electorate, frozen when voting opened. */
  readonly electorate: number;
  /** Weight of distinct electors who attended the assembly or cast a ballot (only used when the quorum counts attendance). */
  readonly attendance?: number;
  /** No quorum requirement when absent or null. */
  readonly quorum?: QuorumRule | null;
  readonly threshold: ThresholdRule;
}

export interface ThresholdCheck {
  readonly rule: ThresholdRule;
  /** The base figure: cast, yes + no, or electorate. */
  readonly base: number;
  /** yes / base, exact and reduced, or null when the base is 0. */
  readonly yesShare: string | null;
  readonly met: boolean;
  /** yes × d (≥ or >) n × base; null when the base is 0 (nothing can pass on no votes). */
  readonly comparison: Comparison | null;
}

export interface YesNoResult {
  readonly method: 'yes_no';
  readonly outcome: 'passed' | 'failed' | 'no_quorum';
  readonly tally: YesNoTally;
  readonly cast: number;
  readonly electorate: number;
  readonly quorum: QuorumCheck | null;
  readonly threshold: ThresholdCheck;
  /** The decision in sentences, with the arithmetic. */
  readonly explanation: readonly string[];
}

const ruleText = (r: Ratio, strict: boolean) => `${strict ? 'more than' : 'at least'} ${r.numerator}/${r.denominator}`;

export function evaluateYesNo(input: YesNoInput): YesNoResult {
  const { tally, electorate } = input;
  checkRatio(input.threshold, 'threshold');
  assertSafeWhole(tally.yes, 'yes', 0);
  assertSafeWhole(tally.no, 'no', 0);
  assertSafeWhole(tally.abstain, 'abstain', 0);
  assertSafeWhole(electorate, 'electorate', 0);
  const cast = tally.yes + tally.no + tally.abstain;
  if (!Number.isSafeInteger(cast)) throw new VotingInputError('count.too_large', 'too many votes');
  if (cast > electorate)
    throw new VotingInputError('tally.exceeds_electorate', 'more votes than the frozen electorate', {
      cast,
      electorate,
    });
  const explanation: string[] = [];

  let quorum: QuorumCheck | null = null;
  if (input.quorum) {
    const ballots = tally.yes + tally.no + (input.quorum.abstentionsCount ? tally.abstain : 0);
    quorum = evaluateQuorum({ electorate, ballots, attendance: input.attendance, rule: input.quorum });
    const what =
      quorum.turnoutIs === 'attendance'
        ? 'attendance'
        : input.quorum.abstentionsCount
          ? 'yes + no + abstain'
          : 'yes + no';
    explanation.push(
      `Quorum: turnout (${what}) ${quorum.turnout} of an electorate of ${electorate} must be ${ruleText(input.quorum, input.quorum.strict)}: ` +
        `${quorum.comparison.text}, so the quorum is ${quorum.met ? 'met' : 'not met'}.`,
    );
  }

  const rule = input.threshold;
  const base = rule.base === 'cast' ? cast : rule.base === 'yes_no' ? tally.yes + tally.no : electorate;
  const baseName = rule.base === 'cast' ? 'votes cast' : rule.base === 'yes_no' ? 'yes + no' : 'the electorate';
  let comparison: Comparison | null = null;
  let met = false;
  if (base > 0) {
    comparison = compare(tally.yes, rule.denominator, rule.strict ? '>' : '≥', rule.numerator, base);
    met = comparison.holds;
    explanation.push(
      `Threshold: yes (${tally.yes}) must be ${ruleText(rule, rule.strict)} of ${baseName} (${base}): ${comparison.text}, so it is ${met ? 'met' : 'not met'}.`,
    );
  } else {
    explanation.push(`Threshold: there are no votes in the base (${baseName} = 0), so nothing can pass.`);
  }
  const outcome = quorum && !quorum.met ? 'no_quorum' : met ? 'passed' : 'failed';
  explanation.push(
    outcome === 'passed'
      ? 'The proposal passed.'
      : outcome === 'failed'
        ? 'The proposal failed.'
        : 'No quorum: the vote decides nothing.',
  );
  return {
    method: 'yes_no',
    outcome,
    tally: { ...tally },
    cast,
    electorate,
    quorum,
    threshold: { rule, base, yesShare: base > 0 ? Fraction.of(tally.yes, base).toString() : null, met, comparison },
    explanation,
  };
}
