import {
  Button,
  Checkbox,
  Fieldset,
  Group,
  Modal,
  NativeSelect,
  Radio,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type ChangeEvent, type CSSProperties, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from '../../api/client.ts';
import { useSectorNames } from '../network/sectors.api.ts';
import { currencySymbol } from './money.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import {
  emptyOfferValues,
  type FieldProblems,
  offerInputFrom,
  type OfferField,
  type OfferFormValues,
  serverFieldProblems,
  valuesFromOffer,
} from './offerFormValues.ts';
import { type Offer, type OfferInput, offersKey } from './offers.api.ts';
import { useOfferWords } from './offerWords.ts';

interface OfferFormProps {
  coopId: string;
  /** the offer to edit; null for a new one */
  offer: Offer | null;
  onClose: () => void;
  onSaved: (offer: Offer, created: boolean) => void;
}

/** Create or edit an offer, in a dialog (full screen on a phone). Only the fields of the chosen kind are shown. */
export function OfferForm({ coopId, offer, onClose, onSaved }: OfferFormProps) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const words = useOfferWords();
  const phone = useMediaQuery('(max-width: 36em)');
  const sectors = useSectorNames();
  const [values, setValues] = useState<OfferFormValues>(() => (offer ? valuesFromOffer(offer) : emptyOfferValues));
  const [problems, setProblems] = useState<FieldProblems>({});
  const symbol = currencySymbol(words.currency, i18n.language);

  const save = useMutation({
    mutationFn: (input: OfferInput) =>
      offer
        ? api<Offer>(`/offers/${offer.id}`, { method: 'PATCH', body: input })
        : api<Offer>(`/coops/${coopId}/offers`, { method: 'POST', body: input }),
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: offersKey });
      onSaved(saved, !offer);
    },
  });

  const server = serverFieldProblems(save.error);
  /** What to say under a field: our own check first, then the server's, in words the admin can act on. */
  const errorOf = (field: OfferField): string | undefined => {
    const mine = problems[field];
    if (mine) return t(`offers.form.problem.${mine}`);
    const theirs = server[field];
    if (!theirs) return undefined;
    // offers.invalid: a rule between fields (the server names the one to correct); otherwise a field's own bounds.
    const kind = save.error instanceof ApiError && save.error.code === 'offers.invalid' ? 'rule' : 'invalid';
    return t(`offers.form.${kind}.${field}`, { defaultValue: theirs });
  };
  // A refusal the form can point at is shown there; anything else above the buttons.
  const generalError = save.error && Object.keys(server).length === 0 ? save.error : null;

  const set = <K extends keyof OfferFormValues>(key: K, value: OfferFormValues[K]) => {
    setValues((v) => ({ ...v, [key]: value }));
  };
  const text = (key: keyof OfferFormValues) => ({
    value: values[key] as string,
    onChange: (e: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => set(key, e.currentTarget.value as never),
  });
  const moneyLabel = (key: string) => t(key, { symbol });

  // The network's sectors, and any the offer names that the list no longer holds (shown so they can be unticked).
  const sectorChoices = [
    ...sectors.choices,
    ...values.sectors.filter((s) => !sectors.choices.some((c) => c.value === s)).map((s) => ({ value: s, label: s })),
  ];

  return (
    <Modal
      opened
      onClose={onClose}
      title={offer ? t('offers.form.editTitle', { title: offer.title }) : t('offers.form.newTitle')}
      size="lg"
      fullScreen={phone}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form
        noValidate
        // Mantine's error red (shade 6) is under 4.5:1 on white; shade 9 is not.
        style={{ '--mantine-color-error': 'var(--mantine-color-red-9)' } as CSSProperties}
        onSubmit={(e) => {
          e.preventDefault();
          save.reset();
          const r = offerInputFrom(values);
          setProblems(r.ok ? {} : r.problems);
          if (r.ok) save.mutate(r.input);
        }}
      >
        <Stack gap="md">
          <TextInput label={t('offers.form.title')} required maxLength={120} error={errorOf('title')} {...text('title')} />

          <Radio.Group
            label={t('offers.form.kind')}
            value={values.kind}
            onChange={(k) => set('kind', k as OfferFormValues['kind'])}
            error={errorOf('kind')}
          >
            <Group gap="lg" mt={6}>
              <Radio value="percent" label={t('offers.form.kindPercent')} />
              <Radio value="amount" label={t('offers.form.kindAmount')} />
              <Radio value="free_item" label={t('offers.form.kindFreeItem')} />
            </Group>
          </Radio.Group>

          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            {values.kind === 'percent' && (
              <>
                <TextInput
                  label={t('offers.form.percent')}
                  inputMode="numeric"
                  required
                  rightSection={<span aria-hidden>%</span>}
                  error={errorOf('percent')}
                  {...text('percent')}
                />
                <TextInput
                  label={moneyLabel('offers.form.maxDiscount')}
                  description={t('offers.form.optional')}
                  inputMode="decimal"
                  error={errorOf('maxDiscountCents')}
                  {...text('maxDiscount')}
                />
              </>
            )}
            {values.kind === 'amount' && (
              <TextInput
                label={moneyLabel('offers.form.amount')}
                inputMode="decimal"
                required
                error={errorOf('amountCents')}
                {...text('amount')}
              />
            )}
            {values.kind === 'free_item' && (
              <>
                <TextInput label={t('offers.form.item')} required maxLength={120} error={errorOf('item')} {...text('item')} />
                <TextInput
                  label={moneyLabel('offers.form.itemValue')}
                  inputMode="decimal"
                  required
                  error={errorOf('amountCents')}
                  {...text('amount')}
                />
              </>
            )}
            <TextInput
              label={moneyLabel('offers.form.minSale')}
              description={t('offers.form.optional')}
              inputMode="decimal"
              error={errorOf('minSaleCents')}
              {...text('minSale')}
            />
          </SimpleGrid>

          <Fieldset legend={t('offers.form.who')}>
            <Stack gap="xs">
              <Checkbox
                label={t('offers.form.forWorkers')}
                checked={values.forWorkers}
                onChange={(e) => set('forWorkers', e.currentTarget.checked)}
              />
              <Checkbox
                label={t('offers.form.forSupporters')}
                checked={values.forSupporters}
                onChange={(e) => set('forSupporters', e.currentTarget.checked)}
              />
              {(errorOf('forWorkers') ?? errorOf('forSupporters')) && (
                <Text c="red.9" size="sm" role="alert">
                  {errorOf('forWorkers') ?? errorOf('forSupporters')}
                </Text>
              )}
              {values.forWorkers && sectorChoices.length > 0 && (
                <Checkbox.Group
                  label={t('offers.form.sectors')}
                  description={t('offers.form.sectorsHint')}
                  value={values.sectors}
                  onChange={(s) => set('sectors', s)}
                  error={errorOf('sectors')}
                  mt="xs"
                >
                  <SimpleGrid cols={{ base: 2, sm: 3 }} spacing="xs" mt={6}>
                    {sectorChoices.map((s) => (
                      <Checkbox key={s.value} value={s.value} label={s.label} />
                    ))}
                  </SimpleGrid>
                </Checkbox.Group>
              )}
            </Stack>
          </Fieldset>

          <Fieldset legend={t('offers.form.personLimit')}>
            <Stack gap="sm">
              <NativeSelect
                label={t('offers.form.limitPeriod')}
                value={values.limitPeriod}
                data={[
                  { value: '', label: t('offers.form.noLimit') },
                  { value: 'day', label: t('offers.form.perDay') },
                  { value: 'week', label: t('offers.form.perWeek') },
                  { value: 'month', label: t('offers.form.perMonth') },
                ]}
                onChange={(e) => set('limitPeriod', e.currentTarget.value as OfferFormValues['limitPeriod'])}
                error={errorOf('limitPeriod')}
                maw={{ base: '100%', sm: 'calc(50% - var(--mantine-spacing-md) / 2)' }}
              />
              {values.limitPeriod !== '' && (
                <>
                  <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
                    <TextInput
                      label={t('offers.form.limitCount')}
                      inputMode="numeric"
                      error={errorOf('limitCount')}
                      {...text('limitCount')}
                    />
                    <TextInput
                      label={moneyLabel('offers.form.limitAmount')}
                      inputMode="decimal"
                      error={errorOf('limitCents')}
                      {...text('limitAmount')}
                    />
                  </SimpleGrid>
                  <Text size="sm">{t('offers.form.limitHint')}</Text>
                </>
              )}
            </Stack>
          </Fieldset>

          <Fieldset legend={t('offers.form.cap')}>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
              <TextInput label={t('offers.form.capCount')} inputMode="numeric" error={errorOf('capCount')} {...text('capCount')} />
              <TextInput
                label={moneyLabel('offers.form.capAmount')}
                inputMode="decimal"
                error={errorOf('capCents')}
                {...text('capAmount')}
              />
            </SimpleGrid>
            <Text size="sm" mt="xs">
              {t('offers.form.capHint')}
            </Text>
          </Fieldset>

          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <TextInput type="date" label={t('offers.form.validFrom')} error={errorOf('validFrom')} {...text('validFrom')} />
            <TextInput type="date" label={t('offers.form.validUntil')} error={errorOf('validUntil')} {...text('validUntil')} />
          </SimpleGrid>

          <Textarea
            label={t('offers.form.terms')}
            description={t('offers.form.termsHint')}
            autosize
            minRows={3}
            maxLength={2000}
            error={errorOf('terms')}
            {...text('terms')}
          />

          {Object.keys(problems).length > 0 && (
            <Text c="red.9" role="alert">
              {t('offers.form.checkFields')}
            </Text>
          )}
          {Object.keys(server).length > 0 && (
            <Text c="red.9" role="alert">
              {t('offers.form.serverRefused')}
            </Text>
          )}
          <ErrorAlert error={generalError} />

          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {offer ? t('offers.form.save') : t('offers.form.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
