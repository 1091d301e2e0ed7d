import '@mantine/charts/styles.css';
import { BarChart } from '@mantine/charts';
import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Matrix } from './reciprocity.api.ts';
import { useMoney } from '../../components/useMoney.ts';

/**
 * The net positions as bars, largest giver first. A picture beside the
 * positions table, which has the same figures: hidden from screen readers.
 * Loaded on demand, with the chart library.
 */
export function NetChart({ matrix }: { matrix: Matrix }) {
  const { t } = useTranslation();
  const money = useMoney(matrix.currency);
  const data = [...matrix.positions]
    .sort((a, b) => b.netCents - a.netCents)
    .map((p) => ({ name: p.coopName, net: p.netCents / 100, color: p.netCents >= 0 ? 'teal.8' : 'red.8' }));
  return (
    <figure style={{ margin: 0 }}>
      <div aria-hidden="true">
        <BarChart
          h={Math.max(160, 34 * data.length + 50)}
          maw={760}
          data={data}
          dataKey="name"
          orientation="vertical"
          series={[{ name: 'net', label: t('reciprocity.positions.net'), color: 'teal.8' }]}
          withTooltip={false}
          accessibilityLayer={false}
          yAxisProps={{ width: 130, tick: { fontSize: 11 } }}
          xAxisProps={{ tick: { fontSize: 11 } }}
          valueFormatter={(v) => money(Math.round(v * 100))}
        />
      </div>
      <Text component="figcaption" size="sm" mt={4}>
        {t('reciprocity.chart.caption')}
      </Text>
    </figure>
  );
}
