import { Anchor, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { useMoney } from '../../components/useMoney.ts';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { changePledge, usePledge } from './campaigns.api.ts';

/** A pledge, reached by the private link in its mail: its reference and state; pause, resume or cancel it, no account needed. */
export function PledgePage() {
  const { token = '' } = useParams();
  const { t } = useTranslation();
  usePageTitle(t('campaigns.yourPledge'));
  const money = useMoney();
  const queryClient = useQueryClient();
  const pledge = usePledge(token);
  const change = useMutation({
    mutationFn: (action: 'pause' | 'resume' | 'cancel') => changePledge(token, action),
    onSuccess: (p) => queryClient.setQueryData(['pledges', token], p),
  });
  if (pledge.isPending) return <Loading />;
  if (pledge.error) return <ErrorAlert error={pledge.error} />;
  const p = pledge.data;
  return (
    <Stack gap="md" maw={640}>
      <Title order={1}>{t('campaigns.yourPledge')}</Title>
      <Anchor component={Link} to={`/campaigns/${p.campaignSlug}`}>
        {p.campaignTitle}
      </Anchor>
      <Text>
        {money(p.cents)} {p.frequency === 'monthly' ? t('campaigns.perMonth') : ''} · {t('campaigns.reference')}{' '}
        <strong>{p.reference}</strong>
      </Text>
      <Text data-testid="pledge-status">{t(`campaigns.status.${p.status}`)}</Text>
      {change.error && <ErrorAlert error={change.error} />}
      <Group>
        {p.status === 'active' && (
          <Button variant="light" onClick={() => change.mutate('pause')}>
            {t('campaigns.pause')}
          </Button>
        )}
        {p.status === 'paused' && (
          <Button variant="light" onClick={() => change.mutate('resume')}>
            {t('campaigns.resume')}
          </Button>
        )}
        {['pending', 'active', 'paused'].includes(p.status) && (
          <Button color="red" onClick={() => change.mutate('cancel')} loading={change.isPending}>
            {t('campaigns.cancel')}
          </Button>
        )}
      </Group>
    </Stack>
  );
}
