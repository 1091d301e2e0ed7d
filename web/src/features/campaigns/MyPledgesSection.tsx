import { Anchor, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../api/client.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { useMoney } from '../../components/useMoney.ts';
import type { MyPledges, Pledge } from '@coopnet/contract/campaigns';

const mineKey = ['me', 'pledges'] as const;

/**
 * On one's account page: the pledges made with one's e-mail address, each
 * paused, resumed or cancelled here as from the link in its mail.
 */
export function MyPledgesSection({ email }: { email: string }) {
  const { t } = useTranslation();
  const money = useMoney();
  const queryClient = useQueryClient();
  const pledges = useQuery({
    queryKey: mineKey,
    queryFn: ({ signal }) => api<MyPledges>('/me/pledges', { signal }),
  });
  const change = useMutation({
    mutationFn: (v: { id: string; action: 'pause' | 'resume' | 'cancel' }) =>
      api<Pledge>(`/me/pledges/${v.id}/changes`, { method: 'POST', body: { action: v.action } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: mineKey }),
  });
  return (
    <section aria-labelledby="my-pledges">
      <Title order={2} id="my-pledges" mb="xs">
        {t('campaigns.mine.title')}
      </Title>
      <Text size="sm" mb="sm">
        {t('campaigns.mine.help', { email })}
      </Text>
      {pledges.isPending && <Loading />}
      {pledges.error && <ErrorAlert error={pledges.error} />}
      {change.error && <ErrorAlert error={change.error} />}
      {pledges.data?.items.length === 0 && <Text>{t('campaigns.mine.none')}</Text>}
      <Stack gap="sm">
        {pledges.data?.items.map((p) => (
          <Card key={p.id} withBorder data-testid="my-pledge">
            <Stack gap={4}>
              <Anchor component={Link} to={`/campaigns/${p.campaignSlug}`} fw={700}>
                {p.campaignTitle}
              </Anchor>
              <Text size="sm">
                {money(p.cents)} {p.frequency === 'monthly' ? t('campaigns.perMonth') : ''} · {t('campaigns.reference')}{' '}
                <strong>{p.reference}</strong>
              </Text>
              <Text size="sm">{t(`campaigns.status.${p.status}`)}</Text>
              <Group gap="xs" mt={4}>
                {p.status === 'active' && (
                  <Button size="xs" variant="light" onClick={() => change.mutate({ id: p.id, action: 'pause' })}>
                    {t('campaigns.pause')}
                  </Button>
                )}
                {p.status === 'paused' && (
                  <Button size="xs" variant="light" onClick={() => change.mutate({ id: p.id, action: 'resume' })}>
                    {t('campaigns.resume')}
                  </Button>
                )}
                {['pending', 'active', 'paused'].includes(p.status) && (
                  <Button size="xs" color="red" onClick={() => change.mutate({ id: p.id, action: 'cancel' })}>
                    {t('campaigns.cancel')}
                  </Button>
                )}
              </Group>
            </Stack>
          </Card>
        ))}
      </Stack>
    </section>
  );
}
