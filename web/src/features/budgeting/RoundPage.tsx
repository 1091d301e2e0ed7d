import { Anchor, Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ConfirmModal } from '../../components/ConfirmModal.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { useFormat } from '../../components/useFormat.ts';
import { useMoney } from '../../components/useMoney.ts';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { AllocationForm } from './AllocationForm.tsx';
import { ProposeForm } from './ProposeForm.tsx';
import { RoundResults } from './RoundResults.tsx';
import { useCloseRound, useRound } from './budgeting.api.ts';

/**
 * A participatory budgeting round: its projects; the form to propose one in
 * the proposal period; the member's allocation form in the allocation period;
 * after the close, what each project was given and granted. Coordinators
 * close it.
 */
export function RoundPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const round = useRound(id);
  const close = useCloseRound(id);
  const [confirming, setConfirming] = useState(false);
  const money = useMoney();
  const format = useFormat();
  usePageTitle(round.data?.title ?? t('budgeting.title'));
  if (round.isPending) return <Loading />;
  if (round.error) return <ErrorAlert error={round.error} />;
  const r = round.data;
  return (
    <Stack gap="xl" maw={880}>
      <Stack gap="xs">
        <Anchor component={Link} to="/budgeting" size="sm">
          {t('budgeting.back')}
        </Anchor>
        <Title order={1} style={{ overflowWrap: 'anywhere' }}>
          {r.title}
        </Title>
        <Group gap="xs">
          <Badge variant="outline" color={r.phase === 'closed' ? 'gray.8' : 'teal.9'}>
            {t(`budgeting.phases.${r.phase}`)}
          </Badge>
        </Group>
        <Text>{t('budgeting.amount', { amount: money(r.amountCents) })}</Text>
        <Text size="sm">
          {t('budgeting.shares', { members: r.members, share: money(r.shareCents), cap: money(r.capCents) })}
        </Text>
        <Text size="sm">
          {t('budgeting.proposalPeriod', { from: format.day(r.proposalsFrom), until: format.day(r.proposalsUntil) })}
        </Text>
        <Text size="sm">
          {t('budgeting.allocationPeriod', {
            from: format.day(r.allocationFrom),
            until: format.day(r.allocationUntil),
          })}
        </Text>
        {r.phase !== 'closed' && <Text size="sm">{t('budgeting.hidden')}</Text>}
      </Stack>

      {r.phase === 'closed' && <RoundResults round={r} />}

      <section aria-labelledby="projects-heading">
        <Title order={2} id="projects-heading" mb="sm">
          {t('budgeting.projects')}
        </Title>
        {r.projects.length === 0 && <Text>{t('budgeting.noProjects')}</Text>}
        <Stack gap="sm">
          {r.projects.map((p) => (
            <Card key={p.id} withBorder component="article" aria-label={p.title}>
              <Text fw={700} style={{ overflowWrap: 'anywhere' }}>
                {p.title}
              </Text>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                {p.description}
              </Text>
              <Text size="sm">
                {t('budgeting.asks', { minimum: money(p.minimumCents), maximum: money(p.maximumCents) })}
              </Text>
              {p.programme && (
                <Text size="sm">
                  {t('budgeting.forProgramme')}{' '}
                  <Anchor component={Link} to={`/programmes/${p.programme.id}`}>
                    {p.programme.name}
                  </Anchor>
                </Text>
              )}
            </Card>
          ))}
        </Stack>
      </section>

      {r.canPropose && <ProposeForm roundId={r.id} />}
      {r.eligible && r.phase === 'allocation' && <AllocationForm round={r} />}

      {r.canClose && (
        <Stack gap="xs">
          <Text>{t('budgeting.close.intro')}</Text>
          <Button color="red" variant="light" onClick={() => setConfirming(true)} style={{ alignSelf: 'flex-start' }}>
            {t('budgeting.close.button')}
          </Button>
          <ConfirmModal
            opened={confirming}
            title={t('budgeting.close.title')}
            message={t('budgeting.close.message')}
            confirmLabel={t('budgeting.close.confirm')}
            loading={close.isPending}
            error={close.error}
            onConfirm={() => close.mutate(undefined, { onSuccess: () => setConfirming(false) })}
            onClose={() => setConfirming(false)}
          />
        </Stack>
      )}
    </Stack>
  );
}
