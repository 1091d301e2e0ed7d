import { Text, TextInput, Textarea } from '@mantine/core';
import type { SurplusDeclaration } from '@coopnet/contract/fund';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { FormDialog } from '../../components/FormDialog.tsx';
import { useMoney } from '../../components/useMoney.ts';
import { signedCents } from './signedCents.ts';

/**
 * A treasurer corrects a co-op's declared year: the closing day, the surplus
 * and why. The old share's booking is reversed and the new one booked, under
 * one Idempotency-Key for this correction.
 */
export function SurplusCorrectionDialog({
  coopId,
  coopName,
  year,
  onClose,
}: {
  coopId: string;
  coopName: string;
  year: number;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const money = useMoney();
  const queryClient = useQueryClient();
  const declared = useQuery({
    queryKey: ['fund', 'surplus', coopId],
    queryFn: ({ signal }) => api<{ items: SurplusDeclaration[] }>(`/fund/coops/${coopId}/surplus`, { signal }),
  });
  const current = declared.data?.items.find((d) => d.year === year);
  const [closedOn, setClosedOn] = useState<string | null>(null);
  const [surplus, setSurplus] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [key] = useState(() => crypto.randomUUID());
  const save = useMutation({
    mutationFn: (body: { closedOn: string; surplusCents: number; reason: string }) =>
      api<SurplusDeclaration>(`/fund/coops/${coopId}/surplus/${year}/correction`, {
        method: 'POST',
        body,
        headers: { 'Idempotency-Key': key },
      }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['fund'] });
      onClose();
    },
  });
  const day = closedOn ?? current?.closedOn ?? '';
  const amount = surplus ?? (current ? (current.surplusCents / 100).toFixed(2) : '');
  const submit = () => {
    const cents = signedCents(amount);
    const found: Record<string, string> = {};
    if (cents === null) found.surplus = t('fund.surplus.amountInvalid');
    if (reason.trim() === '') found.reason = t('fund.surplus.reasonMissing');
    setProblems(found);
    if (cents === null || Object.keys(found).length > 0) return;
    save.mutate({ closedOn: day, surplusCents: cents, reason: reason.trim() });
  };
  return (
    <FormDialog
      title={t('fund.surplus.correctTitle', { coop: coopName, year })}
      onClose={onClose}
      onSubmit={submit}
      error={save.error}
      pending={save.isPending}
      submitLabel={t('fund.surplus.correct')}
    >
      {current && (
        <Text size="sm">
          {t('fund.surplus.correctHelp', {
            surplus: money(current.surplusCents),
            paid: money(current.obligation?.paidCents ?? 0),
          })}
        </Text>
      )}
      <TextInput
        label={t('fund.surplus.closedOn')}
        type="date"
        required
        value={day}
        onChange={(e) => setClosedOn(e.currentTarget.value)}
      />
      <TextInput
        label={t('fund.surplus.amount')}
        inputMode="decimal"
        required
        value={amount}
        onChange={(e) => setSurplus(e.currentTarget.value)}
        error={problems.surplus}
      />
      <Textarea
        label={t('fund.surplus.reason')}
        required
        maxLength={500}
        autosize
        minRows={2}
        value={reason}
        onChange={(e) => setReason(e.currentTarget.value)}
        error={problems.reason}
      />
    </FormDialog>
  );
}
