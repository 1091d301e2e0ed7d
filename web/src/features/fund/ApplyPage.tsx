import type { ApplicationInput, FundApplication } from '@coopnet/contract/fund';
import { Anchor, Button, Checkbox, Group, NativeSelect, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { parseDecimalCents } from '@coopnet/domain/money/decimal';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { api } from '../../api/client.ts';
import { fieldErrorsOf } from '../../api/errors.ts';
import { useAbilities, useNetwork } from '../../api/session.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { currencySymbol } from '../../components/money.ts';
import { NoAccess } from '../../components/NoAccess.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { parseMoney } from '../offers/money.ts';
import { applicationsKey } from './fund.api.ts';

const KINDS = ['emergency_grant', 'seed_capital', 'programme', 'loan'] as const;
const SCHEDULES = ['fixed', 'revenue_share', 'when_viable'] as const;

/** A co-op's admin applies to the fund: the kind, the amount, what for and how. */
export function ApplyPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('fund.apply.title'));
  const abilities = useAbilities();
  const { data: network } = useNetwork();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [coopId, setCoopId] = useState<string>('');
  // A page may send here prefilled: a venture's page asks a sponsor co-op for seed capital (?kind=seed_capital&purpose=…).
  const [params] = useSearchParams();
  const askedKind = KINDS.find((k) => k === params.get('kind'));
  const [kind, setKind] = useState<(typeof KINDS)[number]>(askedKind ?? 'emergency_grant');
  const [amount, setAmount] = useState('');
  const [purpose, setPurpose] = useState((params.get('purpose') ?? '').slice(0, 1000));
  const [plan, setPlan] = useState('');
  const [amountError, setAmountError] = useState<string | null>(null);
  const [termMonths, setTermMonths] = useState('12');
  const [rate, setRate] = useState('0');
  const [graceMonths, setGraceMonths] = useState('0');
  const [schedule, setSchedule] = useState<(typeof SCHEDULES)[number]>('fixed');
  const [share, setShare] = useState('');
  const [repayment, setRepayment] = useState('');
  const [hideRecipient, setHideRecipient] = useState(false);
  const [termsError, setTermsError] = useState<string | null>(null);
  const send = useMutation({
    mutationFn: (input: ApplicationInput) =>
      api<FundApplication>('/fund/applications', { method: 'POST', body: input }),
    onSuccess: async (a) => {
      await queryClient.invalidateQueries({ queryKey: applicationsKey });
      await navigate(`/fund/applications/${a.id}`);
    },
  });
  const errors = fieldErrorsOf(send.error);
  const coops = abilities.adminOfCoops;
  if (coops.length === 0) return <NoAccess />;
  const chosen = coopId || coops[0]!;

  const submit = () => {
    const parsed = parseMoney(amount);
    if (!parsed.ok || parsed.cents === null || parsed.cents <= 0) {
      setAmountError(t('fund.apply.amountInvalid'));
      return;
    }
    setAmountError(null);
    const input: ApplicationInput = {
      coopId: chosen,
      kind,
      amountCents: parsed.cents,
      purpose: purpose.trim(),
      plan: plan.trim(),
      hideRecipient,
    };
    if (kind === 'loan') {
      // The yearly rate is typed as a percent with up to two decimals: 1.5 → 150 hundredths of a percent.
      const basisPoints = parseDecimalCents(rate);
      const term = Number(termMonths);
      const grace = Number(graceMonths);
      if (!basisPoints.ok || !Number.isInteger(term) || term < 1 || !Number.isInteger(grace) || grace < 0) {
        setTermsError(t('fund.apply.termsInvalid'));
        return;
      }
      setTermsError(null);
      input.loan = { termMonths: term, rateBasisPoints: basisPoints.cents ?? 0, graceMonths: grace, schedule };
      if (schedule === 'revenue_share') {
        // The share is typed as a percent of each month's revenue: 5 → 500 hundredths of a percent.
        const shareBasisPoints = parseDecimalCents(share);
        if (!shareBasisPoints.ok || !shareBasisPoints.cents || shareBasisPoints.cents > 10_000) {
          setTermsError(t('fund.apply.shareInvalid'));
          return;
        }
        input.loan.shareBasisPoints = shareBasisPoints.cents;
      }
      if (repayment.trim()) input.repayment = repayment.trim();
    }
    send.mutate(input);
  };

  return (
    <Stack gap="lg" maw={640}>
      <Stack gap="xs">
        <Anchor component={Link} to="/fund/applications" size="sm">
          {t('fund.apply.back')}
        </Anchor>
        <Title order={1}>{t('fund.apply.title')}</Title>
        <Text>{t('fund.apply.intro')}</Text>
      </Stack>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <Stack gap="md">
          <CoopChoice coops={coops} chosen={chosen} onChange={setCoopId} />
          <NativeSelect
            label={t('fund.apply.kind')}
            value={kind}
            onChange={(e) => setKind(e.currentTarget.value as (typeof KINDS)[number])}
            data={KINDS.map((k) => ({ value: k, label: t(`fund.applicationKinds.${k}`) }))}
            description={t(`fund.apply.kindHelp.${kind}`)}
          />
          <TextInput
            label={t('fund.apply.amount', { currency: network ? currencySymbol(network.currency, i18n.language) : '' })}
            inputMode="decimal"
            required
            value={amount}
            onChange={(e) => setAmount(e.currentTarget.value)}
            error={amountError ?? errors.amountCents}
          />
          <Textarea
            label={t('fund.apply.purpose')}
            description={t('fund.apply.purposeHelp')}
            required
            autosize
            minRows={2}
            maxLength={1000}
            value={purpose}
            onChange={(e) => setPurpose(e.currentTarget.value)}
            error={errors.purpose}
          />
          <Textarea
            label={t('fund.apply.plan')}
            description={t('fund.apply.planHelp')}
            required
            autosize
            minRows={4}
            maxLength={4000}
            value={plan}
            onChange={(e) => setPlan(e.currentTarget.value)}
            error={errors.plan}
          />
          {kind === 'loan' && (
            <Stack gap="md">
              <Group grow align="flex-start">
                <TextInput
                  label={t('fund.apply.termMonths')}
                  inputMode="numeric"
                  required
                  value={termMonths}
                  onChange={(e) => setTermMonths(e.currentTarget.value)}
                  error={errors['loan.termMonths']}
                />
                <TextInput
                  label={t('fund.apply.graceMonths')}
                  inputMode="numeric"
                  value={graceMonths}
                  onChange={(e) => setGraceMonths(e.currentTarget.value)}
                  error={errors['loan.graceMonths']}
                />
              </Group>
              <TextInput
                label={t('fund.apply.rate')}
                description={t('fund.apply.rateHelp')}
                inputMode="decimal"
                value={rate}
                onChange={(e) => setRate(e.currentTarget.value)}
                error={errors['loan.rateBasisPoints']}
              />
              <NativeSelect
                label={t('fund.apply.schedule')}
                value={schedule}
                onChange={(e) => setSchedule(e.currentTarget.value as (typeof SCHEDULES)[number])}
                data={SCHEDULES.map((s) => ({ value: s, label: t(`fund.schedules.${s}`) }))}
              />
              {schedule === 'revenue_share' && (
                <TextInput
                  label={t('fund.apply.share')}
                  description={t('fund.apply.shareHelp')}
                  inputMode="decimal"
                  required
                  value={share}
                  onChange={(e) => setShare(e.currentTarget.value)}
                  error={errors['loan.shareBasisPoints']}
                />
              )}
              <Textarea
                label={t('fund.apply.repayment')}
                autosize
                minRows={2}
                maxLength={2000}
                value={repayment}
                onChange={(e) => setRepayment(e.currentTarget.value)}
                error={errors.repayment}
              />
              {termsError && (
                <Text c="red.8" size="sm" role="alert">
                  {termsError}
                </Text>
              )}
            </Stack>
          )}
          <Checkbox
            label={t('fund.apply.hideRecipient')}
            checked={hideRecipient}
            onChange={(e) => setHideRecipient(e.currentTarget.checked)}
          />
          {send.error && <ErrorAlert error={send.error} />}
          <Button type="submit" loading={send.isPending} style={{ alignSelf: 'flex-start' }}>
            {t('fund.apply.send')}
          </Button>
        </Stack>
      </form>
    </Stack>
  );
}

/** The co-op applying: named when the admin has one; chosen when they are admin of several (only member co-ops apply). */
function CoopChoice({ coops, chosen, onChange }: { coops: string[]; chosen: string; onChange: (id: string) => void }) {
  const { t } = useTranslation();
  const members = useQuery({
    queryKey: ['coops', 'list', 'names'],
    queryFn: ({ signal }) =>
      api<{ items: { id: string; name: string }[] }>('/coops', { query: { limit: 100 }, signal }),
  });
  const name = (id: string) => members.data?.items.find((c) => c.id === id)?.name ?? '…';
  if (coops.length === 1) return <Text>{t('fund.apply.for', { coop: name(chosen) })}</Text>;
  return (
    <NativeSelect
      label={t('fund.apply.coop')}
      value={chosen}
      onChange={(e) => onChange(e.currentTarget.value)}
      data={coops.map((id) => ({ value: id, label: name(id) }))}
    />
  );
}
