import { Anchor, Group, NativeSelect, Stack, Text, Title } from '@mantine/core';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { Loading } from '../../components/Loading.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { MatrixTable } from './MatrixTable.tsx';
import { monthName } from './money.ts';
import { ObligationsTable } from './ObligationsTable.tsx';
import { PolicySection } from './PolicySection.tsx';
import { PositionsTable } from './PositionsTable.tsx';
import { csvUrl, type Matrix, useMatrix, useMonths, useObligations, usePolicy } from './reciprocity.api.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { SettleForm } from './SettleForm.tsx';
import { useMoney } from '../../components/useMoney.ts';

/** The chart and its library load after the tables, which carry the same figures. */
const NetChart = lazy(() => import('./NetChart.tsx').then((m) => ({ default: m.NetChart })));

/**
 * The reciprocity accounts of a month: who gave how much to whose workers,
 * each co-op's net position, the settlement policy, and what the solidarity
 * fund owes for the month. The month is in the URL (`?month=YYYY-MM`).
 */
export function ReciprocityPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('reciprocity.title'));
  const [params, setParams] = useSearchParams();
  const months = useMonths();
  const list = months.data?.items ?? [];
  const current = list.at(-1)?.month;
  // A month in the URL that is not one (typed by hand) is ignored: the page shows this month.
  const asked = params.get('month');
  const month = asked && /^\d{4}-(0[1-9]|1[0-2])$/.test(asked) ? asked : current;
  const matrix = useMatrix(month);
  const policy = usePolicy();
  const obligations = useObligations(month);

  const heading = (
    <>
      <Title order={1}>{t('reciprocity.title')}</Title>
      <Text maw={760}>{t('reciprocity.intro')}</Text>
    </>
  );
  if (months.isPending) return <Loading />;
  if (months.error || !month) {
    return (
      <Stack gap="lg">
        {heading}
        <ErrorAlert error={months.error} />
      </Stack>
    );
  }

  // Newest first; a month reached by its URL but older than a year is offered too.
  const choices = [...list].reverse().map((m) => m.month);
  if (!choices.includes(month)) choices.push(month);
  const showMonth = (m: string) => setParams(m === current ? {} : { month: m });

  return (
    <Stack gap="xl">
      <Stack gap="sm">
        {heading}
        <Group align="end" gap="lg" wrap="wrap">
          <NativeSelect
            label={t('reciprocity.month')}
            value={month}
            onChange={(e) => showMonth(e.currentTarget.value)}
            data={choices.map((m) => ({ value: m, label: monthName(m, i18n.language) }))}
          />
          <Anchor href={csvUrl(month)} download>
            {t('reciprocity.csv')}
          </Anchor>
        </Group>
      </Stack>

      {matrix.isPending && <Loading />}
      <ErrorAlert error={matrix.error} />
      {matrix.data && <Accounts matrix={matrix.data} />}

      <section aria-labelledby="policy-title">
        <Title order={2} id="policy-title" mb="sm">
          {t('reciprocity.policy.title')}
        </Title>
        <ErrorAlert error={policy.error} />
        {policy.data && matrix.data && <PolicySection policy={policy.data} currency={matrix.data.currency} />}
      </section>

      <section aria-labelledby="settlements-title">
        <Title order={2} id="settlements-title" mb="sm">
          {t('reciprocity.obligations.title', { month: monthName(month, i18n.language) })}
        </Title>
        <Stack gap="lg">
          <ErrorAlert error={obligations.error} />
          {obligations.data && matrix.data && (
            <ObligationsTable month={month} items={obligations.data.items} currency={matrix.data.currency} canPay={!!policy.data?.abilities.pay} />
          )}
          {policy.data?.abilities.settle && current && (
            <SettleForm closedMonths={choices.filter((m) => m < current)} onSettled={showMonth} />
          )}
        </Stack>
      </section>
    </Stack>
  );
}

function Accounts({ matrix }: { matrix: Matrix }) {
  const { t, i18n } = useTranslation();
  const money = useMoney(matrix.currency);
  const name = monthName(matrix.month, i18n.language);
  return (
    <>
      <Text role="status">
        {t('reciprocity.summary', { count: matrix.totalCount, month: name, amount: money(matrix.totalCents) })}
      </Text>
      <section aria-labelledby="matrix-title">
        <Title order={2} id="matrix-title" mb="xs">
          {t('reciprocity.matrix.title')}
        </Title>
        <Text size="sm" mb="sm" maw={760}>
          {t('reciprocity.matrix.text')}
        </Text>
        <MatrixTable matrix={matrix} />
      </section>
      <section aria-labelledby="positions-title">
        <Title order={2} id="positions-title" mb="xs">
          {t('reciprocity.positions.title')}
        </Title>
        <Text size="sm" mb="sm" maw={760}>
          {t('reciprocity.positions.text')}
        </Text>
        <Stack gap="lg">
          <PositionsTable matrix={matrix} />
          <Suspense fallback={null}>
            <NetChart matrix={matrix} />
          </Suspense>
        </Stack>
      </section>
    </>
  );
}
