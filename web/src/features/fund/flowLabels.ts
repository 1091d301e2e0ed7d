/** The words for a flow's source or use: an account's own name, or the flows' fixed words. */
import type { TFunction } from 'i18next';
import type { FundFlows } from './flows.api.ts';

export const nameIn = (names: { en: string; es: string }, lang: string) =>
  lang.startsWith('es') ? names.es : names.en;

const FIXED: Record<string, string> = {
  'brought-forward': 'broughtForward',
  opening: 'opening',
  repaid: 'repaid',
  'moved-in': 'movedIn',
  lent: 'lent',
  'moved-out': 'movedOut',
  'carried-forward': 'carriedForward',
};

export function flowLabel(
  t: TFunction,
  lang: string,
  key: string,
  names: { en: string; es: string } | null,
  flows: Pick<FundFlows, 'year' | 'years'>,
): string {
  if (names) return nameIn(names, lang);
  // This year is not over: what is carried forward is what is held today.
  if (key === 'carried-forward' && flows.year === flows.years[flows.years.length - 1])
    return t('fund.flows.keys.heldToday');
  return t(`fund.flows.keys.${FIXED[key] ?? 'other'}`);
}
