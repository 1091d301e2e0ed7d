import { parseDecimalCents } from '@coopnet/domain/money/decimal';
import { TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api } from '../../api/client.ts';
import { FormDialog } from '../../components/FormDialog.tsx';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A coordinator opens a round on the programmes sub-fund: its title, the
 * amount (not above what the sub-fund holds), the cap per project, and its
 * proposal and allocation periods. Its members are the workers of member
 * co-ops today.
 */
export function OpenRoundDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const navigate = useNavigate();
  const [title, setTitle] = useState('');
  const [amount, setAmount] = useState('');
  const [cap, setCap] = useState('');
  const [days, setDays] = useState({ proposalsFrom: '', proposalsUntil: '', allocationFrom: '', allocationUntil: '' });
  const [problems, setProblems] = useState<Record<string, string>>({});
  const open = useMutation({
    mutationFn: (body: unknown) => api<{ id: string }>('/budgeting/rounds', { method: 'POST', body }),
    onSuccess: async ({ id }) => {
      await client.invalidateQueries({ queryKey: ['budgeting'] });
      void navigate(`/budgeting/${id}`);
    },
  });
  const submit = () => {
    const a = parseDecimalCents(amount);
    const c = parseDecimalCents(cap);
    const found: Record<string, string> = {};
    if (title.trim() === '') found.title = t('errors.field.required');
    if (!a.ok || !a.cents) found.amount = t('budgeting.propose.amountFormat');
    if (!c.ok || !c.cents) found.cap = t('budgeting.propose.amountFormat');
    for (const [k, v] of Object.entries(days)) if (!DAY.test(v)) found[k] = t('budgeting.open.dayFormat');
    setProblems(found);
    if (Object.keys(found).length > 0 || !a.ok || !c.ok) return;
    open.mutate({ title: title.trim(), amountCents: a.cents, capCents: c.cents, ...days });
  };
  const day = (k: keyof typeof days) => (
    <TextInput
      type="date"
      label={t(`budgeting.open.${k}`)}
      value={days[k]}
      onChange={(e) => {
        const value = e.currentTarget.value;
        setDays((d) => ({ ...d, [k]: value }));
      }}
      error={problems[k]}
      required
    />
  );
  return (
    <FormDialog
      title={t('budgeting.open.title')}
      onClose={onClose}
      onSubmit={submit}
      error={open.error}
      pending={open.isPending}
      submitLabel={t('budgeting.open.submit')}
    >
      <TextInput
        label={t('budgeting.open.name')}
        value={title}
        onChange={(e) => setTitle(e.currentTarget.value)}
        maxLength={120}
        error={problems.title}
        required
      />
      <TextInput
        label={t('budgeting.open.amount')}
        inputMode="decimal"
        value={amount}
        onChange={(e) => setAmount(e.currentTarget.value)}
        error={problems.amount}
        required
      />
      <TextInput
        label={t('budgeting.open.cap')}
        inputMode="decimal"
        value={cap}
        onChange={(e) => setCap(e.currentTarget.value)}
        error={problems.cap}
        required
      />
      {day('proposalsFrom')}
      {day('proposalsUntil')}
      {day('allocationFrom')}
      {day('allocationUntil')}
    </FormDialog>
  );
}
