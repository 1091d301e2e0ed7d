import type { Ok } from '@coopnet/contract/common';
import { Alert, Anchor, Button, Stack, Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../api/client.ts';
import { fieldErrorsOf } from '../../api/errors.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { AuthCard } from './AuthCard.tsx';

/** Ask for a password-reset link. The answer never tells whether the address has an account. */
export function ResetRequestPage() {
  const { t } = useTranslation();
  usePageTitle(t('reset.title'));
  const [email, setEmail] = useState('');
  const request = useMutation({
    mutationFn: () => api<Ok>('/auth/password-reset', { method: 'POST', body: { email: email.trim() } }),
  });
  return (
    <AuthCard title={t('reset.title')}>
      {request.isSuccess ? (
        <Stack>
          <Alert color="green" variant="outline" role="status">
            {t('reset.sent', { email: email.trim() })}
          </Alert>
          <Anchor component={Link} to="/sign-in">
            {t('reset.backToSignIn')}
          </Anchor>
        </Stack>
      ) : (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            request.mutate();
          }}
        >
          <Stack gap="sm">
            <Text size="sm">{t('reset.intro')}</Text>
            <TextInput
              label={t('reset.email')}
              type="email"
              autoComplete="email"
              required
              value={email}
              onChange={(e) => setEmail(e.currentTarget.value)}
              error={fieldErrorsOf(request.error).email}
            />
            <ErrorAlert error={request.error} />
            <Button type="submit" loading={request.isPending} fullWidth>
              {t('reset.submit')}
            </Button>
          </Stack>
        </form>
      )}
    </AuthCard>
  );
}
