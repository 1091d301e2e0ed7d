import { Alert, Button, Card, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client.ts';
import { fieldErrorsOf } from '../../../api/errors.ts';
import { ConfirmModal } from '../../../components/ConfirmModal.tsx';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { useFormat } from '../../../components/useFormat.ts';
import { useNetworkTime } from '../../../components/useNetworkTime.ts';
import { proposalKey, proposalsKey } from '../governance.api.ts';
import type { Proposal } from '../types.ts';

function defaultClosing(p: Proposal, toInput: (at: Date) => string): string {
  const rule = p.rule;
  const hours = Math.min(Math.max(rule?.minVotingHours ?? 0, 7 * 24), rule?.maxVotingHours ?? 7 * 24);
  const d = new Date(Date.now() + hours * 3_600_000);
  d.setSeconds(0, 0);
  return toInput(d);
}

/** For the author and the coordinators: move a draft to discussion, open the vote. */
export function ManageSection({ proposal: p }: { proposal: Proposal }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const time = useNetworkTime();
  const [closesAt, setClosesAt] = useState(() => defaultClosing(p, time.toInput));
  const [localError, setLocalError] = useState<string | null>(null);
  const [confirmWithdraw, setConfirmWithdraw] = useState(false);
  /** the closing time the coordinator chose, while they are asked to confirm that the vote opens */
  const [opening, setOpening] = useState<string | null>(null);
  const format = useFormat();
  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: proposalKey(p.id) });
    await queryClient.invalidateQueries({ queryKey: proposalsKey, exact: false });
  };
  const discuss = useMutation({
    mutationFn: () => api<Proposal>(`/proposals/${p.id}/discussion`, { method: 'POST', body: {} }),
    onSuccess: refresh,
  });
  const open = useMutation({
    mutationFn: (iso: string) => api<Proposal>(`/proposals/${p.id}/open`, { method: 'POST', body: { closesAt: iso } }),
    onSuccess: async () => {
      setOpening(null);
      await refresh();
    },
  });

  const withdraw = useMutation({
    mutationFn: () => api<Proposal>(`/proposals/${p.id}/withdraw`, { method: 'POST', body: {} }),
    onSuccess: async () => {
      setConfirmWithdraw(false);
      await refresh();
    },
  });

  const before = p.status === 'draft' || p.status === 'discussion';
  const mayDiscuss = p.status === 'draft' && p.abilities.discuss;
  const mayOpen = before && p.abilities.open;
  const mayWithdraw = before && p.abilities.withdraw;
  if (!mayDiscuss && !mayOpen && !mayWithdraw) return null;
  const rule = p.rule;

  return (
    <section aria-labelledby="manage-title">
      <Title order={2} id="manage-title" mb="sm">
        {t('proposal.manage.title')}
      </Title>
      <Card withBorder padding="md" maw={760}>
        <Stack gap="md">
          {mayDiscuss && (
            <Stack gap="xs">
              <Text>{t('proposal.manage.discussionText')}</Text>
              <ErrorAlert error={discuss.error} />
              <Group>
                <Button variant="default" loading={discuss.isPending} onClick={() => discuss.mutate()}>
                  {t('proposal.manage.openDiscussion')}
                </Button>
              </Group>
            </Stack>
          )}
          {mayOpen && (
            <form
              onSubmit={(e) => {
                e.preventDefault();
                setLocalError(null);
                const iso = time.fromInput(closesAt);
                if (!iso) {
                  setLocalError(t('proposal.manage.badTime'));
                  return;
                }
                if (Date.parse(iso) <= Date.now()) {
                  setLocalError(t('proposal.manage.pastTime'));
                  return;
                }
                open.reset();
                setOpening(iso);
              }}
              noValidate
            >
              <Stack gap="xs">
                <Text>{t('proposal.manage.openText')}</Text>
                {/* A native datetime-local input: every browser gives it a date and time picker, and tests can type into it. */}
                <TextInput
                  type="datetime-local"
                  label={t('proposal.manage.closesAt')}
                  description={t('proposal.manage.closesAtHint', {
                    zone: time.zone,
                    min: rule?.minVotingHours ?? 0,
                    max: rule?.maxVotingHours ?? 0,
                  })}
                  value={closesAt}
                  onChange={(e) => setClosesAt(e.currentTarget.value)}
                  step={1}
                  min={time.toInput(new Date())}
                  required
                  maw={320}
                  error={fieldErrorsOf(open.error).closesAt}
                />
                {localError && (
                  <Alert color="red" variant="light" role="alert" title={t('errors.title')}>
                    {localError}
                  </Alert>
                )}
                {!opening && <ErrorAlert error={open.error} />}
                <Group>
                  <Button type="submit" loading={open.isPending}>
                    {t('proposal.manage.openVoting')}
                  </Button>
                </Group>
              </Stack>
            </form>
          )}
          {mayWithdraw && (
            <Group>
              <Button variant="default" color="red" onClick={() => setConfirmWithdraw(true)}>
                {t('proposal.manage.withdraw')}
              </Button>
            </Group>
          )}
        </Stack>
      </Card>
      <ConfirmModal
        opened={!!opening}
        title={t('openVote.confirmTitle')}
        message={t('openVote.confirmText', { title: p.title, closes: format.dateTime(opening) })}
        confirmLabel={t('openVote.confirmButton')}
        loading={open.isPending}
        error={open.error}
        onConfirm={() => opening && open.mutate(opening)}
        onClose={() => setOpening(null)}
      />
      <ConfirmModal
        opened={confirmWithdraw}
        title={t('proposal.manage.withdrawTitle')}
        message={t('proposal.manage.withdrawText', { title: p.title })}
        confirmLabel={t('proposal.manage.confirmWithdraw')}
        loading={withdraw.isPending}
        error={withdraw.error}
        onConfirm={() => withdraw.mutate()}
        onClose={() => setConfirmWithdraw(false)}
      />
    </section>
  );
}
