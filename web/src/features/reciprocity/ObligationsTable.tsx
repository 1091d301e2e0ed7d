import { Button, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ScrollTable } from '../../components/ScrollTable.tsx';
import { monthName } from './money.ts';
import type { Obligation } from './reciprocity.api.ts';
import { useMoney } from '../../components/useMoney.ts';
import { PayObligationDialog } from './PayObligationDialog.tsx';

/**
 * What the solidarity fund owes each co-op for a settled month, the amount
 * first (it is what a narrow screen shows); a treasurer pays from here.
 */
export function ObligationsTable({
  month,
  items,
  currency,
  canPay,
}: {
  month: string;
  items: Obligation[];
  currency: string;
  canPay: boolean;
}) {
  const { t, i18n } = useTranslation();
  const money = useMoney(currency);
  const [paying, setPaying] = useState<Obligation | null>(null);
  const name = monthName(month, i18n.language);
  if (items.length === 0) return <Text>{t('reciprocity.obligations.none', { month: name })}</Text>;
  const total = items.reduce((s, o) => s + o.amountCents, 0);
  return (
    <>
      {paying && <PayObligationDialog obligation={paying} currency={currency} onClose={() => setPaying(null)} />}
      <ScrollTable label={t('reciprocity.obligations.label', { month: name })} minWidth={480}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('reciprocity.obligations.coop')}</Table.Th>
            <Table.Th scope="col">{t('reciprocity.obligations.amount')}</Table.Th>
            <Table.Th scope="col">{t('reciprocity.obligations.netGiven')}</Table.Th>
            <Table.Th scope="col">{t('reciprocity.obligations.threshold')}</Table.Th>
            <Table.Th scope="col">{t('reciprocity.obligations.status')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((o) => (
            <Table.Tr key={o.id}>
              <Table.Th scope="row">{o.coopName}</Table.Th>
              <Table.Td fw={700}>{money(o.amountCents)}</Table.Td>
              <Table.Td>{money(o.netGivenCents)}</Table.Td>
              <Table.Td>{money(o.thresholdCents)}</Table.Td>
              <Table.Td>
                {o.status === 'paid' && o.paidAt
                  ? t('reciprocity.obligations.paidOn', { day: new Date(o.paidAt).toLocaleDateString(i18n.language) })
                  : t(`reciprocity.obligations.statuses.${o.status}`)}
                {o.status === 'owed' && canPay && (
                  <Button
                    size="compact-sm"
                    ml="sm"
                    variant="light"
                    onClick={() => setPaying(o)}
                    aria-label={t('reciprocity.pay.open', { coop: o.coopName })}
                  >
                    {t('reciprocity.pay.button')}
                  </Button>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
        <Table.Tfoot>
          <Table.Tr>
            <Table.Th scope="row">{t('reciprocity.obligations.total')}</Table.Th>
            <Table.Td fw={700}>{money(total)}</Table.Td>
            <Table.Td />
            <Table.Td />
            <Table.Td />
          </Table.Tr>
        </Table.Tfoot>
      </ScrollTable>
    </>
  );
}
