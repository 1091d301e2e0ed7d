import { NativeSelect, Stack, Table, Text, Title } from '@mantine/core';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { ScrollTable } from '../../components/ScrollTable.tsx';
import { useMoney } from '../../components/useMoney.ts';
import { BudgetsSection } from './BudgetsSection.tsx';
import { type FundFlows, useBudgets, useFlows } from './flows.api.ts';
import { flowLabel, nameIn } from './flowLabels.ts';

/** The picture loads after the table, which carries the same figures. */
const FlowsChart = lazy(() => import('./FlowsChart.tsx').then((m) => ({ default: m.FlowsChart })));

/** A year of the fund, chosen by the reader (this year first): where the money came from and went, and budgets. */
export function YearFigures() {
  const [year, setYear] = useState<number | null>(null);
  const flows = useFlows(year);
  const budgets = useBudgets(year);
  const { t } = useTranslation();
  const shown = flows.data?.year ?? year;
  const years = [...new Set([...(flows.data?.years ?? []), ...(budgets.data?.years ?? [])])].sort((a, b) => b - a);
  const picker =
    shown === null ? null : (
      <NativeSelect
        label={t('fund.flows.year')}
        data={years.map(String)}
        value={String(shown)}
        onChange={(e) => setYear(Number(e.currentTarget.value))}
        w={160}
        mb="md"
      />
    );
  return (
    <>
      <section aria-labelledby="fund-flows">
        <Title order={2} id="fund-flows">
          {t('fund.flows.title')}
        </Title>
        <Text mt={4} mb="md" maw={720}>
          {t('fund.flows.text')}
        </Text>
        {picker}
        {flows.error && <ErrorAlert error={flows.error} />}
        {flows.data && <Flows flows={flows.data} />}
      </section>
      {budgets.error && <ErrorAlert error={budgets.error} />}
      {budgets.data && <BudgetsSection budgets={budgets.data} />}
    </>
  );
}

function Flows({ flows }: { flows: FundFlows }) {
  const { t, i18n } = useTranslation();
  const money = useMoney(flows.currency);
  const lang = i18n.language;
  const rows = flows.subFunds.flatMap((f) => [
    ...flows.sources
      .filter((s) => s.subFund === f.code)
      .map((s) => ({
        fund: f,
        key: `in-${s.source}`,
        what: flowLabel(t, lang, s.source, s.names, flows),
        in: s.cents,
      })),
    ...flows.uses
      .filter((u) => u.subFund === f.code)
      .map((u) => ({ fund: f, key: `out-${u.use}`, what: flowLabel(t, lang, u.use, u.names, flows), out: u.cents })),
  ]);
  if (rows.length === 0) return <Text>{t('fund.flows.none', { year: flows.year })}</Text>;
  const { lentCents, repaidCents, writtenOffCents } = flows.lending;
  return (
    <Stack gap="md">
      <div
        role="region"
        aria-label={t('fund.flows.chartBox')}
        tabIndex={0}
        data-testid="fund-flows-chart"
        style={{ overflowX: 'auto', maxWidth: '100%' }}
      >
        <Suspense fallback={null}>
          <FlowsChart flows={flows} />
        </Suspense>
      </div>
      <Text size="sm" c="dimmed" hiddenFrom="sm" mt={-8}>
        {t('fund.flows.scrollHint')}
      </Text>
      {(lentCents > 0 || repaidCents > 0 || writtenOffCents > 0) && (
        <Text maw={720}>
          {t('fund.flows.lending', {
            lent: money(lentCents),
            repaid: money(repaidCents),
            writtenOff: money(writtenOffCents),
          })}
        </Text>
      )}
      <ScrollTable label={t('fund.flows.label', { year: flows.year })} minWidth={420}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('fund.flows.subFund')}</Table.Th>
            <Table.Th scope="col">{t('fund.flows.what')}</Table.Th>
            <Table.Th scope="col" ta="right">
              {t('fund.flows.in')}
            </Table.Th>
            <Table.Th scope="col" ta="right">
              {t('fund.flows.out')}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={`${r.fund.code}-${r.key}`}>
              <Table.Th scope="row" fw={400}>
                {nameIn(r.fund.names, lang)}
              </Table.Th>
              <Table.Td>{r.what}</Table.Td>
              <Table.Td ta="right">{'in' in r ? money(r.in) : ''}</Table.Td>
              <Table.Td ta="right">{'out' in r ? money(r.out) : ''}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </ScrollTable>
    </Stack>
  );
}
