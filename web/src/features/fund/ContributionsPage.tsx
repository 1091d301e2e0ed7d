import { Anchor, Badge, Button, Group, NativeSelect, Progress, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../api/client.ts';
import { useSession } from '../../api/session.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { monthName } from '../../components/monthName.ts';
import { ScrollTable } from '../../components/ScrollTable.tsx';
import { useFormat } from '../../components/useFormat.ts';
import { useMoney } from '../../components/useMoney.ts';
import { useNetworkTime } from '../../components/useNetworkTime.ts';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { type Obligation, useObligations } from './contributions.api.ts';
import { lastMonths } from '@coopnet/domain/dates';
import { GiftDialog } from './GiftDialog.tsx';
import { ArrearsSection } from './ArrearsSection.tsx';
import { GiftsList } from './GiftsList.tsx';
import { PaymentDialog } from './PaymentDialog.tsx';
import { SurplusCorrectionDialog } from './SurplusCorrectionDialog.tsx';
import { SurplusSection } from './SurplusSection.tsx';
import { StatementImport } from './StatementImport.tsx';

/**
 * Contributions: each month's dues of every member co-op, what each paid and
 * what is overdue. A treasurer generates a month's dues, books a payment by
 * hand and imports bank statements; a co-op's people see their own dues.
 */
export function ContributionsPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('fund.contributions.title'));
  const { data: session } = useSession();
  const treasurer = !!session?.person?.roles.some((r) => r.role === 'treasurer');
  const coordinator = !!session?.person?.roles.some((r) => r.role === 'coordinator');
  // The network's months, in its time zone: this one first.
  const months = lastMonths(useNetworkTime().toInput(new Date()).slice(0, 7), 12).reverse();
  const [period, setPeriod] = useState(months[0]!);
  const obligations = useObligations(period);
  const queryClient = useQueryClient();
  const money = useMoney();
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  // A batch of 50 co-ops at a time, until every co-op has been gone through; the bar shows how far.
  const generate = useMutation({
    mutationFn: async () => {
      let after: string | null = null;
      let created = 0;
      let totalCents = 0;
      let total = 0;
      setProgress({ done: 0, total: 0 });
      do {
        const batch: DuesBatch = await api<DuesBatch>('/fund/obligations/batches', {
          method: 'POST',
          body: after ? { period, after } : { period },
        });
        setProgress({ done: batch.done, total: batch.total });
        created += batch.created;
        totalCents += batch.totalCents;
        total = batch.total;
        after = batch.next;
      } while (after);
      return { created, skipped: total - created, totalCents };
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['fund'] }),
  });
  const [giving, setGiving] = useState(false);
  const adminOf = (session?.person?.roles ?? []).filter((r) => r.role === 'coop_admin' && r.coopId).map((r) => r.coopId!);
  const surplusShares = useObligations(undefined, 'surplus_share');

  return (
    <Stack gap="xl">
      <Stack gap="xs">
        <Anchor component={Link} to="/fund" size="sm">
          {t('fund.applications.back')}
        </Anchor>
        <Title order={1}>{t('fund.contributions.title')}</Title>
        <Text maw={760}>{t('fund.contributions.intro')}</Text>
        {session?.person?.coopId && (
          <Anchor component={Link} to={`/fund/coops/${session.person.coopId}`}>
            {t('fund.account.link')}
          </Anchor>
        )}
      </Stack>
      {(treasurer || coordinator) && <ArrearsSection />}
      <section aria-labelledby="dues">
        <Title order={2} id="dues">
          {t('fund.contributions.dues')}
        </Title>
        <Group align="flex-end" mt="sm" mb="md">
          <NativeSelect
            label={t('fund.contributions.month')}
            value={period}
            onChange={(e) => {
              setPeriod(e.currentTarget.value);
              generate.reset();
              setProgress(null);
            }}
            data={months.map((m) => ({ value: m, label: monthName(m, i18n.language) }))}
          />
          {treasurer && (
            <Button onClick={() => generate.mutate()} loading={generate.isPending}>
              {t('fund.contributions.generate')}
            </Button>
          )}
        </Group>
        {progress && (
          <Stack gap={4} mb="md" maw={480}>
            <Progress.Root size="lg">
              <Progress.Section
                value={progress.total === 0 ? 0 : Math.round((progress.done / progress.total) * 100)}
                aria-label={t('fund.contributions.progressLabel')}
                aria-valuetext={t('fund.contributions.progress', { done: progress.done, total: progress.total })}
              />
            </Progress.Root>
            <Text size="sm">{t('fund.contributions.progress', { done: progress.done, total: progress.total })}</Text>
          </Stack>
        )}
        {generate.data && (
          <Text role="status" mb="md">
            {t('fund.contributions.generated', {
              count: generate.data.created,
              amount: money(generate.data.totalCents),
              skipped: generate.data.skipped,
            })}
          </Text>
        )}
        <ErrorAlert error={generate.error} />
        {obligations.isPending ? (
          <Loading />
        ) : obligations.error ? (
          <ErrorAlert error={obligations.error} />
        ) : obligations.data.items.length === 0 ? (
          <Text>{t('fund.contributions.none')}</Text>
        ) : (
          <DuesTable items={obligations.data.items} treasurer={treasurer} label={t('fund.contributions.label')} />
        )}
      </section>
      {treasurer && surplusShares.data && surplusShares.data.items.length > 0 && (
        <section aria-labelledby="surplus-shares">
          <Title order={2} id="surplus-shares" mb="md">
            {t('fund.surplus.shares')}
          </Title>
          <DuesTable items={surplusShares.data.items} treasurer={treasurer} label={t('fund.surplus.sharesLabel')} />
        </section>
      )}
      {adminOf.map((coopId) => (
        <AdminSurplus key={coopId} coopId={coopId} />
      ))}
      {treasurer && <StatementImport />}
      <section aria-labelledby="gifts">
        <Title order={2} id="gifts">
          {t('fund.gifts.title')}
        </Title>
        <Text mt={4} mb="md" maw={720}>
          {t('fund.gifts.intro')}
        </Text>
        {treasurer && (
          <Button mb="md" onClick={() => setGiving(true)}>
            {t('fund.gifts.record')}
          </Button>
        )}
        <GiftsList />
        {giving && <GiftDialog onClose={() => setGiving(false)} />}
      </section>
    </Stack>
  );
}

