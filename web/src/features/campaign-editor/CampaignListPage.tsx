import { Anchor, Button, Card, Group, Image, Progress, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAbilities } from '../../api/session.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { useFormat } from '../../components/useFormat.ts';
import { useMoney } from '../../components/useMoney.ts';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { useOpenCampaigns } from './campaign-editor.api.ts';

/** `/campaigns`: the open campaigns anyone may back, each with its progress from the fund's ledger. */
export function CampaignListPage() {
  const { t } = useTranslation();
  usePageTitle(t('campaignEditor.listTitle'));
  const abilities = useAbilities();
  const money = useMoney();
  const format = useFormat();
  const list = useOpenCampaigns();
  return (
    <Stack gap="lg">
      <Stack gap="xs">
        <Title order={1}>{t('campaignEditor.listTitle')}</Title>
        <Text maw={720}>{t('campaignEditor.listIntro')}</Text>
        {abilities.manageNetwork && (
          <Button component={Link} to="/campaigns/new" variant="light" style={{ alignSelf: 'flex-start' }}>
            {t('campaignEditor.newTitle')}
          </Button>
        )}
      </Stack>
      {list.isPending ? (
        <Loading />
      ) : list.error ? (
        <ErrorAlert error={list.error} />
      ) : list.data.items.length === 0 ? (
        <Text>{t('campaignEditor.none')}</Text>
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
          {list.data.items.map((c) => {
            const percent =
              c.raisedCents > 0 ? Math.min(100, Math.max(1, Math.round((c.raisedCents / c.goalCents) * 100))) : 0;
            return (
              <Card key={c.slug} withBorder padding="md" component="article" data-testid="campaign-card">
                {c.coverUrl && (
                  <Card.Section mb="sm">
                    <Image src={c.coverUrl} alt="" h={160} w="100%" fit="cover" />
                  </Card.Section>
                )}
                <Stack gap="xs">
                  <Title order={2} size="h3">
                    <Anchor component={Link} to={`/campaigns/${c.slug}`} inherit>
                      {c.title}
                    </Anchor>
                  </Title>
                  <Text>{c.summary}</Text>
                  <Progress
                    value={percent}
                    aria-label={t('campaignEditor.progressLabel', { percent, title: c.title })}
                  />
                  <Group justify="space-between" gap="xs">
                    <Text size="sm">
                      {t('campaignEditor.raised', { raised: money(c.raisedCents), goal: money(c.goalCents) })}
                    </Text>
                    <Text size="sm">{t('campaignEditor.until', { deadline: format.day(c.deadline) })}</Text>
                  </Group>
                </Stack>
              </Card>
            );
          })}
        </SimpleGrid>
      )}
    </Stack>
  );
}
