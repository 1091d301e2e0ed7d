import { Anchor, Badge, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { FactList } from '../../components/FactList.tsx';
import { Loading } from '../../components/Loading.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { useSectorNames } from '../network/sectors.api.ts';
import { JoinSection } from './JoinSection.tsx';
import { NeedsSection } from './NeedsSection.tsx';
import { OffersSection } from './OffersSection.tsx';
import { StageSection } from './StageSection.tsx';
import { useVenture, useVentureChange } from './ventures.api.ts';

/**
 * A venture's public page: what it will do, its stage, its needs and its
 * founding team. Members offer a skill or ask to join; its team answers
 * offers, keeps its needs, moves its stage and, once launched, applies to
 * join the network.
 */
export function VenturePage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const venture = useVenture(id);
  const change = useVentureChange(id);
  const sectors = useSectorNames();
  usePageTitle(venture.data?.name ?? t('ventures.title'));
  if (venture.isPending) return <Loading />;
  if (venture.error) return <ErrorAlert error={venture.error} />;
  const v = venture.data;
  return (
    <Stack gap="xl" maw={880}>
      <Stack gap="xs">
        <Anchor component={Link} to="/ventures" size="sm">
          {t('ventures.back')}
        </Anchor>
        <Group gap="sm" wrap="wrap">
          <Title order={1} style={{ overflowWrap: 'anywhere' }}>
            {v.name}
          </Title>
          <Badge variant="light">{t(`ventures.stages.${v.stage}`)}</Badge>
        </Group>
        <Text style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{v.description}</Text>
      </Stack>
      <FactList
        facts={[
          {
            label: t('ventures.fields.sector'),
            value: v.sector ? sectors.name(v.sector) : t('ventures.fields.noSector'),
          },
          {
            label: t('ventures.team.title'),
            value: (
              <Stack gap={2} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
                {v.team.map((m) => (
                  <li key={m.personId} style={{ overflowWrap: 'anywhere' }}>
                    {t('ventures.team.member', { name: m.name, role: m.role })}
                  </li>
                ))}
              </Stack>
            ),
          },
        ]}
      />
      {change.error && <ErrorAlert error={change.error} />}
      <StageSection venture={v} change={change} />
      <NeedsSection venture={v} change={change} />
      <OffersSection venture={v} change={change} />
      <JoinSection venture={v} />
    </Stack>
  );
}
