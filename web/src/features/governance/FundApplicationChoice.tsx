import type { FundApplication } from '@coopnet/contract/fund';
import { NativeSelect } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { useMoney } from '../../components/useMoney.ts';

/** The applications to the fund waiting for the assembly: the subject of a `fund_application` proposal. */
export function FundApplicationChoice({
  value,
  error,
  onPick,
}: {
  value: string;
  error?: string | undefined;
  onPick: (id: string, title: string) => void;
}) {
  const { t } = useTranslation();
  const money = useMoney();
  const waiting = useQuery({
    queryKey: ['fund', 'applications', 'for-proposal'],
    queryFn: ({ signal }) => api<{ items: FundApplication[] }>('/fund/applications', { signal }),
    select: (d) => d.items.filter((a) => a.track.by === 'assembly' && a.status === 'open'),
  });
  const options = (waiting.data ?? []).map((a) => ({
    value: a.id,
    label: `${t(`fund.applicationKinds.${a.kind}`)} — ${a.coopName} — ${money(a.amountCents)}`,
    title: t('newProposal.fundTitle', { kind: t(`fund.applicationKinds.${a.kind}`), coop: a.coopName }),
  }));
  // Arriving from an application ("Put to the assembly's vote"): it is chosen; give the title a start too.
  const preset = options.find((o) => o.value === value)?.title;
  useEffect(() => {
    if (preset) onPick(value, preset);
    // Once, when the chosen application's words are known.
  }, [preset]);
  return (
    <NativeSelect
      label={t('newProposal.fundApplication')}
      value={value}
      onChange={(e) => {
        const id = e.currentTarget.value;
        onPick(id, options.find((o) => o.value === id)?.title ?? '');
      }}
      data={[
        { value: '', label: t('newProposal.chooseOne') },
        ...options.map(({ value: v, label }) => ({ value: v, label })),
      ]}
      description={waiting.data && options.length === 0 ? t('newProposal.noFundApplications') : undefined}
      error={error}
      required
    />
  );
}
