import type { Round } from '@coopnet/contract/budgeting';
import { Box, Progress, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ScrollTable } from '../../components/ScrollTable.tsx';
import { useMoney } from '../../components/useMoney.ts';

/** A closed round's result: what each project was given and granted, as bars and as a table. */
export function RoundResults({ round }: { round: Round }) {
  const { t } = useTranslation();
  const money = useMoney();
  const projects = [...round.projects].sort((a, b) => (b.totalCents ?? 0) - (a.totalCents ?? 0));
  const top = Math.max(1, ...projects.map((p) => Math.max(p.totalCents ?? 0, p.minimumCents)));
  return (
    <section aria-labelledby="results-heading">
      <Stack gap="md">
        <Title order={2} id="results-heading">
          {t('budgeting.results.heading')}
        </Title>
        <Text>
          {t('budgeting.results.summary', {
            granted: money(round.grantedCents ?? 0),
            unspent: money(round.amountCents - (round.grantedCents ?? 0)),
          })}
        </Text>
        <Text size="sm">{t('budgeting.results.legend')}</Text>
        <Stack gap="sm" aria-hidden>
          {projects.map((p) => (
            <Box key={p.id}>
              <Text size="sm" fw={700} style={{ overflowWrap: 'anywhere' }}>
                {p.title}
              </Text>
              <Progress.Root size="lg">
                <Progress.Section value={(100 * (p.grantedCents ?? 0)) / top} color="green" />
                <Progress.Section value={(100 * ((p.totalCents ?? 0) - (p.grantedCents ?? 0))) / top} color="gray.5" />
              </Progress.Root>
            </Box>
          ))}
        </Stack>
        <ScrollTable label={t('budgeting.results.table')} minWidth={520}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('budgeting.results.project')}</Table.Th>
              <Table.Th scope="col">{t('budgeting.results.minimum')}</Table.Th>
              <Table.Th scope="col">{t('budgeting.results.given')}</Table.Th>
              <Table.Th scope="col">{t('budgeting.results.grantedColumn')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {projects.map((p) => (
              <Table.Tr key={p.id}>
                <Table.Th scope="row" fw={400} miw={160} style={{ overflowWrap: 'anywhere' }}>
                  {p.title}
                </Table.Th>
                <Table.Td>{money(p.minimumCents)}</Table.Td>
                <Table.Td>{money(p.totalCents ?? 0)}</Table.Td>
                <Table.Td fw={700}>
                  {p.grantedCents ? money(p.grantedCents) : t('budgeting.results.notFunded')}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </ScrollTable>
      </Stack>
    </section>
  );
}
