import { Alert, Button, Group, NativeSelect, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { monthName } from './money.ts';
import { useSettle } from './reciprocity.api.ts';
import { ConfirmModal } from '../../components/ConfirmModal.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';

/** A coordinator settles a month that has ended; the page then shows that month and what the fund owes for it. */
export function SettleForm({ closedMonths, onSettled }: { closedMonths: string[]; onSettled: (month: string) => void }) {
  const { t, i18n } = useTranslation();
  const settle = useSettle();
  const [month, setMonth] = useState(closedMonths[0] ?? '');
  const [confirming, setConfirming] = useState(false);
  if (closedMonths.length === 0) return null;
  const name = monthName(month, i18n.language);
  return (
    <form
      aria-labelledby="settle-title"
      onSubmit={(e) => {
        e.preventDefault();
        settle.reset();
        setConfirming(true);
      }}
    >
      <Stack gap="sm" maw={520}>
        <Title order={3} id="settle-title">
          {t('reciprocity.settle.title')}
        </Title>
        <Text size="sm">{t('reciprocity.settle.text')}</Text>
        <NativeSelect
          label={t('reciprocity.settle.month')}
          value={month}
          onChange={(e) => setMonth(e.currentTarget.value)}
          data={closedMonths.map((m) => ({ value: m, label: monthName(m, i18n.language) }))}
        />
        {!confirming && <ErrorAlert error={settle.error} />}
        {settle.isSuccess && (
          <Alert color="green" variant="outline" role="status">
            {t('reciprocity.settle.done', { month: monthName(settle.variables, i18n.language), count: settle.data.items.length })}
          </Alert>
        )}
        <Group>
          <Button type="submit" loading={settle.isPending}>
            {t('reciprocity.settle.submit')}
          </Button>
        </Group>
      </Stack>
      <ConfirmModal
        opened={confirming}
        title={t('reciprocity.settle.confirmTitle', { month: name })}
        message={t('reciprocity.settle.confirmText', { month: name })}
        confirmLabel={t('reciprocity.settle.confirmButton', { month: name })}
        loading={settle.isPending}
        error={settle.error}
        onConfirm={() =>
          settle.mutate(month, {
            onSuccess: () => {
              setConfirming(false);
              onSettled(month);
            },
          })
        }
        onClose={() => setConfirming(false)}
      />
    </form>
  );
}
