import { Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { useMoney } from '../../components/useMoney.ts';
import { useNetworkTime } from '../../components/useNetworkTime.ts';
import { monthName } from './money.ts';
import type { Obligation } from './reciprocity.api.ts';

/**
 * A treasurer pays what the fund owes a co-op for a settled month: all of it,
 * on the day the transfer left the fund's bank, with one Idempotency-Key for
 * this payment so a retry pays once.
 */
export function PayObligationDialog({
  obligation,
  currency,
  onClose,
}: {
  obligation: Obligation;
  currency: string;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const money = useMoney(currency);
  const queryClient = useQueryClient();
  const [date, setDate] = useState(useNetworkTime().toInput(new Date()).slice(0, 10));
  const [key] = useState(() => crypto.randomUUID());
  const pay = useMutation({
    mutationFn: () =>
      api<Obligation>(`/reciprocity/settlements/${obligation.id}/payment`, {
        method: 'POST',
        body: { date },
        headers: { 'Idempotency-Key': key },
      }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['reciprocity', 'obligations'] });
      await queryClient.invalidateQueries({ queryKey: ['fund'] });
      onClose();
    },
  });
  const values = {
    coop: obligation.coopName,
    amount: money(obligation.amountCents),
    month: monthName(obligation.month, i18n.language),
  };
  return (
    <Modal
      opened
      onClose={onClose}
      title={t('reciprocity.pay.title', values)}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          pay.mutate();
        }}
      >
        <Stack gap="md">
          <Text size="sm">{t('reciprocity.pay.text', values)}</Text>
          <TextInput
            label={t('reciprocity.pay.date')}
            type="date"
            required
            value={date}
            onChange={(e) => setDate(e.currentTarget.value)}
            data-autofocus
          />
          <ErrorAlert error={pay.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={pay.isPending}>
              {t('reciprocity.pay.submit', values)}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
