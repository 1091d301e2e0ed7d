import { Anchor, Badge, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { buildUrl } from '../../api/client.ts';
import { Link } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { monthName } from '../../components/monthName.ts';
import { Pager } from '../../components/Pager.tsx';
import { ScrollTable } from '../../components/ScrollTable.tsx';
import { useFormat } from '../../components/useFormat.ts';
import { useMoney } from '../../components/useMoney.ts';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { Figure } from '../showcase/Figure.tsx';
import { TransparencySection } from './TransparencySection.tsx';
import { YearFigures } from './YearFigures.tsx';
import { type FundView, MOVEMENTS_PER_PAGE, type Movement, useFund, useMovements } from './fund.api.ts';

/** The chart and its library load after the table, which carries the same figures. */
const MonthsChart = lazy(() => import('./MonthsChart.tsx').then((m) => ({ default: m.MonthsChart })));

const nameIn = (names: { en: string; es: string }, lang: string) => (lang.startsWith('es') ? names.es : names.en);

/**
 * The solidarity fund, for anyone: what each sub-fund holds, the money in and
 * out of the last twelve months, every account's balance; for the network's
 * members, the movements themselves.
 */
export function FundPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('fund.title'));
  const fund = useFund();
  const money = useMoney(fund.data?.currency);
  const format = useFormat();
  const heading = (
    <>
      <Title order={1}>{t('fund.title')}</Title>
      <Text maw={760}>{t('fund.intro')}</Text>
    </>
  );
  if (fund.isPending) return <Loading />;
  if (fund.error) {
    return (
      <Stack gap="lg">
        {heading}
        <ErrorAlert error={fund.error} />
      </Stack>
    );
  }
  const view = fund.data;
  const lang = i18n.language;
  return (
    <Stack gap="xl">
      <Stack gap="xs">
        {heading}
        {view.closedThrough && (
          <Text size="sm">{t('fund.closedThrough', { day: format.day(view.closedThrough) })}</Text>
        )}
        {view.abilities.movements && (
          <Group gap="lg">
            <Anchor component={Link} to="/fund/applications" fw={500}>
              {t('fund.applicationsLink')}
            </Anchor>
            <Anchor component={Link} to="/fund/contributions" fw={500}>
              {t('fund.contributionsLink')}
            </Anchor>
          </Group>
        )}
      </Stack>

      <section aria-labelledby="fund-sub-funds">
        <Title order={2} id="fund-sub-funds">
          {t('fund.subFunds.title')}
        </Title>
        <Text mt={4} mb="md" maw={720}>
          {t('fund.subFunds.text')}
        </Text>
        <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="md">
          <div data-testid="fund-total">
            <Figure value={money(view.totalCents)} label={t('fund.subFunds.total')} />
          </div>
          {view.subFunds.map((f) => (
            <div key={f.code} data-testid={`sub-fund-${f.code}`}>
              <Figure
                value={money(f.balanceCents)}
                label={nameIn(f.names, lang)}
                note={f.minimumCents > 0 ? t('fund.subFunds.minimum', { amount: money(f.minimumCents) }) : undefined}
              />
            </div>
          ))}
        </SimpleGrid>
      </section>

      <MonthsSection view={view} />
      <YearFigures />
      <TransparencySection currency={view.currency} />
      <AccountsSection view={view} />
      {view.abilities.movements && <MovementsSection currency={view.currency} />}
    </Stack>
  );
}

