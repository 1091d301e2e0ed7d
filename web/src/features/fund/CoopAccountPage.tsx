import type { CoopAccount } from '@coopnet/contract/fund';
import { Anchor, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api } from '../../api/client.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { ScrollTable } from '../../components/ScrollTable.tsx';
import { useFormat } from '../../components/useFormat.ts';
import { useMoney } from '../../components/useMoney.ts';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { Figure } from '../showcase/Figure.tsx';

/**
 * A co-op's account with the fund, for its people and those who keep the
 * fund: every movement naming the co-op — dues owed and paid, loans paid out
 * and repaid, forgiven, grants, what the fund owes it for a settled month —
 * with what the co-op owes the fund after each, newest first.
 */
export function CoopAccountPage() {
  const { coopId = '' } = useParams();
  const { t } = useTranslation();
  usePageTitle(t('fund.account.title'));
  const account = useQuery({
    queryKey: ['fund', 'coops', coopId, 'account'],
    queryFn: ({ signal }) => api<CoopAccount>(`/fund/coops/${coopId}/account`, { signal }),
  });
  const money = useMoney(account.data?.currency);
  const format = useFormat();
  if (account.isPending) return <Loading />;
  if (account.error) return <ErrorAlert error={account.error} />;
  const a = account.data;
  const signed = (cents: number) => (cents > 0 ? `+${money(cents)}` : money(cents));
  return (
    <Stack gap="xl" maw={880}>
      <Stack gap="xs">
        <Anchor component={Link} to="/fund/contributions" size="sm">
          {t('fund.account.back')}
        </Anchor>
        <Title order={1}>{t('fund.account.heading', { coop: a.coopName })}</Title>
        <Text>{t('fund.account.intro')}</Text>
      </Stack>
      <SimpleGrid cols={{ base: 1, xs: 2 }}>
        <Figure
          value={money(Math.abs(a.balanceCents))}
          label={a.balanceCents < 0 ? t('fund.account.fundOwes') : t('fund.account.coopOwes')}
        />
        <Figure value={money(a.givenCents)} label={t('fund.account.given')} />
      </SimpleGrid>
      <section aria-labelledby="account-movements">
        <Title order={2} id="account-movements" mb="sm">
          {t('fund.account.movements')}
        </Title>
        {a.rows.length === 0 ? (
          <Text>{t('fund.account.none')}</Text>
        ) : (
          <ScrollTable label={t('fund.account.label', { coop: a.coopName })} minWidth={480}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('fund.account.what')}</Table.Th>
                <Table.Th scope="col">{t('fund.account.owed')}</Table.Th>
                <Table.Th scope="col">{t('fund.account.balance')}</Table.Th>
                <Table.Th scope="col">{t('fund.account.givenColumn')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {[...a.rows].reverse().map((r) => (
                <Table.Tr key={r.movementId}>
                  <Table.Th scope="row" fw={400} miw={180}>
                    <Text size="sm" fw={700}>
                      {t(`fund.kinds.${r.kind}`)} · {format.day(r.date)}
                    </Text>
                    <Text size="sm">{r.reason}</Text>
                  </Table.Th>
                  <Table.Td>{r.owedCents === 0 ? '—' : signed(r.owedCents)}</Table.Td>
                  <Table.Td fw={700}>{money(r.balanceCents)}</Table.Td>
                  <Table.Td>{r.givenCents === 0 ? '—' : money(r.givenCents)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </ScrollTable>
        )}
        {a.truncated && <Text mt="sm">{t('fund.account.truncated')}</Text>}
      </section>
    </Stack>
  );
}
