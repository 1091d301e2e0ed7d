import type { LoanStatement } from '@coopnet/contract/fund';
import { Anchor, Group, List, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ScrollTable } from '../../components/ScrollTable.tsx';
import { useFormat } from '../../components/useFormat.ts';
import { useMoney } from '../../components/useMoney.ts';
import { useNetworkTime } from '../../components/useNetworkTime.ts';

/** A month (YYYY-MM) in words, in the reader's language. */
export function useMonthName() {
  const { i18n } = useTranslation();
  return (month: string) =>
    new Date(`${month}-01T00:00:00Z`).toLocaleDateString(i18n.language, {
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    });
}

const STATUS_COLOR = { declared: 'green.9', not_declared: 'orange.9', awaiting: 'gray.8', frozen: 'blue.9' } as const;

/** A revenue-share loan's months: the revenue declared, the share due and when; a month not declared said as such. */
export function RevenueMonths({ loan }: { loan: LoanStatement }) {
  const { t } = useTranslation();
  const money = useMoney();
  const format = useFormat();
  const monthName = useMonthName();
  const corrections = loan.declarations.filter((d) => !d.standing);
  return (
    <section aria-labelledby="loan-revenue">
      <Title order={2} id="loan-revenue">
        {t('fund.loan.revenue.heading')}
      </Title>
      <Text mt="xs" size="sm">
        {t('fund.loan.revenue.help', { share: ((loan.shareBasisPoints ?? 0) / 100).toString() })}
      </Text>
      {loan.revenueMonths.length === 0 ? (
        <Text mt="sm">{t('fund.loan.revenue.none')}</Text>
      ) : (
        <ScrollTable label={t('fund.loan.revenue.label')} minWidth={320}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('fund.loan.revenue.month')}</Table.Th>
              <Table.Th scope="col" ta="right">
                {t('fund.loan.revenue.revenue')}
              </Table.Th>
              <Table.Th scope="col" ta="right">
                {t('fund.loan.revenue.due')}
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {loan.revenueMonths.map((m) => (
              <Table.Tr key={m.month}>
                <Table.Th scope="row" fw={400}>
                  {monthName(m.month)}
                  <Text size="xs" c={STATUS_COLOR[m.status]} fw={700}>
                    {t(`fund.loan.revenue.status.${m.status}`, { day: format.day(m.dueOn) })}
                  </Text>
                </Table.Th>
                <Table.Td ta="right">{m.revenueCents === null ? '—' : money(m.revenueCents)}</Table.Td>
                <Table.Td ta="right">{m.status === 'declared' ? money(m.dueCents) : '—'}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </ScrollTable>
      )}
      {corrections.length > 0 && (
        <Stack gap={4} mt="sm">
          <Text size="sm" fw={700}>
            {t('fund.loan.revenue.corrected')}
          </Text>
          <List size="sm">
            {corrections.map((d) => (
              <List.Item key={`${d.month}-${d.declaredAt}`}>
                {t('fund.loan.revenue.earlier', {
                  month: monthName(d.month),
                  amount: money(d.revenueCents),
                  who: d.declaredBy ?? t('fund.loan.history.someone'),
                  when: format.day(d.declaredAt.slice(0, 10)),
                })}
              </List.Item>
            ))}
          </List>
        </Stack>
      )}
    </section>
  );
}

/** What was decided about the loan that moves no money: freezes, their ends, reschedules, the month it became viable. */
export function LoanChanges({ loan }: { loan: LoanStatement }) {
  const { t } = useTranslation();
  const format = useFormat();
  const monthName = useMonthName();
  if (loan.changes.length === 0) return null;
  return (
    <section aria-labelledby="loan-changes">
      <Title order={2} id="loan-changes">
        {t('fund.loan.history.heading')}
      </Title>
      <List mt="sm" spacing="sm">
        {loan.changes.map((c) => (
          <List.Item key={`${c.kind}-${c.recordedAt}`}>
            <Stack gap={2}>
              <Text fw={700}>
                {c.kind === 'viable'
                  ? t('fund.loan.history.viable', { month: monthName(c.on.slice(0, 7)) })
                  : t(`fund.loan.history.${c.kind}`, {
                      day: format.day(c.on),
                      term: c.termMonths ?? 0,
                      grace: c.graceMonths ?? 0,
                    })}
              </Text>
              {c.reason && <Text size="sm">{c.reason}</Text>}
              <Group gap="xs">
                <Text size="xs" c="dimmed">
                  {t('fund.loan.history.recorded', {
                    who: c.recordedBy ?? t('fund.loan.history.someone'),
                    when: format.day(c.recordedAt.slice(0, 10)),
                  })}
                </Text>
                {c.decision && (
                  <Anchor component={Link} to={`/proposals/${c.decision.id}`} size="xs">
                    {t('fund.loan.history.decision')}
                  </Anchor>
                )}
              </Group>
            </Stack>
          </List.Item>
        ))}
      </List>
    </section>
  );
}

/** The loan is frozen today: say since when, and until when if its end is recorded. */
export function FrozenNotice({ loan }: { loan: LoanStatement }) {
  const { t } = useTranslation();
  const format = useFormat();
  const today = useNetworkTime().toInput(new Date()).slice(0, 10);
  const now = loan.frozen.find((p) => p.from <= today && (p.until === null || today < p.until));
  if (!now) return null;
  return (
    <Text fw={700} c="blue.9">
      {now.until === null
        ? t('fund.loan.frozenSince', { day: format.day(now.from) })
        : t('fund.loan.frozenUntil', { from: format.day(now.from), until: format.day(now.until) })}
    </Text>
  );
}
