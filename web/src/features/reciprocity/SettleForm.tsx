import { Alert, Button, Group, NativeSelect, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { monthName } from './money.ts';
import { useSettle } from './reciprocity.api.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';

/** A coordinator settles a month that has ended; the page then shows that month and what the fund owes for it. */
export function SettleForm({ closedMonths, onSettled }: { closedMonths: string[]; onSettled: (month: string) => void }) {
  const { t, i18n } = useTranslation();
  const settle = useSettle();
  const [month, setMonth] = useState(closedMonths[0] ?? '');
  if (closedMonths.length === 0) return null;
  return (
    <form
      aria-labelledby="settle-title"
      onSubmit={(e) => {
        e.preventDefault();
        settle.mutate(month, { onSuccess: () => onSettled(month) });
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
        <ErrorAlert error={settle.error} />
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
    </form>
  );
}
