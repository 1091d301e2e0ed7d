import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ScrollTable } from '../../components/ScrollTable.tsx';
import type { Matrix } from './reciprocity.api.ts';
import { useMoney } from '../../components/useMoney.ts';

interface Sum {
  count: number;
  cents: number;
}

/**
 * Who gave to whom: a row per giving co-op, a column per co-op whose workers
 * received (and the supporters), with each row's and column's total.
 */
export function MatrixTable({ matrix }: { matrix: Matrix }) {
  const { t } = useTranslation();
  const money = useMoney(matrix.currency);
  const receivers: (string | null)[] = [...matrix.coops.map((c) => c.id), null];
  const cell = new Map(matrix.cells.map((c) => [`${c.giverCoopId}|${c.receiverCoopId ?? ''}`, c]));
  const received = new Map<string | null, Sum>(receivers.map((r) => [r, { count: 0, cents: 0 }]));
  for (const c of matrix.cells) {
    const sum = received.get(c.receiverCoopId)!;
    sum.count += c.count;
    sum.cents += c.cents;
  }

  const amount = (sum: Sum | undefined) =>
    sum && sum.count > 0 ? (
      <>
        <Text size="sm" span style={{ whiteSpace: 'nowrap' }}>
          {money(sum.cents)}
        </Text>
        <Text size="xs" c="dimmed" display="block">
          {t('reciprocity.matrix.count', { count: sum.count })}
        </Text>
      </>
    ) : (
      // Positioned, so the hidden word stays inside the scrolling table instead of widening the page.
      <span style={{ position: 'relative' }}>
        <span aria-hidden="true">—</span>
        <span className="visually-hidden">{t('reciprocity.matrix.none')}</span>
      </span>
    );

  return (
    <ScrollTable label={t('reciprocity.matrix.label')} minWidth={180 + 120 * (receivers.length + 1)}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{t('reciprocity.matrix.corner')}</Table.Th>
          {matrix.coops.map((c) => (
            <Table.Th key={c.id} scope="col">
              {c.name}
            </Table.Th>
          ))}
          <Table.Th scope="col">{t('reciprocity.supporters')}</Table.Th>
          <Table.Th scope="col">{t('reciprocity.matrix.totalGiven')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {matrix.coops.map((giver) => {
          const given = matrix.positions.find((p) => p.coopId === giver.id);
          return (
            <Table.Tr key={giver.id}>
              <Table.Th scope="row">{giver.name}</Table.Th>
              {receivers.map((r) => (
                <Table.Td key={r ?? 'supporters'} data-cell="amount">
                  {amount(cell.get(`${giver.id}|${r ?? ''}`))}
                </Table.Td>
              ))}
              <Table.Td>{amount(given ? { count: given.givenCount, cents: given.givenCents } : undefined)}</Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
      <Table.Tfoot>
        <Table.Tr>
          <Table.Th scope="row">{t('reciprocity.matrix.totalReceived')}</Table.Th>
          {receivers.map((r) => (
            <Table.Td key={r ?? 'supporters'}>{amount(received.get(r))}</Table.Td>
          ))}
          <Table.Td data-cell="total">{amount({ count: matrix.totalCount, cents: matrix.totalCents })}</Table.Td>
        </Table.Tr>
      </Table.Tfoot>
    </ScrollTable>
  );
}
