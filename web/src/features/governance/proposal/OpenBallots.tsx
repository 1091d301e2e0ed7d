import type { Page } from '@coopnet/contract/common';
import { Anchor, Table, Text, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, API_BASE } from '../../../api/client.ts';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { Pager } from '../../../components/Pager.tsx';
import { ScrollTable } from '../../../components/ScrollTable.tsx';
import type { OpenBallot, Proposal } from '../types.ts';

const PAGE_SIZE = 50;
const RANKED = ['irv', 'stv_scottish', 'stv_meek', 'schulze'];

/** A ballot in words: the choice, the approvals, or the ranking by name. */
function ballotText(t: TFunction, b: unknown, options: readonly string[]): string {
  const o = (b ?? {}) as { choice?: string; reason?: string; approvals?: number[]; ranking?: number[] };
  const name = (i: number) => options[i] ?? `#${i}`;
  if (o.ranking) return o.ranking.map((i, k) => `${k + 1}. ${name(i)}`).join(' · ');
  if (o.approvals) return o.approvals.length ? o.approvals.map(name).join(', ') : t('ballots.blank');
  if (o.choice) {
    const choice = t(`ballots.choice.${o.choice}`, { defaultValue: o.choice });
    return o.reason ? `${choice} — ${o.reason}` : choice;
  }
  return '';
}

/**
 * After the close, the ballots: for an open vote, who voted what (the bylaws
 * made it public); for any ranked vote, the anonymous ballots in BLT format
 * to recount with other software.
 */
export function OpenBallots({ proposal: p }: { proposal: Proposal }) {
  const { t } = useTranslation();
  const [offset, setOffset] = useState(0);
  const open = !!p.rule && !p.rule.secret;
  const ballots = useQuery({
    queryKey: ['proposals', 'one', p.id, 'ballots', offset],
    queryFn: ({ signal }) =>
      api<Page<OpenBallot>>(`/proposals/${p.id}/ballots`, { query: { limit: PAGE_SIZE, offset }, signal }),
    enabled: open,
    placeholderData: keepPreviousData,
  });
  const ranked = !!p.rule && RANKED.includes(p.rule.method);
  if (!open && !ranked) return null;
  const label = t('ballots.table');
  return (
    <div>
      <Title order={3} fz="h4" mb="xs">
        {t('ballots.title')}
      </Title>
      {ranked && (
        <Text mb="xs">
          <Anchor href={`${API_BASE}/proposals/${p.id}/ballots.blt`} download>
            {t('ballots.blt')}
          </Anchor>
        </Text>
      )}
      {open && (
        <>
          <ErrorAlert error={ballots.error} />
          {ballots.data && (
            <>
              <ScrollTable label={label} minWidth={480}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('ballots.voter')}</Table.Th>
                    <Table.Th scope="col">{t('ballots.ballot')}</Table.Th>
                    <Table.Th scope="col">{t('ballots.weight')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {ballots.data.items.map((b, k) => (
                    <Table.Tr key={`${b.voterName}-${k}`}>
                      <Table.Th scope="row">{b.voterName}</Table.Th>
                      <Table.Td className="break-anywhere">{ballotText(t, b.ballot, p.options)}</Table.Td>
                      <Table.Td>{b.weight}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </ScrollTable>
              <Pager total={ballots.data.total} limit={PAGE_SIZE} offset={offset} onChange={setOffset} />
            </>
          )}
        </>
      )}
    </div>
  );
}
