import { Anchor, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { ScrollTable } from '../../components/ScrollTable.tsx';
import { useFormat } from '../../components/useFormat.ts';
import { useMoney } from '../../components/useMoney.ts';
import type { MySavings, Redemption } from './types.ts';

interface Props {
  savings: MySavings | null;
  /** set when the figures are this device's copy: when they were fetched */
  savedAt: string | null;
  error: unknown;
  pending: boolean;
}

/** How much the member saved at other co-ops this month and year, and where. */
export function SavingsSection({ savings, savedAt, error, pending }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <section aria-labelledby="savings-title">
      <Stack gap="md">
        <Title order={2} id="savings-title">
          {t('card.savings.title')}
        </Title>
        {savedAt && <Text c="dimmed">{t('card.savings.savedAt', { date: format.dateTime(savedAt) })}</Text>}
        {pending && <Loading />}
        <ErrorAlert error={error} />
        {savings && (
          <>
            <SimpleGrid cols={2} spacing="sm">
              <Figure
                label={t('card.savings.month')}
                cents={savings.monthCents}
                count={savings.monthCount}
                currency={savings.currency}
              />
              <Figure
                label={t('card.savings.year')}
                cents={savings.yearCents}
                count={savings.yearCount}
                currency={savings.currency}
              />
            </SimpleGrid>
            <Title order={3}>{t('card.savings.recent')}</Title>
            {savings.recent.length === 0 ? (
              <Text>
                {t('card.savings.none')}{' '}
                <Anchor component={Link} to="/offers?openToMe=1">
                  {t('card.savings.seeOffers')}
                </Anchor>
              </Text>
            ) : (
              <Recent items={savings.recent} currency={savings.currency} />
            )}
          </>
        )}
      </Stack>
    </section>
  );
}

function Figure({ label, cents, count, currency }: { label: string; cents: number; count: number; currency: string }) {
  const { t } = useTranslation();
  const money = useMoney(currency);
  return (
    <Paper withBorder p={{ base: 'sm', sm: 'md' }}>
      <Text size="sm" fw={600}>
        {label}
      </Text>
      <Text className="card-amount">{money(cents)}</Text>
      <Text size="sm">{t('card.savings.redemptions', { count })}</Text>
    </Paper>
  );
}

/** A table where there is room for one; on phones a list, each redemption on two short lines. */
function Recent({ items, currency }: { items: Redemption[]; currency: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const narrow = useMediaQuery('(max-width: 47.99em)');
  const money = useMoney(currency);
  if (narrow) {
    return (
      <ul className="plain-list" aria-label={t('card.savings.recent')}>
        {items.map((r) => (
          <li key={r.id} style={{ borderBottom: '1px solid var(--mantine-color-gray-3)', padding: '8px 0' }}>
            <Text fw={600} className="break-anywhere">
              {r.offerTitle} · {r.coopName}
            </Text>
            <Text size="sm">
              {t('card.savings.line', {
                date: format.date(r.redeemedAt),
                sale: money(r.saleCents),
                discount: money(r.discountCents),
              })}
            </Text>
          </li>
        ))}
      </ul>
    );
  }
  return (
    <ScrollTable label={t('card.savings.recent')} minWidth={560}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{t('card.savings.date')}</Table.Th>
          <Table.Th scope="col">{t('card.savings.coop')}</Table.Th>
          <Table.Th scope="col">{t('card.savings.offer')}</Table.Th>
          <Table.Th scope="col" ta="end">
            {t('card.savings.sale')}
          </Table.Th>
          <Table.Th scope="col" ta="end">
            {t('card.savings.discount')}
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {items.map((r) => (
          <Table.Tr key={r.id}>
            <Table.Td>{format.date(r.redeemedAt)}</Table.Td>
            <Table.Td>{r.coopName}</Table.Td>
            <Table.Td>{r.offerTitle}</Table.Td>
            <Table.Td className="num">{money(r.saleCents)}</Table.Td>
            <Table.Td className="num">{money(r.discountCents)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </ScrollTable>
  );
}