interface DuesBatch {
  done: number;
  total: number;
  next: string | null;
  created: number;
  totalCents: number;
}

/** The year's accounts of a co-op its reader is admin of, named. */
function AdminSurplus({ coopId }: { coopId: string }) {
  const coop = useQuery({
    queryKey: ['coops', coopId],
    queryFn: ({ signal }) => api<{ name: string }>(`/coops/${coopId}`, { signal }),
  });
  return coop.data ? <SurplusSection coopId={coopId} coopName={coop.data.name} /> : null;
}

function DuesTable({ items, treasurer, label }: { items: Obligation[]; treasurer: boolean; label: string }) {
  const { t } = useTranslation();
  const money = useMoney();
  const format = useFormat();
  const [paying, setPaying] = useState<Obligation | null>(null);
  const [correcting, setCorrecting] = useState<Obligation | null>(null);
  return (
    <>
      <ScrollTable label={label} minWidth={720}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('fund.contributions.coop')}</Table.Th>
            <Table.Th scope="col">{t('fund.contributions.reference')}</Table.Th>
            <Table.Th scope="col" ta="right">
              {t('fund.contributions.amount')}
            </Table.Th>
            <Table.Th scope="col" ta="right">
              {t('fund.contributions.outstanding')}
            </Table.Th>
            <Table.Th scope="col">{t('fund.contributions.due')}</Table.Th>
            {treasurer && <Table.Th scope="col">{t('fund.contributions.actions')}</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((o) => (
            <Table.Tr key={o.id}>
              <Table.Th scope="row" fw={400}>
                <Anchor component={Link} to={`/fund/coops/${o.coopId}`} aria-label={t('fund.account.linkFor', { coop: o.coopName })}>
                  {o.coopName}
                </Anchor>
              </Table.Th>
              <Table.Td style={{ fontFamily: 'monospace' }}>{o.reference}</Table.Td>
              <Table.Td ta="right">{money(o.amountCents)}</Table.Td>
              <Table.Td ta="right">
                {o.outstandingCents === 0 ? t('fund.contributions.paid') : money(o.outstandingCents)}
              </Table.Td>
              <Table.Td>
                {format.day(o.dueDate)}{' '}
                {o.overdue && (
                  <Badge color="red" variant="light">
                    {t('fund.contributions.overdue')}
                  </Badge>
                )}
              </Table.Td>
              {treasurer && (
                <Table.Td>
                  {o.outstandingCents > 0 && (
                    <Button
                      size="xs"
                      variant="default"
                      onClick={() => setPaying(o)}
                      aria-label={t('fund.contributions.recordFor', { coop: o.coopName })}
                    >
                      {t('fund.contributions.record')}
                    </Button>
                  )}{' '}
                  {o.kind === 'surplus_share' && (
                    <Button
                      size="xs"
                      variant="subtle"
                      onClick={() => setCorrecting(o)}
                      aria-label={t('fund.surplus.correctFor', { coop: o.coopName, year: o.period })}
                    >
                      {t('fund.surplus.correctShort')}
                    </Button>
                  )}
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </ScrollTable>
      {paying && (
        <PaymentDialog
          title={t('fund.contributions.recordTitle', { coop: paying.coopName })}
          help={t('fund.contributions.owes', { amount: money(paying.outstandingCents), reference: paying.reference })}
          path={`/fund/obligations/${paying.id}/payments`}
          onClose={() => setPaying(null)}
        />
      )}
      {correcting && (
        <SurplusCorrectionDialog
          coopId={correcting.coopId}
          coopName={correcting.coopName}
          year={Number(correcting.period)}
          onClose={() => setCorrecting(null)}
        />
      )}
    </>
  );
}
