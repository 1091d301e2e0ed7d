import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ScrollTable } from '../../components/ScrollTable.tsx';
import { useFormat } from '../../components/useFormat.ts';
import { useMoney } from '../../components/useMoney.ts';
import { useFund } from './fund.api.ts';
import { type Gift, useGifts } from './gifts.api.ts';

/** A sub-fund's name in the reader's language. */
export const subFundName = (names: { en: string; es: string } | undefined, code: string, lang: string) =>
  names ? (lang.startsWith('es') ? names.es : names.en) : code;

/**
 * The gifts of the last twelve months: a co-op by its name, a person or an
 * organisation only when they agreed to be named, "a supporter" otherwise;
 * treasurers also read every name and their notes.
 */
export function GiftsList({ currency }: { currency?: string }) {
  const { t, i18n } = useTranslation();
  const money = useMoney(currency);
  const format = useFormat();
  const gifts = useGifts();
  const fund = useFund();
  const names = new Map(fund.data?.subFunds.map((f) => [f.code, f.names]) ?? []);
  if (!gifts.data) return null;
  if (gifts.data.items.length === 0) return <Text>{t('fund.gifts.none')}</Text>;
  const notes = gifts.data.items.some((g) => g.note !== null);
  return (
    <>
      <Text mb="xs">{t('fund.gifts.total', { amount: money(gifts.data.totalCents) })}</Text>
      <ScrollTable label={t('fund.gifts.label')} minWidth={notes ? 560 : 320}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('fund.movements.date')}</Table.Th>
            <Table.Th scope="col">{t('fund.gifts.from')}</Table.Th>
            <Table.Th scope="col">{t('fund.gifts.into')}</Table.Th>
            <Table.Th scope="col" ta="right">
              {t('fund.movements.amount')}
            </Table.Th>
            {notes && <Table.Th scope="col">{t('fund.gifts.note')}</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {gifts.data.items.map((g) => (
            <Table.Tr key={g.id}>
              <Table.Td>{format.day(g.date)}</Table.Td>
              <Table.Th scope="row" fw={400}>
                {giverText(t, g)}
              </Table.Th>
              <Table.Td>{subFundName(names.get(g.subFund), g.subFund, i18n.language)}</Table.Td>
              <Table.Td ta="right">{money(g.cents)}</Table.Td>
              {notes && <Table.Td>{g.note}</Table.Td>}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </ScrollTable>
    </>
  );
}

const giverText = (t: (key: string) => string, g: Gift) =>
  g.giver ?? (g.giverKind === 'anonymous' ? t('fund.gifts.anonymous') : t('fund.gifts.supporter'));
