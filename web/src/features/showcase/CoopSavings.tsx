import { useTranslation } from 'react-i18next';
import { useMoney } from '../../components/useMoney.ts';
import { monthName } from '../reciprocity/money.ts';
import { FigurePair } from './FigurePair.tsx';
import { useCoopShowcase } from './showcase.api.ts';

/** On a co-op's page: what its tills gave the network's members, and what its workers saved at the other co-ops. */
export function CoopSavings({ coopId }: { coopId: string }) {
  const { t, i18n } = useTranslation();
  const { data } = useCoopShowcase(coopId);
  const money = useMoney(data?.currency);
  if (!data) return null;
  const month = monthName(data.month, i18n.language);
  const year = data.month.slice(0, 4);
  return (
    <FigurePair
      id="coop-savings-title"
      title={t('showcase.coop.title')}
      intro={t('showcase.coop.intro')}
      figures={[
        {
          testId: 'coop-received',
          value: money(data.received.monthCents),
          label: t('showcase.coop.received', { month }),
          note: t('showcase.coop.thisYear', { year, amount: money(data.received.yearCents) }),
        },
        {
          testId: 'coop-given',
          value: money(data.given.monthCents),
          label: t('showcase.coop.given', { month }),
          note: t('showcase.coop.thisYear', { year, amount: money(data.given.yearCents) }),
        },
      ]}
    />
  );
}
