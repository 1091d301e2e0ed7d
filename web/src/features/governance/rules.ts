/** The rules of a matter in plain words: which body, on what basis, by which method, with what quorum and threshold. */
import type { TFunction } from 'i18next';
import type { MatterRule } from './types.ts';

export const fraction = (f: { numerator: number; denominator: number }) =>
  f.denominator === 1 ? String(f.numerator) : `${f.numerator}/${f.denominator}`;

export function methodName(t: TFunction, method: string): string {
  return t(`governance.method.${method}`, { defaultValue: method });
}

export function bodyKindName(t: TFunction, kind: string): string {
  return t(`governance.bodyKind.${kind}`, { defaultValue: kind });
}

export function matterName(t: TFunction, matter: string): string {
  return t(`governance.matter.${matter}`, { defaultValue: matter });
}

/** "at least 2/3 of votes cast", "more than 1/2 of yes and no votes" */
export function thresholdText(t: TFunction, rule: MatterRule): string | null {
  const th = rule.threshold;
  if (!th) return null;
  return t(th.strict ? 'governance.rule.moreThan' : 'governance.rule.atLeast', {
    fraction: fraction(th),
    base: t(`governance.rule.base.${th.base}`),
  });
}

/** "at least 1/4 of the electorate take part", or null when there is no quorum. */
export function quorumText(t: TFunction, rule: MatterRule): string | null {
  const q = rule.quorum;
  if (!q) return null;
  return t(q.strict ? 'governance.rule.quorumMoreThan' : 'governance.rule.quorumAtLeast', { fraction: fraction(q) });
}

/** The notes under the quorum: what counts as taking part. */
export function quorumNotes(t: TFunction, rule: MatterRule): string[] {
  const q = rule.quorum;
  if (!q) return [];
  return [
    q.abstentionsCount ? t('governance.rule.abstentionsCount') : t('governance.rule.abstentionsDoNotCount'),
    ...(q.attendanceCounts ? [t('governance.rule.attendanceCounts')] : []),
  ];
}
