import { Anchor, Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { useFormat } from '../../components/useFormat.ts';
import { useMoney } from '../../components/useMoney.ts';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { OpenRoundDialog } from './OpenRoundDialog.tsx';
import { useRounds } from './budgeting.api.ts';

/** The participatory budgeting rounds of the programmes sub-fund, newest first, for anyone. */
export function BudgetingPage() {
  const { t } = useTranslation();
  usePageTitle(t('budgeting.title'));
  const rounds = useRounds();
  const money = useMoney();
  const format = useFormat();
  const [opening, setOpening] = useState(false);
  if (rounds.isPending) return <Loading />;
  if (rounds.error) return <ErrorAlert error={rounds.error} />;
  return (
    <Stack gap="lg" maw={880}>
      <Title order={1}>{t('budgeting.title')}</Title>
      <Text>{t('budgeting.intro')}</Text>
      {rounds.data.canOpen && (
        <Button onClick={() => setOpening(true)} style={{ alignSelf: 'flex-start' }}>
          {t('budgeting.open.button')}
        </Button>
      )}
      {opening && <OpenRoundDialog onClose={() => setOpening(false)} />}
      {rounds.data.items.length === 0 && <Text>{t('budgeting.none')}</Text>}
      {rounds.data.items.map((r) => (
        <Card key={r.id} withBorder component="article" aria-label={r.title}>
          <Group justify="space-between" wrap="wrap" gap="xs">
            <Anchor component={Link} to={`/budgeting/${r.id}`} fw={700}>
              {r.title}
            </Anchor>
            <Badge variant="outline" color={r.phase === 'closed' ? 'gray.8' : 'teal.9'}>
              {t(`budgeting.phases.${r.phase}`)}
            </Badge>
          </Group>
          <Text size="sm">{t('budgeting.amount', { amount: money(r.amountCents) })}</Text>
          <Text size="sm">
            {t('budgeting.allocationPeriod', {
              from: format.day(r.allocationFrom),
              until: format.day(r.allocationUntil),
            })}
          </Text>
          {r.grantedCents !== null && (
            <Text size="sm">{t('budgeting.granted', { amount: money(r.grantedCents) })}</Text>
          )}
        </Card>
      ))}
    </Stack>
  );
}
