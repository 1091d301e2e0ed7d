import type { PasswordChanged } from '@coopnet/contract/auth';
import { Alert, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from '../../api/client.ts';
import { errorText, fieldErrorsOf } from '../../api/errors.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PasswordField } from '../../components/PasswordField.tsx';
import { NewPasswordFields } from '../auth/NewPasswordFields.tsx';

/** Errors the form shows on a field rather than above the button. */
const CURRENT_PASSWORD_ERRORS = new Set(['auth.wrong_password']);
const NEW_PASSWORD_ERRORS = new Set(['auth.same_password']);

/**
 * Changing one's password, signed in: the current one, then the new one twice.
 * The other devices signed in to the account are signed out; this one stays.
 */
export function PasswordSection() {
  const { t } = useTranslation();
  const [currentPassword, setCurrentPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [tried, setTried] = useState(false);
  const change = useMutation({
    mutationFn: () => api<PasswordChanged>('/me/password', { method: 'POST', body: { currentPassword, newPassword } }),
    onSuccess: () => {
      setCurrentPassword('');
      setNewPassword('');
      setConfirm('');
      setTried(false);
    },
  });
  const code = change.error instanceof ApiError ? change.error.code : null;
  const onField = (codes: Set<string>) => (code && codes.has(code) ? errorText(t, change.error) : undefined);
  const fields = fieldErrorsOf(change.error);

  return (
    <section aria-labelledby="password-title">
      <Title order={2} id="password-title" mb="xs">
        {t('account.password.title')}
      </Title>
      <Text mb="md">{t('account.password.intro')}</Text>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          setTried(true);
          if (newPassword !== confirm) return;
          change.mutate();
        }}
      >
        <Stack gap="sm" maw={480}>
          <PasswordField
            label={t('account.password.current')}
            autoComplete="current-password"
            required
            value={currentPassword}
            onChange={(e) => setCurrentPassword(e.currentTarget.value)}
            error={onField(CURRENT_PASSWORD_ERRORS) ?? fields.currentPassword}
          />
          <NewPasswordFields
            password={newPassword}
            confirm={confirm}
            onPassword={setNewPassword}
            onConfirm={setConfirm}
            serverError={onField(NEW_PASSWORD_ERRORS) ?? fields.newPassword}
            showMismatch={tried}
          />
          {!onField(CURRENT_PASSWORD_ERRORS) && !onField(NEW_PASSWORD_ERRORS) && <ErrorAlert error={change.error} />}
          {change.isSuccess && (
            <Alert color="green" variant="outline" role="status">
              {t('account.password.changed', { count: change.data.sessionsEnded })}
            </Alert>
          )}
          <Group>
            <Button type="submit" loading={change.isPending}>
              {t('account.password.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </section>
  );
}
