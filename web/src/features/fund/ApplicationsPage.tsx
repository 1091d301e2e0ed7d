import { Anchor, Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAbilities } from '../../api/session.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { useFormat } from '../../components/useFormat.ts';
import { useMoney } from '../../components/useMoney.ts';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { type FundApplication, useApplications } from './fund.api.ts';

export const STATUS_COLOR: Record<FundApplication['status'], string> = {
  open: 'blue',
  approved: 'teal',
  declined: 'red',
  paid: 'gray',
  withdrawn: 'gray',
};

/**
 * Applications to the fund: a co-op's people see their co-op's; the fund
 * committee, treasurers and coordinators see all. A co-op's admin applies
 * from here.
 */
export function ApplicationsPage() {
  const { t } = useTranslation();
  usePageTitle(t('fund.applications.title'));
  const abilities = useAbilities();
  const applications = useApplications();
  const money = useMoney();
  const format = useFormat();
  return (
    <Stack gap="lg">
      <Stack gap="xs">
        <Anchor component={Link} to="/fund" size="sm">
          {t('fund.applications.back')}
        </Anchor>
        <Title order={1}>{t('fund.applications.title')}</Title>
        <Text maw={760}>{t('fund.applications.intro')}</Text>
      </Stack>
      {abilities.adminOfCoops.length > 0 && (
        <Group>
          <Button component={Link} to="/fund/apply">
            {t('fund.applications.apply')}
          </Button>
        </Group>
      )}
      {applications.isPending ? (
        <Loading />
      ) : applications.error ? (
        <ErrorAlert error={applications.error} />
      ) : applications.data.items.length === 0 ? (
        <Text>{t('fund.applications.none')}</Text>
      ) : (
        <Stack gap="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {applications.data.items.map((a) => (
            <Card component="li" withBorder key={a.id} padding="md">
              <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
                <Stack gap={2}>
                  <Anchor component={Link} to={`/fund/applications/${a.id}`} fw={600}>
                    {t(`fund.applicationKinds.${a.kind}`)} — {a.coopName}
                  </Anchor>
                  <Text size="sm" className="break-anywhere">
                    {a.purpose}
                  </Text>
                  <Text size="sm">
                    {money(a.amountCents)} · {format.date(a.createdAt)}
                  </Text>
                </Stack>
                <Group gap={4}>
                  <Badge color={STATUS_COLOR[a.status]} variant="light">
                    {t(`fund.applicationStatus.${a.status}`)}
                  </Badge>
                  {a.track.overdue && (
                    <Badge color="red.9" variant="outline">
                      {t('fund.application.overdue')}
                    </Badge>
                  )}
                </Group>
              </Group>
            </Card>
          ))}
        </Stack>
      )}
    </Stack>
  );
}
