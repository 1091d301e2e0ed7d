import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ScrollTable } from '../../components/ScrollTable.tsx';
import type { Matrix } from './reciprocity.api.ts';
import { useMoney } from '../../components/useMoney.ts';

/** Each co-op's month: the difference first (what a narrow screen shows), then what it gave and what its workers received. */
export function PositionsTable({ matrix }: { matrix: Matrix }) {
  const { t } = useTranslation();
  const money = useMoney(matrix.currency);
  return (
    <ScrollTable label={t('reciprocity.positions.label')} minWidth={320}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{t('reciprocity.positions.coop')}</Table.Th>
          <Table.Th scope="col">{t('reciprocity.positions.net')}</Table.Th>
          <Table.Th scope="col">{t('reciprocity.positions.given')}</Table.Th>
          <Table.Th scope="col">{t('reciprocity.positions.received')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {matrix.positions.map((p) => (
          <Table.Tr key={p.coopId}>
            <Table.Th scope="row">{p.coopName}</Table.Th>
            <Table.Td fw={700} style={{ whiteSpace: 'nowrap' }}>
              {money(p.netCents, true)}
            </Table.Td>
            <Table.Td>
              {money(p.givenCents)}
              <Text size="xs" c="dimmed">
                {t('reciprocity.matrix.count', { count: p.givenCount })}
              </Text>
            </Table.Td>
            <Table.Td>
              {money(p.receivedCents)}
              <Text size="xs" c="dimmed">
                {t('reciprocity.matrix.count', { count: p.receivedCount })}
              </Text>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </ScrollTable>
  );
}
