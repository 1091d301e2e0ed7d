import { Checkbox, NativeSelect, Radio, Stack, TextInput, Textarea } from '@mantine/core';
import { parseDecimalCents } from '@coopnet/domain/money/decimal';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { FormDialog } from '../../components/FormDialog.tsx';
import { useNetworkTime } from '../../components/useNetworkTime.ts';
import { useFund } from './fund.api.ts';
import { type GiftBody, recordGift } from './gifts.api.ts';
import { subFundName } from './GiftsList.tsx';

type GiverKind = GiftBody['giverKind'];

/**
 * A treasurer records a gift received: from a co-op of the network, a named
 * person or organisation (named in public only if they agreed), or someone
 * anonymous; the amount, the day, the sub-fund it goes to and a note. One
 * Idempotency-Key per gift, so a retry books it once.
 */
export function GiftDialog({ onClose }: { onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const fund = useFund();
  const coops = useQuery({
    queryKey: ['coops', 'list', 'names'],
    queryFn: ({ signal }) =>
      api<{ items: { id: string; name: string }[] }>('/coops', { query: { limit: 100 }, signal }),
  });
  const [kind, setKind] = useState<GiverKind>('coop');
  const [coopId, setCoopId] = useState('');
  const [giverName, setGiverName] = useState('');
  const [namePublic, setNamePublic] = useState(false);
  const [amount, setAmount] = useState('');
  const [date, setDate] = useState(useNetworkTime().toInput(new Date()).slice(0, 10));
  const [subFund, setSubFund] = useState('');
  const [note, setNote] = useState('');
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [key] = useState(() => crypto.randomUUID());
  const subFunds = (fund.data?.subFunds ?? []).filter((f) => f.code !== 'loans');
  const chosenSubFund = subFund || subFunds[0]?.code || '';
  const chosenCoop = coopId || coops.data?.items[0]?.id || '';
  const save = useMutation({
    mutationFn: (body: GiftBody) => recordGift(body, key),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['fund'] });
      onClose();
    },
  });
  const submit = () => {
    const parsed = parseDecimalCents(amount);
    const found: Record<string, string> = {};
    if (!parsed.ok || parsed.cents === null || parsed.cents <= 0) found.amount = t('fund.apply.amountInvalid');
    if (kind === 'named' && giverName.trim() === '') found.giverName = t('fund.gifts.nameMissing');
    setProblems(found);
    if (Object.keys(found).length > 0 || !parsed.ok || !parsed.cents) return;
    save.mutate({
      giverKind: kind,
      ...(kind === 'coop' ? { coopId: chosenCoop } : {}),
      ...(kind === 'named' ? { giverName: giverName.trim() } : {}),
      namePublic: kind === 'named' && namePublic,
      cents: parsed.cents,
      date,
      subFund: chosenSubFund,
      note: note.trim(),
    });
  };
  return (
    <FormDialog
      title={t('fund.gifts.recordTitle')}
      onClose={onClose}
      onSubmit={submit}
      error={save.error}
      pending={save.isPending}
      submitLabel={t('fund.gifts.save')}
    >
      <Radio.Group label={t('fund.gifts.from')} value={kind} onChange={(v) => setKind(v as GiverKind)}>
        <Stack gap="xs" mt="xs">
          <Radio value="coop" label={t('fund.gifts.kinds.coop')} />
          <Radio value="named" label={t('fund.gifts.kinds.named')} />
          <Radio value="anonymous" label={t('fund.gifts.kinds.anonymous')} />
        </Stack>
      </Radio.Group>
      {kind === 'coop' && (
        <NativeSelect
          label={t('fund.contributions.coop')}
          value={chosenCoop}
          onChange={(e) => setCoopId(e.currentTarget.value)}
          data={(coops.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }))}
        />
      )}
      {kind === 'named' && (
        <>
          <TextInput
            label={t('fund.gifts.giverName')}
            required
            maxLength={200}
            value={giverName}
            onChange={(e) => setGiverName(e.currentTarget.value)}
            error={problems.giverName}
          />
          <Checkbox
            label={t('fund.gifts.namePublic')}
            checked={namePublic}
            onChange={(e) => setNamePublic(e.currentTarget.checked)}
          />
        </>
      )}
      <TextInput
        label={t('fund.gifts.amount')}
        inputMode="decimal"
        required
        value={amount}
        onChange={(e) => setAmount(e.currentTarget.value)}
        error={problems.amount}
      />
      <TextInput
        label={t('fund.gifts.receivedOn')}
        type="date"
        required
        value={date}
        onChange={(e) => setDate(e.currentTarget.value)}
      />
      <NativeSelect
        label={t('fund.gifts.into')}
        value={chosenSubFund}
        onChange={(e) => setSubFund(e.currentTarget.value)}
        data={subFunds.map((f) => ({ value: f.code, label: subFundName(f.names, f.code, i18n.language) }))}
      />
      <Textarea
        label={t('fund.gifts.note')}
        description={t('fund.gifts.noteHelp')}
        maxLength={500}
        autosize
        minRows={2}
        value={note}
        onChange={(e) => setNote(e.currentTarget.value)}
      />
    </FormDialog>
  );
}
