import { Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ScrollTable } from '../../components/ScrollTable.tsx';
import { bodyKindName, matterName, methodName, quorumText, thresholdText } from './rules.ts';
import type { Body, Bylaws } from './types.ts';
import { bodyName } from './bodyWords.ts';

/** The bylaws as a table a member can read: for each matter, who decides and how. */
export function BylawsTable({ bylaws, bodies, label }: { bylaws: Bylaws; bodies: Body[]; label: string }) {
  const { t } = useTranslation();
  const rows = Object.entries(bylaws.matters);
  return (
    <ScrollTable label={label} minWidth={900}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{t('bylaws.matter')}</Table.Th>
          <Table.Th scope="col">{t('bylaws.body')}</Table.Th>
          <Table.Th scope="col">{t('bylaws.basis')}</Table.Th>
          <Table.Th scope="col">{t('bylaws.method')}</Table.Th>
          <Table.Th scope="col">{t('bylaws.quorum')}</Table.Th>
          <Table.Th scope="col">{t('bylaws.threshold')}</Table.Th>
          <Table.Th scope="col">{t('bylaws.secret')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map(([matter, rule]) => {
          const committee = rule.committeeId ? bodies.find((b) => b.id === rule.committeeId) : undefined;
          return (
            <Table.Tr key={matter}>
              <Table.Th scope="row">{matterName(t, matter)}</Table.Th>
              <Table.Td>{committee ? bodyName(t, committee) : bodyKindName(t, rule.body)}</Table.Td>
              <Table.Td>{t(`governance.basis.${rule.basis}`)}</Table.Td>
              <Table.Td>{methodName(t, rule.method)}</Table.Td>
              <Table.Td>{quorumText(t, rule) ?? t('bylaws.none')}</Table.Td>
              <Table.Td>{thresholdText(t, rule) ?? t('bylaws.byMethod')}</Table.Td>
              <Table.Td>{rule.secret ? t('common.yes') : t('common.no')}</Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </ScrollTable>
  );
}
