import type { LoanStatement } from '@coopnet/contract/fund';
import { Anchor, Button, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api } from '../../api/client.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { FactList } from '../../components/FactList.tsx';
import { Loading } from '../../components/Loading.tsx';
import { ScrollTable } from '../../components/ScrollTable.tsx';
import { useFormat } from '../../components/useFormat.ts';
import { useMoney } from '../../components/useMoney.ts';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { Figure } from '../showcase/Figure.tsx';
import { type LoanChangeKind, LoanChangeDialog } from './LoanChangeDialog.tsx';
import { LoanDeclareDialog } from './LoanDeclareDialog.tsx';
import { FrozenNotice, LoanChanges, RevenueMonths, useMonthName } from './LoanHistory.tsx';
import { PaymentDialog } from './PaymentDialog.tsx';

/**
 * A loan's statement, for the co-op and those who keep the fund: its terms,
 * each instalment as the schedule stands and how much of it is covered (a
 * share of revenue month by month; frozen periods; changes decided, with
 * their reasons), every repayment split into interest and principal, what is
 * still owed, and how late it is. A treasurer freezes, ends a freeze or
 * reschedules on a passed proposal; the co-op's admin declares revenue, or
 * the month the co-op covers its costs.
 */
export function LoanPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  usePageTitle(t('fund.loan.title'));
  const loan = useQuery({
    queryKey: ['fund', 'loans', id],
    queryFn: ({ signal }) => api<LoanStatement>(`/fund/loans/${id}`, { signal }),
  });
  const money = useMoney();
  const format = useFormat();
  const [repaying, setRepaying] = useState(false);
  const [changing, setChanging] = useState<LoanChangeKind | null>(null);
  const [declaring, setDeclaring] = useState(false);
  const monthName = useMonthName();
  if (loan.isPending) return <Loading />;
  if (loan.error) return <ErrorAlert error={loan.error} />;
  const l = loan.data;
  const frozen = l.frozen.some((p) => p.until === null);
  return (
    <Stack gap="xl" maw={880}>
      <Stack gap="xs">
        <Anchor component={Link} to={`/fund/applications/${l.applicationId}`} size="sm">
          {t('fund.loan.back')}
        </Anchor>
        <Group gap="sm">
          <Title order={1}>{t('fund.loan.heading', { coop: l.coopName })}</Title>
          <Text fw={700} c={l.arrears.bucket === 'current' ? undefined : 'red.9'}>
            {t(`fund.loan.arrears.${l.arrears.bucket}`, { days: l.arrears.daysLate })}
          </Text>
          <FrozenNotice loan={l} />
        </Group>
      </Stack>
      <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }}>
        <Figure value={money(l.principalOutstandingCents)} label={t('fund.loan.outstanding')} />
        <Figure value={money(l.interestDueCents)} label={t('fund.loan.interestDue')} />
        <Figure value={money(l.principalRepaidCents + l.interestPaidCents)} label={t('fund.loan.repaid')} />
      </SimpleGrid>
      <FactList
        facts={[
          { label: t('fund.loan.reference'), value: l.reference },
          { label: t('fund.loan.principal'), value: money(l.principalCents) },
          {
            label: t('fund.loan.terms'),
            value: t('fund.loan.termsText', {
              months: l.termMonths,
              rate: (l.rateBasisPoints / 100).toLocaleString(i18n.language),
              grace: l.graceMonths,
            }),
          },
          { label: t('fund.apply.schedule'), value: t(`fund.schedules.${l.schedule}`) },
          ...(l.shareBasisPoints !== null
            ? [{ label: t('fund.apply.share'), value: `${(l.shareBasisPoints / 100).toLocaleString(i18n.language)} %` }]
            : []),
          ...(l.schedule === 'when_viable'
            ? [
                {
                  label: t('fund.loan.viableFrom'),
                  value: l.viableFrom ? monthName(l.viableFrom) : t('fund.loan.notViableYet'),
                },
              ]
            : []),
          { label: t('fund.loan.disbursedOn'), value: format.day(l.disbursedOn) },
          ...(l.writtenOffCents > 0 ? [{ label: t('fund.loan.writtenOff'), value: money(l.writtenOffCents) }] : []),
        ]}
      />
      {(l.abilities.repay || l.abilities.change || l.abilities.declare) && (
        <Group>
          {l.abilities.repay && <Button onClick={() => setRepaying(true)}>{t('fund.loan.repay')}</Button>}
          {l.abilities.declare && (
            <Button variant="light" onClick={() => setDeclaring(true)}>
              {t(l.schedule === 'revenue_share' ? 'fund.loan.declare.revenueAction' : 'fund.loan.declare.viableAction')}
            </Button>
          )}
          {l.abilities.change &&
            (['freeze', 'unfreeze', 'reschedule'] as const)
              .filter((k) => (k === 'freeze' ? !frozen : k === 'unfreeze' ? frozen : true))
              .map((k) => (
                <Button key={k} variant="default" onClick={() => setChanging(k)}>
                  {t(`fund.loan.change.${k}Action`)}
                </Button>
              ))}
        </Group>
      )}
      {l.schedule === 'revenue_share' && <RevenueMonths loan={l} />}
      <section aria-labelledby="loan-repayments">
        <Title order={2} id="loan-repayments">
          {t('fund.loan.repayments')}
        </Title>
        {l.repayments.length === 0 ? (
          <Text mt="sm">{t('fund.loan.noRepayments')}</Text>
        ) : (
          <ScrollTable label={t('fund.loan.repaymentsLabel')} minWidth={300}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('fund.loan.date')}</Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('fund.loan.interest')}
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('fund.loan.principal')}
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {l.repayments.map((r, i) => (
                <Table.Tr key={`${r.paidOn}-${i}`}>
                  <Table.Th scope="row" fw={400}>
                    {format.day(r.paidOn)}
                  </Table.Th>
                  <Table.Td ta="right">{money(r.interestCents)}</Table.Td>
                  <Table.Td ta="right">{money(r.principalCents)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </ScrollTable>
        )}
      </section>
      {l.instalments.length > 0 && (
        <section aria-labelledby="loan-instalments">
          <Title order={2} id="loan-instalments">
            {t('fund.loan.instalments')}
          </Title>
          <ScrollTable label={t('fund.loan.instalmentsLabel')} minWidth={300}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('fund.loan.due')}</Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('fund.loan.principal')}
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('fund.loan.covered')}
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {l.instalments.map((i) => (
                <Table.Tr key={`${i.due}-${i.month ?? ''}`}>
                  <Table.Th scope="row" fw={400}>
                    {format.day(i.due)}
                    {(i.frozen || i.month) && (
                      <Text size="xs" c={i.frozen ? 'blue.9' : 'dimmed'}>
                        {i.frozen ? t('fund.loan.frozenInstalment') : t('fund.loan.shareOf', { month: monthName(i.month!) })}
                      </Text>
                    )}
                  </Table.Th>
                  <Table.Td ta="right">{money(i.principalCents)}</Table.Td>
                  <Table.Td ta="right">{money(i.coveredCents)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </ScrollTable>
        </section>
      )}
      <LoanChanges loan={l} />
      {changing && <LoanChangeDialog loan={l} kind={changing} onClose={() => setChanging(null)} />}
      {declaring && <LoanDeclareDialog loan={l} onClose={() => setDeclaring(false)} />}
      {repaying && (
        <PaymentDialog
          title={t('fund.loan.repayTitle', { coop: l.coopName })}
          help={t('fund.loan.repayHelp')}
          path={`/fund/loans/${l.id}/repayments`}
          onClose={() => setRepaying(false)}
        />
      )}
    </Stack>
  );
}
