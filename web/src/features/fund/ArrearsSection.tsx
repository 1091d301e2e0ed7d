import type { ArrearsList } from '@coopnet/contract/fund';
import { Anchor, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../api/client.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { ScrollTable } from '../../components/ScrollTable.tsx';
import { useFormat } from '../../components/useFormat.ts';
import { useMoney } from '../../components/useMoney.ts';

/** Who is behind with the fund, most behind first: for treasurers and coordinators, to call and help. */
export function ArrearsSection() {
  const { t } = useTranslation();
  const money = useMoney();
  const format = useFormat();
  const arrears = useQuery({
    queryKey: ['fund', 'arrears'],
    queryFn: ({ signal }) => api<ArrearsList>('/fund/arrears', { signal }),
  });
  return (
    <section aria-labelledby="arrears">
      <Title order={2} id="arrears" mb="xs">
        {t('fund.arrears.title')}
      </Title>
      <Text mb="sm" maw={760}>
        {t('fund.arrears.text')}
      </Text>
      <ErrorAlert error={arrears.error} />
      {arrears.data &&
        (arrears.data.items.length === 0 ? (
          <Text>{t('fund.arrears.none')}</Text>
        ) : (
          <ScrollTable label={t('fund.arrears.label')} minWidth={420}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('fund.arrears.coop')}</Table.Th>
                <Table.Th scope="col">{t('fund.arrears.overdue')}</Table.Th>
                <Table.Th scope="col">{t('fund.arrears.since')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {arrears.data.items.map((a) => (
                <Table.Tr key={a.coopId}>
                  <Table.Th scope="row" fw={400}>
                    <Anchor component={Link} to={`/fund/coops/${a.coopId}`}>
                      {a.coopName}
                    </Anchor>
                  </Table.Th>
                  <Table.Td fw={700}>
                    {money(a.overdueCents)}{' '}
                    <Text span size="sm" fw={400}>
                      {t('fund.arrears.count', { count: a.obligations })}
                    </Text>
                  </Table.Td>
                  <Table.Td>{format.day(a.since)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </ScrollTable>
        ))}
    </section>
  );
}
