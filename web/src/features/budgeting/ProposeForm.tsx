import { parseDecimalCents } from '@coopnet/domain/money/decimal';
import { Button, NativeSelect, Stack, TextInput, Textarea, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { useProgrammes } from '../programmes/programmes.api.ts';
import { usePropose } from './budgeting.api.ts';

/** A member proposes a project during the proposal period: a title, what it does, a minimum and a maximum. */
export function ProposeForm({ roundId }: { roundId: string }) {
  const { t } = useTranslation();
  const propose = usePropose(roundId);
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [minimum, setMinimum] = useState('');
  const [maximum, setMaximum] = useState('');
  const [programmeId, setProgrammeId] = useState('');
  const programmes = useProgrammes();
  const min = parseDecimalCents(minimum);
  const max = parseDecimalCents(maximum);

  function submit(e: FormEvent) {
    e.preventDefault();
    if (!min.ok || !max.ok) return;
    propose.mutate(
      {
        title,
        description,
        minimumCents: min.cents ?? 0,
        maximumCents: max.cents ?? 0,
        programmeId: programmeId || null,
      },
      {
        onSuccess: () => {
          setTitle('');
          setDescription('');
          setMinimum('');
          setMaximum('');
          setProgrammeId('');
        },
      },
    );
  }

  return (
    <section aria-labelledby="propose-heading">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Title order={2} id="propose-heading">
            {t('budgeting.propose.heading')}
          </Title>
          <TextInput
            label={t('budgeting.propose.title')}
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
            maxLength={120}
            required
          />
          <Textarea
            label={t('budgeting.propose.description')}
            value={description}
            onChange={(e) => setDescription(e.currentTarget.value)}
            maxLength={2000}
            autosize
            minRows={3}
            required
          />
          <TextInput
            label={t('budgeting.propose.minimum')}
            inputMode="decimal"
            value={minimum}
            onChange={(e) => setMinimum(e.currentTarget.value)}
            error={min.ok ? undefined : t('budgeting.propose.amountFormat')}
            required
          />
          <TextInput
            label={t('budgeting.propose.maximum')}
            inputMode="decimal"
            value={maximum}
            onChange={(e) => setMaximum(e.currentTarget.value)}
            error={max.ok ? undefined : t('budgeting.propose.amountFormat')}
            required
          />
          <NativeSelect
            label={t('budgeting.propose.programme')}
            value={programmeId}
            onChange={(e) => setProgrammeId(e.currentTarget.value)}
            data={[
              { value: '', label: t('budgeting.propose.noProgramme') },
              ...(programmes.data?.items ?? []).map((p) => ({ value: p.id, label: p.name })),
            ]}
          />
          {propose.error && <ErrorAlert error={propose.error} />}
          <Button type="submit" loading={propose.isPending} style={{ alignSelf: 'flex-start' }}>
            {t('budgeting.propose.submit')}
          </Button>
        </Stack>
      </form>
    </section>
  );
}
