import { Button, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { useSignInRequest } from './auth.api.ts';
import { AuthCard } from './AuthCard.tsx';

/** The link from the sign-up mail: one click makes the supporter account and signs in. */
export function SignUpConfirmPage() {
  const { token = '' } = useParams();
  const { t } = useTranslation();
  usePageTitle(t('signUp.confirmTitle'));
  const navigate = useNavigate();
  const confirm = useSignInRequest<{ token: string }>('/auth/signup/confirm');
  return (
    <AuthCard title={t('signUp.confirmTitle')}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          confirm.mutate({ token }, { onSuccess: () => void navigate('/dashboard', { replace: true }) });
        }}
      >
        <Stack gap="sm">
          <Text>{t('signUp.confirmIntro')}</Text>
          <ErrorAlert error={confirm.error} />
          <Button type="submit" loading={confirm.isPending} fullWidth>
            {t('signUp.confirm')}
          </Button>
        </Stack>
      </form>
    </AuthCard>
  );
}
