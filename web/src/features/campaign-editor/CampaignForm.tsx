import type { CampaignEdit } from '@coopnet/contract/campaign-editing';
import type { CampaignInput } from '@coopnet/contract/campaigns';
import type { Page } from '@coopnet/contract/common';
import type { Coop } from '@coopnet/contract/coops';
import { parseDecimalCents } from '@coopnet/domain/money/decimal';
import {
  Button,
  Checkbox,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { fieldErrorsOf } from '../../api/errors.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { useFund } from '../fund/fund.api.ts';
import { Story } from '../campaigns/Story.tsx';

/** The form's fields as typed: amounts as text in the currency, suggested amounts separated by spaces or semicolons. */
export interface CampaignFields {
  slug: string;
  title: string;
  summary: string;
  story: string;
  goal: string;
  deadline: string;
  suggested: string;
  freeAmount: boolean;
  minimum: string;
  subFund: string;
  ownerKind: 'network' | 'coop' | 'group';
  ownerCoopId: string;
  ownerName: string;
  beneficiaryPrivate: string;
}

const centsText = (cents: number) => (cents / 100).toFixed(2);
export const fieldsOf = (c: {
  slug: string;
  title: string;
  summary: string;
  story: string;
  goalCents: number;
  deadline: string;
  suggestedCents: number[];
  freeAmount: boolean;
  minimumCents: number;
  subFund: string;
  ownerKind: 'network' | 'coop' | 'group';
  ownerCoopId: string | null;
  ownerName: string;
  beneficiaryPrivate: string | null;
}): CampaignFields => ({
  ...c,
  goal: centsText(c.goalCents),
  suggested: c.suggestedCents.map(centsText).join('; '),
  minimum: centsText(c.minimumCents),
  ownerCoopId: c.ownerCoopId ?? '',
  beneficiaryPrivate: c.beneficiaryPrivate ?? '',
});

export const emptyFields: CampaignFields = {
  slug: '',
  title: '',
  summary: '',
  story: '',
  goal: '',
  deadline: '',
  suggested: '',
  freeAmount: true,
  minimum: '1.00',
  subFund: 'emergency',
  ownerKind: 'network',
  ownerCoopId: '',
  ownerName: '',
  beneficiaryPrivate: '',
};

type Amounts = { goalCents: number; suggestedCents: number[]; minimumCents: number };

/** The typed amounts in cents, or the name of the field that is not an amount. */
function amountsOf(f: CampaignFields): Amounts | { bad: 'goal' | 'suggested' | 'minimum' } {
  const goal = parseDecimalCents(f.goal);
  if (!goal.ok || !goal.cents) return { bad: 'goal' };
  const minimum = parseDecimalCents(f.minimum || '0');
  if (!minimum.ok) return { bad: 'minimum' };
  const suggestedCents: number[] = [];
  for (const part of f.suggested.split(/[;\s]+/).filter(Boolean)) {
    const p = parseDecimalCents(part);
    if (!p.ok || !p.cents) return { bad: 'suggested' };
    suggestedCents.push(p.cents);
  }
  return { goalCents: goal.cents, suggestedCents, minimumCents: minimum.cents ?? 0 };
}

export const inputOf = (f: CampaignFields, a: Amounts): CampaignInput => ({
  slug: f.slug.trim(),
  ownerKind: f.ownerKind,
  ...(f.ownerKind === 'coop' && f.ownerCoopId ? { ownerCoopId: f.ownerCoopId } : {}),
  ownerName: f.ownerName,
  beneficiaryPrivate: f.beneficiaryPrivate,
  title: f.title,
  summary: f.summary,
  story: f.story,
  goalCents: a.goalCents,
  deadline: f.deadline,
  subFund: f.subFund,
  suggestedCents: a.suggestedCents,
  freeAmount: f.freeAmount,
  minimumCents: a.minimumCents,
});

export const editOf = (f: CampaignFields, a: Amounts, owner: boolean): CampaignEdit => ({
  title: f.title,
  summary: f.summary,
  story: f.story,
  goalCents: a.goalCents,
  deadline: f.deadline,
  suggestedCents: a.suggestedCents,
  freeAmount: f.freeAmount,
  minimumCents: a.minimumCents,
  ...(owner
    ? {
        ownerKind: f.ownerKind,
        ownerCoopId: f.ownerKind === 'coop' && f.ownerCoopId ? f.ownerCoopId : null,
        ownerName: f.ownerName,
        beneficiaryPrivate: f.beneficiaryPrivate,
      }
    : {}),
});

const useCoops = (enabled: boolean) =>
  useQuery({
    queryKey: ['coops', 'all-names'],
    queryFn: ({ signal }) => api<Page<Coop>>('/coops', { query: { limit: 1000, offset: 0 }, signal }),
    enabled,
  });

/**
 * A campaign's fields, with the story's preview beside it rendered by the
 * public page's own `Story` (marked, then DOMPurify): what the preview
 * shows is what visitors will see.
 */
export function CampaignForm({
  initial,
  isNew,
  canChangeOwner,
  saving,
  error,
  onSave,
  storyExtra,
}: {
  initial: CampaignFields;
  isNew: boolean;
  canChangeOwner: boolean;
  saving: boolean;
  error: unknown;
  onSave: (fields: CampaignFields, amounts: Amounts) => void;
  /** under the story: the images to put in it */
  storyExtra?: (insert: (markdown: string) => void) => ReactNode;
}) {
  const { t, i18n } = useTranslation();
  const [f, setF] = useState(initial);
  const [amountError, setAmountError] = useState<'goal' | 'suggested' | 'minimum' | null>(null);
  const set = <K extends keyof CampaignFields>(key: K, value: CampaignFields[K]) =>
    setF((old) => ({ ...old, [key]: value }));
  const fund = useFund();
  const coops = useCoops(canChangeOwner);
  const errors = fieldErrorsOf(error);
  const insert = (markdown: string) => set('story', `${f.story.trimEnd()}\n\n${markdown}\n`.trimStart());

  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const a = amountsOf(f);
        if ('bad' in a) {
          setAmountError(a.bad);
          return;
        }
        setAmountError(null);
        onSave(f, a);
      }}
    >
      <Stack gap="md">
        {isNew && (
          <TextInput
            label={t('campaignEditor.slug')}
            description={t('campaignEditor.slugHelp')}
            required
            value={f.slug}
            onChange={(e) => set('slug', e.currentTarget.value.toLowerCase())}
            error={errors.slug}
          />
        )}
        <TextInput
          label={t('campaignEditor.fieldTitle')}
          required
          maxLength={200}
          value={f.title}
          onChange={(e) => set('title', e.currentTarget.value)}
          error={errors.title}
        />
        <Textarea
          label={t('campaignEditor.summary')}
          description={t('campaignEditor.summaryHelp')}
          required
          autosize
          minRows={2}
          maxLength={500}
          value={f.summary}
          onChange={(e) => set('summary', e.currentTarget.value)}
          error={errors.summary}
        />
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
          <div style={{ minWidth: 0 }}>
            <Stack gap="xs">
              <Textarea
                label={t('campaignEditor.story')}
                description={t('campaignEditor.storyHelp')}
                autosize
                minRows={8}
                maxRows={24}
                value={f.story}
                onChange={(e) => set('story', e.currentTarget.value)}
                error={errors.story}
                styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
              />
              {storyExtra?.(insert)}
            </Stack>
          </div>
          <div style={{ minWidth: 0 }}>
            <section aria-labelledby="story-preview">
              <Title order={2} size="h4" id="story-preview" mb="xs">
                {t('campaignEditor.preview')}
              </Title>
              <Paper withBorder p="sm" data-testid="story-preview" style={{ overflowWrap: 'anywhere' }}>
                {f.story.trim() ? (
                  <Story markdown={f.story} />
                ) : (
                  <Text c="dimmed">{t('campaignEditor.previewEmpty')}</Text>
                )}
              </Paper>
            </section>
          </div>
        </SimpleGrid>
        <TextInput
          label={t('campaignEditor.goal')}
          inputMode="decimal"
          required
          value={f.goal}
          onChange={(e) => set('goal', e.currentTarget.value)}
          error={amountError === 'goal' ? t('campaignEditor.amountInvalid') : errors.goalCents}
        />
        <TextInput
          label={t('campaignEditor.deadline')}
          type="date"
          required
          value={f.deadline}
          onChange={(e) => set('deadline', e.currentTarget.value)}
          error={errors.deadline}
        />
        <TextInput
          label={t('campaignEditor.suggested')}
          description={t('campaignEditor.suggestedHelp')}
          inputMode="decimal"
          value={f.suggested}
          onChange={(e) => set('suggested', e.currentTarget.value)}
          error={amountError === 'suggested' ? t('campaignEditor.amountInvalid') : errors.suggestedCents}
        />
        <Checkbox
          label={t('campaignEditor.freeAmount')}
          checked={f.freeAmount}
          onChange={(e) => set('freeAmount', e.currentTarget.checked)}
        />
        {f.freeAmount && (
          <TextInput
            label={t('campaignEditor.minimum')}
            inputMode="decimal"
            value={f.minimum}
            onChange={(e) => set('minimum', e.currentTarget.value)}
            error={amountError === 'minimum' ? t('campaignEditor.amountInvalid') : errors.minimumCents}
          />
        )}
        {isNew && (
          <NativeSelect
            label={t('campaignEditor.subFund')}
            description={t('campaignEditor.subFundHelp')}
            value={f.subFund}
            onChange={(e) => set('subFund', e.currentTarget.value)}
            data={
              fund.data
                ? fund.data.subFunds.map((s) => ({
                    value: s.code,
                    label: i18n.language.startsWith('es') ? s.names.es : s.names.en,
                  }))
                : [{ value: f.subFund, label: f.subFund }]
            }
          />
        )}
        {canChangeOwner && (
          <fieldset style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
            <Stack gap="md">
              <Title order={2} size="h4" component="legend">
                {t('campaignEditor.owner')}
              </Title>
              <NativeSelect
                label={t('campaignEditor.ownerKind')}
                value={f.ownerKind}
                onChange={(e) => set('ownerKind', e.currentTarget.value as CampaignFields['ownerKind'])}
                data={(['network', 'coop', 'group'] as const).map((k) => ({
                  value: k,
                  label: t(`campaignEditor.ownerKinds.${k}`),
                }))}
              />
              {f.ownerKind === 'coop' && (
                <NativeSelect
                  label={t('campaignEditor.ownerCoop')}
                  required
                  value={f.ownerCoopId}
                  onChange={(e) => {
                    const id = e.currentTarget.value;
                    const coop = coops.data?.items.find((c) => c.id === id);
                    setF((old) => ({ ...old, ownerCoopId: id, ownerName: coop?.name ?? old.ownerName }));
                  }}
                  data={[
                    { value: '', label: t('campaignEditor.chooseCoop') },
                    ...(coops.data?.items ?? []).map((c) => ({ value: c.id, label: c.name })),
                  ]}
                />
              )}
              <TextInput
                label={t('campaignEditor.ownerName')}
                description={t('campaignEditor.ownerNameHelp')}
                required
                maxLength={200}
                value={f.ownerName}
                onChange={(e) => set('ownerName', e.currentTarget.value)}
                error={errors.ownerName}
              />
              <Textarea
                label={t('campaignEditor.beneficiary')}
                description={t('campaignEditor.beneficiaryHelp')}
                autosize
                minRows={2}
                maxLength={2000}
                value={f.beneficiaryPrivate}
                onChange={(e) => set('beneficiaryPrivate', e.currentTarget.value)}
                error={errors.beneficiaryPrivate}
              />
            </Stack>
          </fieldset>
        )}
        {error ? <ErrorAlert error={error} /> : null}
        <Button type="submit" loading={saving} style={{ alignSelf: 'flex-start' }}>
          {isNew ? t('campaignEditor.open') : t('campaignEditor.save')}
        </Button>
      </Stack>
    </form>
  );
}
