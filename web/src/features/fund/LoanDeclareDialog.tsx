import type { LoanStatement } from '@coopnet/contract/fund';
import { Text, TextInput, Textarea } from '@mantine/core';
import { parseDecimalCents } from '@coopnet/domain/money/decimal';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { fieldErrorsOf } from '../../api/errors.ts';
import { FormDialog } from '../../components/FormDialog.tsx';
import { useNetworkTime } from '../../components/useNetworkTime.ts';

/**
 * The co-op's admin (or a treasurer) declares, for a loan repaid by a share
 * of revenue, a month's revenue (declaring a month again corrects it); for a
 * loan due when the co-op covers its costs, the month it began to.
 */
export function LoanDeclareDialog({ loan, onClose }: { loan: LoanStatement; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const revenue = loan.schedule === 'revenue_share';
  const today = useNetworkTime().toInput(new Date()).slice(0, 10);
  const firstNotDeclared = loan.revenueMonths.find((m) => m.status === 'not_declared' || m.status === 'awaiting');
  const [month, setMonth] = useState(firstNotDeclared?.month ?? today.slice(0, 7));
  const [amount, setAmount] = useState('');
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: (body: unknown) =>
      api<LoanStatement>(`/fund/loans/${loan.id}/${revenue ? 'revenues' : 'viability'}`, { method: 'POST', body }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['fund'] });
      onClose();
    },
  });
  const errors = fieldErrorsOf(save.error);
  const submit = () => {
    if (!/^\d{4}-\d{2}$/.test(month)) return setProblem(t('fund.loan.declare.monthInvalid'));
    if (!revenue) {
      setProblem(null);
      return save.mutate({ fromMonth: month, ...(note.trim() ? { reason: note.trim() } : {}) });
    }
    const parsed = parseDecimalCents(amount);
    if (!parsed.ok || parsed.cents === null || parsed.cents < 0) return setProblem(t('fund.apply.amountInvalid'));
    setProblem(null);
    save.mutate({ month, revenueCents: parsed.cents });
  };
  const kind = revenue ? 'revenue' : 'viable';
  return (
    <FormDialog
      title={t(`fund.loan.declare.${kind}Title`)}
      onClose={onClose}
      onSubmit={submit}
      error={save.error}
      pending={save.isPending}
      submitLabel={t('fund.loan.declare.save')}
    >
      <Text size="sm">
        {t(`fund.loan.declare.${kind}Help`, { share: ((loan.shareBasisPoints ?? 0) / 100).toString() })}
      </Text>
      <TextInput
        label={t(`fund.loan.declare.${kind}Month`)}
        type="month"
        required
        value={month}
        onChange={(e) => setMonth(e.currentTarget.value)}
        error={errors.month ?? errors.fromMonth ?? (problem === t('fund.loan.declare.monthInvalid') ? problem : null)}
        data-autofocus
      />
      {revenue ? (
        <TextInput
          label={t('fund.loan.declare.revenue')}
          inputMode="decimal"
          required
          value={amount}
          onChange={(e) => setAmount(e.currentTarget.value)}
          error={errors.revenueCents ?? (problem === t('fund.apply.amountInvalid') ? problem : null)}
        />
      ) : (
        <Textarea
          label={t('fund.loan.declare.note')}
          autosize
          minRows={2}
          maxLength={500}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          error={errors.reason}
        />
      )}
    </FormDialog>
  );
}
