import '@mantine/charts/styles.css';
import { BarChart } from '@mantine/charts';
import { useTranslation } from 'react-i18next';
import { monthName } from '../../components/monthName.ts';
import { useMoney } from '../../components/useMoney.ts';
import type { FundView } from './fund.api.ts';

/**
 * Money in and out of the last twelve months as bars. A picture beside the
 * table, which has the same figures: hidden from screen readers. Loaded on
 * demand, with the chart library.
 */
export function MonthsChart({ view }: { view: FundView }) {
  const { t, i18n } = useTranslation();
  const money = useMoney(view.currency);
  const data = view.months.map((m) => ({
    month: monthName(m.month, i18n.language)
      .replace(/ \d{4}$/, '')
      .slice(0, 3),
    in: m.inCents / 100,
    out: m.outCents / 100,
  }));
  return (
    <div aria-hidden="true">
      <BarChart
        h={220}
        maw={760}
        data={data}
        dataKey="month"
        series={[
          { name: 'in', label: t('fund.months.in'), color: 'teal.8' },
          { name: 'out', label: t('fund.months.out'), color: 'red.8' },
        ]}
        withLegend
        withTooltip={false}
        accessibilityLayer={false}
        xAxisProps={{ tick: { fontSize: 11 } }}
        yAxisProps={{ tick: { fontSize: 11 }, width: 70 }}
        valueFormatter={(v) => money(Math.round(v * 100))}
      />
    </div>
  );
}