function MonthsSection({ view }: { view: FundView }) {
  const { t, i18n } = useTranslation();
  const money = useMoney(view.currency);
  return (
    <section aria-labelledby="fund-months">
      <Title order={2} id="fund-months">
        {t('fund.months.title')}
      </Title>
      <Text mt={4} mb="md" maw={720}>
        {t('fund.months.text')}
      </Text>
      <Stack gap="md">
        <Suspense fallback={null}>
          <MonthsChart view={view} />
        </Suspense>
        <ScrollTable label={t('fund.months.label')} minWidth={300}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('fund.months.month')}</Table.Th>
              <Table.Th scope="col" ta="right">
                {t('fund.months.in')}
              </Table.Th>
              <Table.Th scope="col" ta="right">
                {t('fund.months.out')}
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {[...view.months].reverse().map((m) => (
              <Table.Tr key={m.month}>
                <Table.Th scope="row" fw={400}>
                  {monthName(m.month, i18n.language)}
                </Table.Th>
                <Table.Td ta="right">{money(m.inCents)}</Table.Td>
                <Table.Td ta="right">{money(m.outCents)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </ScrollTable>
      </Stack>
    </section>
  );
}

function AccountsSection({ view }: { view: FundView }) {
  const { t, i18n } = useTranslation();
  const money = useMoney(view.currency);
  const subFunds = new Map(view.subFunds.map((f) => [f.code, nameIn(f.names, i18n.language)]));
  return (
    <section aria-labelledby="fund-accounts">
      <Title order={2} id="fund-accounts">
        {t('fund.accounts.title')}
      </Title>
      <Text mt={4} mb="md" maw={720}>
        {t('fund.accounts.text')}
      </Text>
      {view.accounts.length === 0 ? (
        <Text>{t('fund.accounts.none')}</Text>
      ) : (
        <ScrollTable label={t('fund.accounts.label')} minWidth={420}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('fund.accounts.account')}</Table.Th>
              <Table.Th scope="col">{t('fund.accounts.subFund')}</Table.Th>
              <Table.Th scope="col" ta="right">
                {t('fund.accounts.balance')}
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {view.accounts.map((a) => (
              <Table.Tr key={`${a.code}:${a.subFund ?? ''}`}>
                <Table.Th scope="row" fw={400}>
                  {nameIn(a.names, i18n.language)}
                  <Text size="xs" c="dimmed" component="span" display="block">
                    {t(`fund.types.${a.type}`)}
                  </Text>
                </Table.Th>
                <Table.Td>{a.subFund ? (subFunds.get(a.subFund) ?? a.subFund) : '—'}</Table.Td>
                <Table.Td ta="right">{money(a.balanceCents)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </ScrollTable>
      )}
    </section>
  );
}

/** What a movement moved: the sum of its debits (equal to its credits). */
const amountOf = (m: Movement) => m.lines.reduce((sum, l) => sum + (l.cents > 0 ? l.cents : 0), 0);

function MovementsSection({ currency }: { currency: string }) {
  const { t } = useTranslation();
  const money = useMoney(currency);
  const format = useFormat();
  const [offset, setOffset] = useState(0);
  const movements = useMovements(offset, true);
  return (
    <section aria-labelledby="fund-movements">
      <Title order={2} id="fund-movements">
        {t('fund.movements.title')}
      </Title>
      <Text mt={4} mb="md" maw={720}>
        {t('fund.movements.text')}
      </Text>
      {movements.isPending ? (
        <Loading />
      ) : movements.error ? (
        <ErrorAlert error={movements.error} />
      ) : movements.data.total === 0 ? (
        <Text>{t('fund.movements.none')}</Text>
      ) : (
        <>
          <ScrollTable label={t('fund.movements.label')} minWidth={640}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('fund.movements.date')}</Table.Th>
                <Table.Th scope="col">{t('fund.movements.what')}</Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('fund.movements.amount')}
                </Table.Th>
                <Table.Th scope="col">{t('fund.movements.postedBy')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {movements.data.items.map((m) => (
                <Table.Tr key={m.id}>
                  <Table.Th scope="row" fw={400}>
                    {format.day(m.date)}
                  </Table.Th>
                  <Table.Td>
                    <Text fw={500}>{t(`fund.kinds.${m.kind}`)}</Text>
                    <Text size="sm" className="break-anywhere">
                      {m.reason}
                    </Text>
                    {m.lines.some((l) => l.coopName) && (
                      <Text size="sm">{[...new Set(m.lines.map((l) => l.coopName).filter(Boolean))].join(', ')}</Text>
                    )}
                    {m.reversedBy && (
                      <Badge variant="light" color="gray" mt={4}>
                        {t('fund.movements.reversed')}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td ta="right">{money(amountOf(m))}</Table.Td>
                  <Table.Td>{m.postedBy ?? t('fund.movements.system')}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </ScrollTable>
          <Pager total={movements.data.total} limit={MOVEMENTS_PER_PAGE} offset={offset} onChange={setOffset} />
          <Anchor href={buildUrl('/fund/movements.csv')} download mt="sm" display="inline-block">
            {t('fund.movements.csv')}
          </Anchor>
        </>
      )}
    </section>
  );
}
