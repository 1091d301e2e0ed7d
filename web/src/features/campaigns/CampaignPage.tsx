import { Alert, Anchor, Button, Group, List, Progress, Radio, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { useFormat } from '../../components/useFormat.ts';
import { useMoney } from '../../components/useMoney.ts';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { type Pledge, makePledge, useCampaign } from './campaigns.api.ts';
import { Story } from './Story.tsx';
import { CampaignCover, EditCampaignLink } from '../campaign-editor/CampaignPageParts.tsx';

/**
 * A campaign's public page: its story, how much the fund's ledger holds for
 * it against the goal, its supporters ("anonymous" unless they gave a name),
 * its updates, and the pledge form — no account needed.
 */
export function CampaignPage() {
  const { slug = '' } = useParams();
  const { t, i18n } = useTranslation();
  const campaign = useCampaign(slug);
  usePageTitle(campaign.data?.title ?? t('campaigns.title'));
  const money = useMoney();
  const format = useFormat();
  const queryClient = useQueryClient();
  const [amount, setAmount] = useState('');
  const [frequency, setFrequency] = useState<'one_off' | 'monthly'>('monthly');
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [done, setDone] = useState<Pledge | null>(null);
  const pledge = useMutation({
    mutationFn: () =>
      makePledge(slug, {
        cents: Math.round(Number(amount.replace(',', '.')) * 100),
        frequency,
        email,
        // Its receipts and thank-you come in the language the supporter reads the page in.
        locale: i18n.language.startsWith('es') ? 'es' : 'en',
        ...(name.trim() ? { name: name.trim() } : {}),
      }),
    onSuccess: (p) => {
      setDone(p);
      void queryClient.invalidateQueries({ queryKey: ['campaigns', slug] });
    },
  });
  if (campaign.isPending) return <Loading />;
  if (campaign.error) return <ErrorAlert error={campaign.error} />;
  const c = campaign.data;
  // Any money received shows on the bar, however small against the goal.
  const percent = c.raisedCents > 0 ? Math.min(100, Math.max(1, Math.round((c.raisedCents / c.goalCents) * 100))) : 0;
  return (
    <Stack gap="xl" maw={720}>
      <CampaignCover url={c.coverUrl} />
      <Stack gap="xs">
        <Title order={1}>{c.title}</Title>
        <Text>{c.summary}</Text>
        <Text size="sm">{t('campaigns.by', { owner: c.ownerName, deadline: format.day(c.deadline) })}</Text>
        <EditCampaignLink slug={c.slug} ownerCoopId={c.ownerCoopId} />
        <Anchor href={`/feeds/campaigns/${c.slug}.atom`} size="sm">
          {t('campaigns.feed')}
        </Anchor>
      </Stack>
      <section aria-labelledby="campaign-progress">
        <Title order={2} id="campaign-progress" mb="sm">
          {t('campaigns.progress')}
        </Title>
        <Progress value={percent} size="xl" aria-label={t('campaigns.progressLabel', { percent })} />
        <Text mt="xs" data-testid="campaign-raised">
          {t('campaigns.raised', { raised: money(c.raisedCents), goal: money(c.goalCents) })}
        </Text>
      </section>
      {c.story && <Story markdown={c.story} />}
      <section aria-labelledby="campaign-pledge">
        <Title order={2} id="campaign-pledge" mb="sm">
          {t('campaigns.pledge')}
        </Title>
        {done ? (
          <Alert color="green" title={t('campaigns.thanks')}>
            <Text>{t('campaigns.transfer', { amount: money(done.cents), reference: done.reference })}</Text>
            <Text fw={700} data-testid="pledge-reference">
              {done.reference}
            </Text>
            <Text size="sm">{t('campaigns.mailSent')}</Text>
          </Alert>
        ) : (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              pledge.mutate();
            }}
          >
            <Stack gap="sm">
              {c.suggestedCents.length > 0 && (
                <Group gap="xs">
                  {c.suggestedCents.map((s) => (
                    <Button key={s} variant="light" type="button" onClick={() => setAmount((s / 100).toFixed(2))}>
                      {money(s)}
                    </Button>
                  ))}
                </Group>
              )}
              <TextInput
                label={t('campaigns.amount')}
                description={c.freeAmount ? t('campaigns.minimum', { minimum: money(c.minimumCents) }) : undefined}
                inputMode="decimal"
                required
                value={amount}
                onChange={(e) => setAmount(e.currentTarget.value)}
              />
              <Radio.Group
                label={t('campaigns.frequency')}
                value={frequency}
                onChange={(v) => setFrequency(v as 'one_off' | 'monthly')}
              >
                <Group gap="md" mt="xs">
                  <Radio value="monthly" label={t('campaigns.monthly')} />
                  <Radio value="one_off" label={t('campaigns.oneOff')} />
                </Group>
              </Radio.Group>
              <TextInput
                label={t('campaigns.name')}
                description={t('campaigns.nameHelp')}
                value={name}
                maxLength={120}
                onChange={(e) => setName(e.currentTarget.value)}
              />
              <TextInput
                label={t('campaigns.email')}
                description={t('campaigns.emailHelp')}
                type="email"
                required
                value={email}
                onChange={(e) => setEmail(e.currentTarget.value)}
              />
              {pledge.error && <ErrorAlert error={pledge.error} />}
              <Button type="submit" loading={pledge.isPending}>
                {t('campaigns.submit')}
              </Button>
            </Stack>
          </form>
        )}
      </section>
      <section aria-labelledby="campaign-supporters">
        <Title order={2} id="campaign-supporters" mb="sm">
          {t('campaigns.supporters')}
        </Title>
        {c.supporters.length === 0 ? (
          <Text>{t('campaigns.noSupporters')}</Text>
        ) : (
          <List data-testid="campaign-supporters">
            {c.supporters.map((s, i) => (
              <List.Item key={i}>
                {s.name ?? t('campaigns.anonymous')} · {money(s.cents)}
                {s.frequency === 'monthly' ? ` ${t('campaigns.perMonth')}` : ''}
              </List.Item>
            ))}
          </List>
        )}
      </section>
      {c.updates.length > 0 && (
        <section aria-labelledby="campaign-updates">
          <Title order={2} id="campaign-updates" mb="sm">
            {t('campaigns.updates')}
          </Title>
          <Stack gap="sm">
            {c.updates.map((u) => (
              <Stack key={u.id} id={`update-${u.id}`} gap={2}>
                <Text size="sm" fw={700}>
                  {format.day(u.createdAt.slice(0, 10))}
                </Text>
                <Text style={{ whiteSpace: 'pre-wrap' }}>{u.body}</Text>
              </Stack>
            ))}
          </Stack>
        </section>
      )}
    </Stack>
  );
}
