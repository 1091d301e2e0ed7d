import type { JoinInput, Venture } from '@coopnet/contract/ventures';
import { Anchor, Button, Fieldset, NativeSelect, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { fieldErrorsOf } from '../../api/errors.ts';
import { useSession } from '../../api/session.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { useSectorNames } from '../network/sectors.api.ts';
import { useVentureChange } from './ventures.api.ts';

/**
 * Joining the network: a launched venture's team sends the co-op's
 * application, prefilled with the venture's facts, and the network's
 * admission vote decides it; then the venture is a member co-op.
 */
export function JoinSection({ venture: v }: { venture: Venture }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  if (v.coop?.status === 'member')
    return (
      <section aria-labelledby="venture-join">
        <Title order={2} id="venture-join" mb="xs">
          {t('ventures.join.title')}
        </Title>
        <Text>
          {t('ventures.join.member')}{' '}
          <Anchor component={Link} to={`/coops/${v.coop.slug}`}>
            {t('ventures.join.coopPage')}
          </Anchor>
        </Text>
      </section>
    );
  if (v.coop?.status === 'applicant')
    return (
      <section aria-labelledby="venture-join">
        <Title order={2} id="venture-join" mb="xs">
          {t('ventures.join.title')}
        </Title>
        <Text>{t('ventures.join.applied')}</Text>
      </section>
    );
  if (!v.abilities.applyToJoin) return null;
  return (
    <section aria-labelledby="venture-join">
      <Title order={2} id="venture-join" mb="xs">
        {t('ventures.join.title')}
      </Title>
      <Text mb="sm">{t('ventures.join.intro')}</Text>
      {open ? (
        <JoinForm venture={v} onCancel={() => setOpen(false)} />
      ) : (
        <Button onClick={() => setOpen(true)}>{t('ventures.join.start')}</Button>
      )}
    </section>
  );
}

function JoinForm({ venture: v, onCancel }: { venture: Venture; onCancel: () => void }) {
  const { t } = useTranslation();
  const session = useSession();
  const sectors = useSectorNames();
  const send = useVentureChange(v.id);
  const person = session.data?.person;
  const [form, setForm] = useState({
    sector: v.sector ?? '',
    legalForm: '',
    address: '',
    city: '',
    workerCount: String(v.team.length),
    contactName: person?.displayName ?? '',
    contactEmail: person?.email ?? '',
    message: '',
  });
  const errors = fieldErrorsOf(send.error);
  const field = (key: keyof typeof form) => ({
    value: form[key],
    onChange: (e: { currentTarget: { value: string } }) => setForm({ ...form, [key]: e.currentTarget.value }),
    error: errors[key],
  });
  const submit = () => {
    const body: JoinInput = {
      ...(form.sector && { sector: form.sector }),
      legalForm: form.legalForm.trim(),
      address: form.address.trim(),
      city: form.city.trim(),
      workerCount: Number(form.workerCount),
      contactName: form.contactName.trim(),
      contactEmail: form.contactEmail.trim(),
      message: form.message.trim(),
    };
    send.mutate({ path: '/application', body });
  };
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <Stack gap="md">
        <Fieldset legend={t('ventures.join.coop', { name: v.name })}>
          <Stack gap="sm">
            <Text size="sm">{t('ventures.join.prefilled')}</Text>
            <NativeSelect
              label={t('ventures.fields.sector')}
              required
              data={[{ value: '', label: '—' }, ...sectors.choices]}
              {...field('sector')}
            />
            <TextInput label={t('ventures.join.legalForm')} required maxLength={60} {...field('legalForm')} />
            <TextInput label={t('ventures.join.address')} required maxLength={200} {...field('address')} />
            <TextInput label={t('ventures.join.city')} required maxLength={80} {...field('city')} />
            <TextInput label={t('ventures.join.workerCount')} required inputMode="numeric" {...field('workerCount')} />
          </Stack>
        </Fieldset>
        <Fieldset legend={t('ventures.join.contact')}>
          <Stack gap="sm">
            <TextInput label={t('ventures.join.contactName')} required maxLength={120} {...field('contactName')} />
            <TextInput label={t('ventures.join.contactEmail')} type="email" required {...field('contactEmail')} />
            <Textarea label={t('ventures.join.message')} autosize minRows={3} maxLength={4000} {...field('message')} />
          </Stack>
        </Fieldset>
        {send.error && <ErrorAlert error={send.error} />}
        <Stack gap="xs" style={{ alignItems: 'flex-start' }}>
          <Button type="submit" loading={send.isPending}>
            {t('ventures.join.send')}
          </Button>
          <Button variant="subtle" onClick={onCancel}>
            {t('ventures.cancel')}
          </Button>
        </Stack>
      </Stack>
    </form>
  );
}
