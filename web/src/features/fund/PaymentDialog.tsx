import { Text, TextInput } from '@mantine/core';
import { parseDecimalCents } from '@coopnet/domain/money/decimal';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { FormDialog } from '../../components/FormDialog.tsx';
import { useNetworkTime } from '../../components/useNetworkTime.ts';

/**
 * A treasurer books money that came in by hand — a co-op's dues, a loan's
 * repayment: the amount and the day, posted to `path` with one
 * Idempotency-Key for this payment, so a retry books it once.
 */
export function PaymentDialog({
  title,
  help,
  path,
  onClose,
}: {
  title: string;
  help: string;
  path: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [amount, setAmount] = useState('');
  const [date, setDate] = useState(useNetworkTime().toInput(new Date()).slice(0, 10));
  const [problem, setProblem] = useState<string | null>(null);
  const [key] = useState(() => crypto.randomUUID());
  const save = useMutation({
    mutationFn: (cents: number) =>
      api<unknown>(path, { method: 'POST', body: { cents, date }, headers: { 'Idempotency-Key': key } }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['fund'] });
      onClose();
    },
  });
  const submit = () => {
    const parsed = parseDecimalCents(amount);
    if (!parsed.ok || parsed.cents === null || parsed.cents <= 0) return setProblem(t('fund.apply.amountInvalid'));
    setProblem(null);
    save.mutate(parsed.cents);
  };
  return (
    <FormDialog
      title={title}
      onClose={onClose}
      onSubmit={submit}
      error={save.error}
      pending={save.isPending}
      submitLabel={t('fund.contributions.book')}
    >
      <Text size="sm">{help}</Text>
      <TextInput
        label={t('fund.contributions.paidAmount')}
        inputMode="decimal"
        required
        value={amount}
        onChange={(e) => setAmount(e.currentTarget.value)}
        error={problem}
        data-autofocus
      />
      <TextInput
        label={t('fund.contributions.paidOn')}
        type="date"
        required
        value={date}
        onChange={(e) => setDate(e.currentTarget.value)}
      />
    </FormDialog>
  );
}
