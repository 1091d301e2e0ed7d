import { Anchor, Button, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { fieldErrorsOf } from '../../api/errors.ts';
import { useSession } from '../../api/session.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PasswordField } from '../../components/PasswordField.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { safeNext, useSignInRequest } from './auth.api.ts';
import { AuthCard } from './AuthCard.tsx';

export function SignInPage() {
  const { t } = useTranslation();
  usePageTitle(t('signIn.title'));
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const { data: session } = useSession();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const login = useSignInRequest<{ email: string; password: string }>('/auth/login');
  const errors = fieldErrorsOf(login.error);

  return (
    <AuthCard title={t('signIn.title')}>
      {session?.person && !login.isPending && !login.isSuccess ? (
        <Stack>
          <Text>{t('signIn.already', { name: session.person.displayName })}</Text>
          <Anchor component={Link} to="/dashboard">
            {t('signIn.toDashboard')}
          </Anchor>
        </Stack>
      ) : (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            login.mutate(
              { email: email.trim(), password },
              { onSuccess: () => void navigate(safeNext(params.get('next')), { replace: true }) },
            );
          }}
        >
          <Stack gap="sm">
            <TextInput
              label={t('signIn.email')}
              type="email"
              autoComplete="username"
              required
              value={email}
              onChange={(e) => setEmail(e.currentTarget.value)}
              error={errors.email}
            />
            <PasswordField
              label={t('signIn.password')}
              autoComplete="current-password"
              required
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
              error={errors.password}
            />
            <ErrorAlert error={login.error} />
            <Button type="submit" loading={login.isPending} fullWidth>
              {t('signIn.submit')}
            </Button>
            <Anchor component={Link} to="/reset-password" size="sm">
              {t('signIn.forgot')}
            </Anchor>
            <Text size="sm">
              {t('signIn.noAccount')}{' '}
              <Anchor component={Link} to="/sign-up">
                {t('signIn.signUp')}
              </Anchor>
            </Text>
          </Stack>
        </form>
      )}
    </AuthCard>
  );
}
