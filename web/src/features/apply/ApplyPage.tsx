import type { Application, ApplicationInput } from '@coopnet/contract/coops';
import { Alert, Anchor, Button, Fieldset, Group, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../api/client.ts';
import { fieldErrorsOf } from '../../api/errors.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { CoopFields, coopProfileFrom, emptyCoopFields, type CoopFieldValues } from '../coops/CoopFields.tsx';

type Contact = Pick<ApplicationInput, 'contactName' | 'contactEmail' | 'message'>;

/** A co-op asks to join the network; no account needed. */
export function ApplyPage() {
  const { t } = useTranslation();
  usePageTitle(t('apply.title'));
  const [coop, setCoop] = useState<CoopFieldValues>(emptyCoopFields);
  const [contact, setContact] = useState<Contact>({ contactName: '', contactEmail: '', message: '' });
  const submit = useMutation({
    mutationFn: () =>
      api<Pick<Application, 'id' | 'status'>>('/applications', {
        method: 'POST',
        body: {
          coop: coopProfileFrom(coop, { withLogo: false, omitBlank: true }),
          contactName: contact.contactName.trim(),
          contactEmail: contact.contactEmail.trim(),
          message: contact.message.trim(),
        },
      }),
    onSuccess: () => window.scrollTo({ top: 0 }),
  });
  const errors = fieldErrorsOf(submit.error);

  if (submit.isSuccess) {
    return (
      <Stack gap="md">
        <Title order={1}>{t('apply.done.title')}</Title>
        <Alert color="green" variant="outline" role="status">
          {t('apply.done.text', { name: coop.name.trim(), email: contact.contactEmail.trim() })}
        </Alert>
        <Group>
          <Anchor component={Link} to="/">
            {t('apply.done.home')}
          </Anchor>
        </Group>
      </Stack>
    );
  }

  const contactField = (key: keyof Contact) => ({
    value: contact[key],
    onChange: (e: { currentTarget: { value: string } }) => setContact({ ...contact, [key]: e.currentTarget.value }),
    error: errors[key],
  });

  return (
    <Stack gap="md" maw={760}>
      <Title order={1}>{t('apply.title')}</Title>
      <Text>{t('apply.intro')}</Text>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          submit.mutate();
        }}
      >
        <Stack gap="lg">
          <Fieldset legend={t('apply.coopLegend')}>
            <Stack gap="sm">
              <CoopFields values={coop} onChange={setCoop} errors={errors} pathPrefix="coop." />
            </Stack>
          </Fieldset>
          <Fieldset legend={t('apply.contactLegend')}>
            <Stack gap="sm">
              <TextInput label={t('apply.contactName')} required autoComplete="name" {...contactField('contactName')} />
              <TextInput
                label={t('apply.contactEmail')}
                type="email"
                required
                autoComplete="email"
                {...contactField('contactEmail')}
              />
              <Textarea label={t('apply.message')} autosize minRows={3} maxRows={10} {...contactField('message')} />
            </Stack>
          </Fieldset>
          <ErrorAlert error={submit.error} />
          <Group>
            <Button type="submit" loading={submit.isPending}>
              {t('apply.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
