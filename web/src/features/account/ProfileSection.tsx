import type { SessionPerson } from '@coopnet/contract/auth';
import { Alert, Button, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { fieldErrorsOf } from '../../api/errors.ts';
import { sessionKey } from '../../api/session.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { LANGUAGES } from '../../i18n/index.ts';

/** The person's own name; their language is the header's switch, which saves it to the account too. */
export function ProfileSection({ person }: { person: SessionPerson }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const [displayName, setDisplayName] = useState(person.displayName);
  const save = useMutation({
    mutationFn: () => api('/me', { method: 'PATCH', body: { displayName: displayName.trim() } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: sessionKey }),
  });
  const language = LANGUAGES.find((l) => l.value === i18n.language)?.label ?? i18n.language;

  return (
    <section aria-labelledby="profile-title">
      <Title order={2} id="profile-title" mb="sm">
        {t('account.profile.title')}
      </Title>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate();
        }}
      >
        <Stack gap="sm" maw={480}>
          <TextInput label={t('account.profile.email')} value={person.email} readOnly />
          <TextInput
            label={t('account.profile.displayName')}
            required
            autoComplete="name"
            value={displayName}
            onChange={(e) => setDisplayName(e.currentTarget.value)}
            error={fieldErrorsOf(save.error).displayName}
          />
          <ErrorAlert error={save.error} />
          {save.isSuccess && (
            <Alert color="green" variant="outline" role="status">
              {t('account.profile.saved')}
            </Alert>
          )}
          <Group>
            <Button type="submit" loading={save.isPending}>
              {t('account.profile.submit')}
            </Button>
          </Group>
          <Text size="sm">{t('account.profile.languageNote', { language })}</Text>
        </Stack>
      </form>
    </section>
  );
}
