import type { Venture } from '@coopnet/contract/ventures';
import { Button, Group, List, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../components/useFormat.ts';
import { STAGES, type useVentureChange } from './ventures.api.ts';

type Change = ReturnType<typeof useVentureChange>;

const next = (stage: Venture['stage']) => {
  const n = STAGES[STAGES.indexOf(stage) + 1];
  return n && n !== 'member' ? n : null;
};
const previous = (stage: Venture['stage']) => (stage === 'member' ? null : (STAGES[STAGES.indexOf(stage) - 1] ?? null));

/** Where the venture is, how it got there, and for its team the step forward or back. */
export function StageSection({ venture: v, change }: { venture: Venture; change: Change }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [goingBack, setGoingBack] = useState(false);
  const [reason, setReason] = useState('');
  const forward = next(v.stage);
  const back = previous(v.stage);
  const applying = v.coop?.status === 'applicant';
  return (
    <section aria-labelledby="venture-stage">
      <Title order={2} id="venture-stage" mb="xs">
        {t('ventures.stage.title')}
      </Title>
      <Text mb="sm">{t(`ventures.stageHelp.${v.stage}`)}</Text>
      <List size="sm" spacing={4} mb="sm">
        {v.stages.map((s, i) => (
          <List.Item key={i} style={{ overflowWrap: 'anywhere' }}>
            {t('ventures.stage.change', {
              stage: t(`ventures.stages.${s.to}`),
              date: format.date(s.at),
              by: s.byName ?? t('ventures.stage.byNetwork'),
            })}
            {s.reason ? ` — ${s.reason}` : ''}
          </List.Item>
        ))}
      </List>
      {v.abilities.manage && !applying && (
        <Stack gap="sm">
          <Group gap="sm" wrap="wrap">
            {forward && (
              <Button
                loading={change.isPending}
                onClick={() => change.mutate({ path: '/stage', body: { stage: forward } })}
              >
                {t('ventures.stage.forward', { stage: t(`ventures.stages.${forward}`) })}
              </Button>
            )}
            {back && !goingBack && (
              <Button variant="default" onClick={() => setGoingBack(true)}>
                {t('ventures.stage.back', { stage: t(`ventures.stages.${back}`) })}
              </Button>
            )}
          </Group>
          {back && goingBack && (
            <form
              onSubmit={(e) => {
                e.preventDefault();
                change.mutate(
                  { path: '/stage', body: { stage: back, reason: reason.trim() } },
                  {
                    onSuccess: () => {
                      setGoingBack(false);
                      setReason('');
                    },
                  },
                );
              }}
            >
              <Stack gap="xs">
                <Textarea
                  label={t('ventures.stage.reason')}
                  required
                  autosize
                  minRows={2}
                  maxLength={1000}
                  value={reason}
                  onChange={(e) => setReason(e.currentTarget.value)}
                />
                <Group gap="sm">
                  <Button type="submit" variant="default" loading={change.isPending}>
                    {t('ventures.stage.back', { stage: t(`ventures.stages.${back}`) })}
                  </Button>
                  <Button variant="subtle" onClick={() => setGoingBack(false)}>
                    {t('ventures.cancel')}
                  </Button>
                </Group>
              </Stack>
            </form>
          )}
          {v.stage === 'launched' && <Text size="sm">{t('ventures.stage.memberByAdmission')}</Text>}
        </Stack>
      )}
    </section>
  );
}
