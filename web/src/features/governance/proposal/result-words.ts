/**
 * A count's quorum and threshold as sentences with their figures — "4 of 60
 * took part; a quarter, 15, was needed." — instead of the arithmetic the
 * count publishes ("4 × 4 = 16 < 1 × 60 = 60").
 */
import type { TFunction } from 'i18next';
import type { CountResult, QuorumCheck, YesNoResult } from '../types.ts';

interface Share {
  readonly numerator: number;
  readonly denominator: number;
  readonly strict: boolean;
}

/** The least whole figure that meets the share of `base`: at least n/d of it, or more than n/d of it. */
export function needed(share: Share, base: number): number {
  const n = BigInt(share.numerator);
  const d = BigInt(share.denominator);
  const product = n * BigInt(base);
  const floor = product / d;
  if (share.strict) return Number(floor + 1n);
  return Number(product % d === 0n ? floor : floor + 1n);
}

/** "a quarter", "two thirds", "half"; other fractions as figures ("5/8"). */
export function shareWords(t: TFunction, share: { numerator: number; denominator: number }): string {
  const figure = share.denominator === 1 ? String(share.numerator) : `${share.numerator}/${share.denominator}`;
  return t(`result.share.${share.numerator}_${share.denominator}`, {
    defaultValue: t('result.share.other', { fraction: figure }),
  });
}

export function quorumSentence(t: TFunction, q: QuorumCheck, num: (n: number) => string): string {
  const how = q.rule.strict ? 'moreThan' : 'atLeast';
  const said = t(`result.quorumSentence.${q.turnoutIs}.${how}`, {
    turnout: num(q.turnout),
    electorate: num(q.electorate),
    share: shareWords(t, q.rule),
    needed: num(needed(q.rule, q.electorate)),
  });
  return `${said} ${t(q.met ? 'result.quorumMet' : 'result.quorumNotMet')}`;
}

/** Null when there were no votes to weigh (the count says so itself). */
export function thresholdSentence(t: TFunction, count: YesNoResult, num: (n: number) => string): string | null {
  const { threshold } = count;
  if (!threshold.comparison) return null;
  const how = threshold.rule.strict ? 'moreThan' : 'atLeast';
  const said = t(`result.thresholdSentence.${threshold.rule.base}.${how}`, {
    yes: num(count.tally.yes),
    base: num(threshold.base),
    share: shareWords(t, threshold.rule),
    needed: num(needed(threshold.rule, threshold.base)),
  });
  return `${said} ${t(threshold.met ? 'result.thresholdMet' : 'result.thresholdNotMet')}`;
}

/** Whether the lot actually decided something in this count (else it is kept folded away). */
export function lotBrokeATie(count: CountResult | null | undefined): boolean {
  if (!count || !('tieBreaks' in count)) return false;
  return count.tieBreaks.some((tb) => tb.method === 'lot');
}
