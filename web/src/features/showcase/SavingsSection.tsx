import { useTranslation } from 'react-i18next';
import { useFormat } from '../../components/useFormat.ts';
import { useMoney } from '../../components/useMoney.ts';
import { monthName } from '../reciprocity/money.ts';
import { FigurePair } from './FigurePair.tsx';
import type { Showcase } from './showcase.api.ts';

/** What members saved with their cards, this month and this year, as the reciprocity accounts count it. */
export function SavingsSection({ showcase }: { showcase: Showcase }) {
  const { t, i18n } = useTranslation();
  const money = useMoney(showcase.currency);
  const fmt = useFormat();
  const { savings, month } = showcase;
  const discounts = (count: number) => t('showcase.savings.discounts', { count, formatted: fmt.number(count) });
  return (
    <FigurePair
      id="savings-title"
      title={t('showcase.savings.title')}
      intro={t('showcase.savings.intro')}
      figures={[
        {
          testId: 'saved-month',
          value: money(savings.monthCents),
          label: t('showcase.savings.month', { month: monthName(month, i18n.language) }),
          note: discounts(savings.monthCount),
        },
        {
          testId: 'saved-year',
          value: money(savings.yearCents),
          label: t('showcase.savings.year', { year: month.slice(0, 4) }),
          note: discounts(savings.yearCount),
        },
      ]}
    />
  );
}
