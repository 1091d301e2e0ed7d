import { Alert, Button, Group, NativeSelect, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import type { SurplusDeclaration } from '@coopnet/contract/fund';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { ScrollTable } from '../../components/ScrollTable.tsx';
import { useFormat } from '../../components/useFormat.ts';
import { useMoney } from '../../components/useMoney.ts';
import { useNetworkTime } from '../../components/useNetworkTime.ts';
import { signedCents } from './signedCents.ts';

/**
 * A co-op's admin declares the co-op's year to the fund: the day its accounts
 * closed and its surplus (a loss with a minus). The bylaws' share of a
 * surplus becomes what the co-op owes, with its reference code and due day;
 * the years declared are listed with what each owes.
 */
export function SurplusSection({ coopId, coopName }: { coopId: string; coopName: string }) {
  const { t } = useTranslation();
  const money = useMoney();
  const format = useFormat();
  const queryClient = useQueryClient();
  const today = useNetworkTime().toInput(new Date()).slice(0, 10);
  const thisYear = Number(today.slice(0, 4));
  const [year, setYear] = useState(String(thisYear - 1));
  const [closedOn, setClosedOn] = useState(`${thisYear - 1}-12-31`);
  const [surplus, setSurplus] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [key, setKey] = useState(() => crypto.randomUUID());
  const declared = useQuery({
    queryKey: ['fund', 'surplus', coopId],
    queryFn: ({ signal }) => api<{ items: SurplusDeclaration[] }>(`/fund/coops/${coopId}/surplus`, { signal }),
  });
  const declare = useMutation({
    mutationFn: (surplusCents: number) =>
      api<SurplusDeclaration>(`/fund/coops/${coopId}/surplus`, {
        method: 'POST',
        body: { year: Number(year), closedOn, surplusCents },
        headers: { 'Idempotency-Key': key },
      }),
    onSuccess: async () => {
      setSurplus('');
      setKey(crypto.randomUUID());
      await queryClient.invalidateQueries({ queryKey: ['fund'] });
    },
  });
  const submit = () => {
    const cents = signedCents(surplus);
    if (cents === null) return setProblem(t('fund.surplus.amountInvalid'));
    setProblem(null);
    declare.mutate(cents);
  };
  const done = declare.data;

  return (
    <section aria-labelledby="surplus">
      <Title order={2} id="surplus">
        {t('fund.surplus.title', { coop: coopName })}
      </Title>
      <Text mt={4} mb="md" maw={720}>
        {t('fund.surplus.intro')}
      </Text>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <Stack gap="sm" maw={420}>
          <NativeSelect
            label={t('fund.surplus.year')}
            value={year}
            onChange={(e) => {
              setYear(e.currentTarget.value);
              setClosedOn(`${e.currentTarget.value}-12-31`);
            }}
            data={[thisYear, thisYear - 1, thisYear - 2, thisYear - 3].map(String)}
          />
          <TextInput
            label={t('fund.surplus.closedOn')}
            type="date"
            required
            max={today}
            value={closedOn}
            onChange={(e) => setClosedOn(e.currentTarget.value)}
          />
          <TextInput
            label={t('fund.surplus.amount')}
            description={t('fund.surplus.amountHelp')}
            inputMode="decimal"
            required
            value={surplus}
            onChange={(e) => setSurplus(e.currentTarget.value)}
            error={problem}
          />
          <ErrorAlert error={declare.error} />
          <Group>
            <Button type="submit" loading={declare.isPending}>
              {t('fund.surplus.declare')}
            </Button>
          </Group>
        </Stack>
      </form>
      {done && (
        <Alert role="status" color={done.obligation ? 'blue' : 'green'} variant="light" mt="md" maw={720}>
          {done.obligation
            ? t('fund.surplus.owes', {
                amount: money(done.obligation.amountCents),
                percent: done.shareBasisPoints / 100,
                due: format.day(done.obligation.dueDate),
                reference: done.obligation.reference,
              })
            : t('fund.surplus.nothing', { year: done.year })}
        </Alert>
      )}
      {declared.data && declared.data.items.length > 0 && (
        <ScrollTable label={t('fund.surplus.label')} minWidth={560}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('fund.surplus.year')}</Table.Th>
              <Table.Th scope="col" ta="right">
                {t('fund.surplus.declared')}
              </Table.Th>
              <Table.Th scope="col" ta="right">
                {t('fund.surplus.share')}
              </Table.Th>
              <Table.Th scope="col">{t('fund.contributions.reference')}</Table.Th>
              <Table.Th scope="col">{t('fund.contributions.due')}</Table.Th>
              <Table.Th scope="col" ta="right">
                {t('fund.contributions.outstanding')}
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {declared.data.items.map((d) => (
              <Table.Tr key={d.year}>
                <Table.Th scope="row" fw={400}>
                  {d.correctedAt ? `${d.year} (${t('fund.surplus.corrected')})` : d.year}
                </Table.Th>
                <Table.Td ta="right">{money(d.surplusCents)}</Table.Td>
                <Table.Td ta="right">{money(d.obligation?.amountCents ?? 0)}</Table.Td>
                <Table.Td style={{ fontFamily: 'monospace' }}>{d.obligation?.reference ?? '—'}</Table.Td>
                <Table.Td>{d.obligation ? format.day(d.obligation.dueDate) : '—'}</Table.Td>
                <Table.Td ta="right">
                  {!d.obligation
                    ? t('fund.surplus.nothingOwed')
                    : d.obligation.outstandingCents === 0
                      ? t('fund.contributions.paid')
                      : money(d.obligation.outstandingCents)}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </ScrollTable>
      )}
    </section>
  );
}
