import type { Transparency } from '@coopnet/contract/fund';
import { Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { ScrollTable } from '../../components/ScrollTable.tsx';
import { useFormat } from '../../components/useFormat.ts';
import { useMoney } from '../../components/useMoney.ts';
import { GiftsList } from './GiftsList.tsx';

/** For anyone: what the fund gave (a co-op that asked is not named; the amount always is), what each co-op paid in, and the gifts. */
export function TransparencySection({ currency }: { currency: string }) {
  const { t } = useTranslation();
  const money = useMoney(currency);
  const format = useFormat();
  const data = useQuery({
    queryKey: ['fund', 'transparency'],
    queryFn: ({ signal }) => api<Transparency>('/fund/transparency', { signal }),
  });
  if (!data.data) return null;
  const { given, contributions } = data.data;
  return (
    <>
      <section aria-labelledby="fund-given">
        <Title order={2} id="fund-given">
          {t('fund.given.title')}
        </Title>
        <Text mt={4} mb="md" maw={720}>
          {t('fund.given.text')}
        </Text>
        {given.length === 0 ? (
          <Text>{t('fund.given.none')}</Text>
        ) : (
          <ScrollTable label={t('fund.given.label')} minWidth={480}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('fund.movements.date')}</Table.Th>
                <Table.Th scope="col">{t('fund.given.what')}</Table.Th>
                <Table.Th scope="col">{t('fund.given.to')}</Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('fund.movements.amount')}
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {given.map((g, i) => (
                <Table.Tr key={`${g.paidAt}-${i}`}>
                  <Table.Th scope="row" fw={400}>
                    {format.date(g.paidAt)}
                  </Table.Th>
                  <Table.Td>{t(`fund.applicationKinds.${g.kind}`)}</Table.Td>
                  <Table.Td>{g.coopName ?? t('fund.given.unnamed')}</Table.Td>
                  <Table.Td ta="right">{money(g.amountCents)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </ScrollTable>
        )}
      </section>
      <section aria-labelledby="fund-paid-in">
        <Title order={2} id="fund-paid-in">
          {t('fund.paidIn.title')}
        </Title>
        <Text mt={4} mb="md" maw={720}>
          {t('fund.paidIn.text')}
        </Text>
        {contributions.length === 0 ? (
          <Text>{t('fund.paidIn.none')}</Text>
        ) : (
          <ScrollTable label={t('fund.paidIn.label')} minWidth={300}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('fund.contributions.coop')}</Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('fund.paidIn.paid')}
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {contributions.map((c) => (
                <Table.Tr key={c.coopName}>
                  <Table.Th scope="row" fw={400}>
                    {c.coopName}
                  </Table.Th>
                  <Table.Td ta="right">{money(c.paidCents)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </ScrollTable>
        )}
      </section>
      <section aria-labelledby="fund-gifts">
        <Title order={2} id="fund-gifts">
          {t('fund.gifts.title')}
        </Title>
        <Text mt={4} mb="md" maw={720}>
          {t('fund.gifts.intro')}
        </Text>
        <GiftsList currency={currency} />
      </section>
    </>
  );
}
