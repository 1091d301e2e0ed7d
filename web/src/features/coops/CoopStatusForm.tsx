import type { CoopWithAbilities } from '@coopnet/contract/coops';
import { Alert, Button, Group, NativeSelect, Stack, Textarea, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { fieldErrorsOf } from '../../api/errors.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';

const STATUSES = ['member', 'suspended', 'left'] as const;

/** A coordinator suspends a co-op, reinstates it, or records that it left. */
export function CoopStatusForm({ coop }: { coop: CoopWithAbilities }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<string>(coop.status === 'member' ? 'suspended' : 'member');
  const [reason, setReason] = useState('');
  const change = useMutation({
    mutationFn: () => api(`/coops/${coop.id}/status`, { method: 'POST', body: { status, reason: reason.trim() } }),
    onSuccess: async () => {
      setReason('');
      await queryClient.invalidateQueries({ queryKey: ['coops'] });
    },
  });
  const errors = fieldErrorsOf(change.error);
  return (
    <section aria-labelledby="status-title">
      <Title order={2} id="status-title" mb="sm">
        {t('coop.status.title')}
      </Title>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          change.mutate();
        }}
      >
        <Stack gap="sm">
          <NativeSelect
            label={t('coop.status.newStatus')}
            value={status}
            onChange={(e) => setStatus(e.currentTarget.value)}
            data={STATUSES.map((s) => ({ value: s, label: t(`coopStatus.${s}`) }))}
            error={errors.status}
          />
          <Textarea
            label={t('coop.status.reason')}
            required
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={errors.reason}
            autosize
            minRows={2}
          />
          <ErrorAlert error={change.error} />
          {change.isSuccess && (
            <Alert color="green" variant="outline" role="status">
              {t('coop.status.changed')}
            </Alert>
          )}
          <Group>
            <Button type="submit" color="red" loading={change.isPending}>
              {t('coop.status.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </section>
  );
}
