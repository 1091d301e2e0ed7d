import type { Ok } from '@coopnet/contract/common';
import { Alert, Anchor, Button, Stack, Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../api/client.ts';
import { fieldErrorsOf } from '../../api/errors.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PasswordField } from '../../components/PasswordField.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { MIN_PASSWORD } from './auth.api.ts';
import { AuthCard } from './AuthCard.tsx';

/**
 * A community member without a co-op opens a supporter account. The answer is
 * always "check your mail": the link in it confirms the address and signs in
 * (and an address that has an account gets a mail saying so instead).
 */
export function SignUpPage() {
  const { t } = useTranslation();
  usePageTitle(t('signUp.title'));
  const [form, setForm] = useState({ displayName: '', email: '', password: '' });
  const signup = useMutation({
    mutationFn: (body: typeof form) => api<Ok>('/auth/signup', { method: 'POST', body }),
  });
  const errors = fieldErrorsOf(signup.error);
  const set = (key: keyof typeof form) => (e: { currentTarget: { value: string } }) =>
    setForm({ ...form, [key]: e.currentTarget.value });

  if (signup.isSuccess) {
    return (
      <AuthCard title={t('signUp.title')}>
        <Alert color="green" variant="outline" role="status" title={t('signUp.sentTitle')}>
          {t('signUp.sent', { email: signup.variables.email })}
        </Alert>
      </AuthCard>
    );
  }
  return (
    <AuthCard title={t('signUp.title')}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          signup.mutate({ displayName: form.displayName.trim(), email: form.email.trim(), password: form.password });
        }}
      >
        <Stack gap="sm">
          <Text size="sm">{t('signUp.intro')}</Text>
          <TextInput
            label={t('signUp.displayName')}
            autoComplete="name"
            required
            value={form.displayName}
            onChange={set('displayName')}
            error={errors.displayName}
          />
          <TextInput
            label={t('signUp.email')}
            type="email"
            autoComplete="email"
            required
            value={form.email}
            onChange={set('email')}
            error={errors.email}
          />
          <PasswordField
            label={t('signUp.password')}
            description={t('password.hint', { min: MIN_PASSWORD })}
            autoComplete="new-password"
            required
            minLength={MIN_PASSWORD}
            value={form.password}
            onChange={set('password')}
            error={errors.password}
          />
          <ErrorAlert error={signup.error} />
          <Button type="submit" loading={signup.isPending} fullWidth>
            {t('signUp.submit')}
          </Button>
          <Text size="sm">
            {t('signUp.haveAccount')}{' '}
            <Anchor component={Link} to="/sign-in">
              {t('signUp.signIn')}
            </Anchor>
          </Text>
        </Stack>
      </form>
    </AuthCard>
  );
}
