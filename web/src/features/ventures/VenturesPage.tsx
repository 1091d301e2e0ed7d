import { Anchor, Button, Card, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSession } from '../../api/session.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { STAGES, useVentures } from './ventures.api.ts';

/** Ventures — co-ops being made — for anyone, by stage; a signed-in member proposes one. */
export function VenturesPage() {
  const { t } = useTranslation();
  usePageTitle(t('ventures.title'));
  const list = useVentures();
  const session = useSession();
  if (list.isPending) return <Loading />;
  if (list.error) return <ErrorAlert error={list.error} />;
  const items = list.data.items;
  return (
    <Stack gap="lg" maw={880}>
      <Title order={1}>{t('ventures.title')}</Title>
      <Text>{t('ventures.intro')}</Text>
      {session.data?.person && (
        <Button component={Link} to="/ventures/new" style={{ alignSelf: 'flex-start' }}>
          {t('ventures.propose.link')}
        </Button>
      )}
      {items.length === 0 && <Text>{t('ventures.none')}</Text>}
      {STAGES.map((stage) => {
        const here = items.filter((v) => v.stage === stage);
        if (here.length === 0) return null;
        return (
          <section key={stage} aria-labelledby={`stage-${stage}`}>
            <Title order={2} id={`stage-${stage}`} mb="xs">
              {t(`ventures.stages.${stage}`)}
            </Title>
            <Text size="sm" mb="sm">
              {t(`ventures.stageHelp.${stage}`)}
            </Text>
            <Stack gap="sm">
              {here.map((v) => (
                <Card key={v.id} withBorder component="article" aria-label={v.name}>
                  <Anchor component={Link} to={`/ventures/${v.id}`} fw={700} style={{ overflowWrap: 'anywhere' }}>
                    {v.name}
                  </Anchor>
                  <Text size="sm" lineClamp={3} style={{ overflowWrap: 'anywhere' }}>
                    {v.description}
                  </Text>
                  {v.openNeeds > 0 && (
                    <Text size="sm" fw={700} mt="xs">
                      {t('ventures.openNeeds', { count: v.openNeeds })}
                    </Text>
                  )}
                </Card>
              ))}
            </Stack>
          </section>
        );
      })}
    </Stack>
  );
}
