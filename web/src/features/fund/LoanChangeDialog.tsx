import type { LoanChangeInput, LoanStatement } from '@coopnet/contract/fund';
import type { ProposalList } from '@coopnet/contract/proposals';
import { Group, NativeSelect, Text, TextInput, Textarea } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { fieldErrorsOf } from '../../api/errors.ts';
import { FormDialog } from '../../components/FormDialog.tsx';
import { useNetworkTime } from '../../components/useNetworkTime.ts';

export type LoanChangeKind = LoanChangeInput['kind'];

/**
 * A treasurer records what a passed proposal decided about a loan: a freeze
 * from a day, its end, or a new term and grace from a day. It moves no money;
 * the loan's statement shows it with its reason and the proposal.
 */
export function LoanChangeDialog({
  loan,
  kind,
  onClose,
}: {
  loan: LoanStatement;
  kind: LoanChangeKind;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [on, setOn] = useState(useNetworkTime().toInput(new Date()).slice(0, 10));
  const [termMonths, setTermMonths] = useState(String(loan.termMonths));
  const [graceMonths, setGraceMonths] = useState('0');
  const [reason, setReason] = useState('');
  const [proposalId, setProposalId] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const passed = useQuery({
    queryKey: ['proposals', 'passed'],
    queryFn: ({ signal }) => api<ProposalList>('/proposals', { query: { status: 'passed', limit: 100 }, signal }),
  });
  const save = useMutation({
    mutationFn: (input: LoanChangeInput) =>
      api<LoanStatement>(`/fund/loans/${loan.id}/changes`, { method: 'POST', body: input }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['fund'] });
      onClose();
    },
  });
  const errors = fieldErrorsOf(save.error);
  const proposals = passed.data?.items ?? [];
  const submit = () => {
    if (!proposalId) return setProblem(t('fund.loan.change.proposalMissing'));
    const decision = { kind: 'proposal' as const, id: proposalId };
    const term = Number(termMonths);
    const grace = Number(graceMonths);
    if (kind === 'reschedule' && (!Number.isInteger(term) || term < 1 || !Number.isInteger(grace) || grace < 0))
      return setProblem(t('fund.apply.termsInvalid'));
    setProblem(null);
    save.mutate(
      kind === 'reschedule'
        ? { kind, on, termMonths: term, graceMonths: grace, reason: reason.trim(), decision }
        : { kind, on, reason: reason.trim(), decision },
    );
  };
  return (
    <FormDialog
      title={t(`fund.loan.change.${kind}Title`, { coop: loan.coopName })}
      onClose={onClose}
      onSubmit={submit}
      error={save.error}
      pending={save.isPending}
      submitLabel={t(`fund.loan.change.${kind}Save`)}
    >
      <Text size="sm">{t(`fund.loan.change.${kind}Help`)}</Text>
      <NativeSelect
        label={t('fund.loan.change.proposal')}
        required
        value={proposalId}
        onChange={(e) => setProposalId(e.currentTarget.value)}
        data={[
          { value: '', label: t('fund.loan.change.proposalChoose') },
          ...proposals.map((p) => ({ value: p.id, label: p.title })),
        ]}
        error={problem === t('fund.loan.change.proposalMissing') ? problem : errors['decision.id']}
        data-autofocus
      />
      <TextInput
        label={t(`fund.loan.change.${kind}On`)}
        type="date"
        required
        value={on}
        onChange={(e) => setOn(e.currentTarget.value)}
        error={errors.on}
      />
      {kind === 'reschedule' && (
        <Group grow align="flex-start">
          <TextInput
            label={t('fund.apply.termMonths')}
            inputMode="numeric"
            required
            value={termMonths}
            onChange={(e) => setTermMonths(e.currentTarget.value)}
            error={errors.termMonths}
          />
          <TextInput
            label={t('fund.apply.graceMonths')}
            inputMode="numeric"
            value={graceMonths}
            onChange={(e) => setGraceMonths(e.currentTarget.value)}
            error={errors.graceMonths}
          />
        </Group>
      )}
      <Textarea
        label={t('fund.loan.change.reason')}
        required
        autosize
        minRows={2}
        maxLength={500}
        value={reason}
        onChange={(e) => setReason(e.currentTarget.value)}
        error={errors.reason}
      />
      {problem && problem !== t('fund.loan.change.proposalMissing') && (
        <Text c="red.8" size="sm" role="alert">
          {problem}
        </Text>
      )}
    </FormDialog>
  );
}
