import type { ResetDone } from '@coopnet/contract/auth';
import { Alert, Anchor, Button, Stack } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api } from '../../api/client.ts';
import { fieldErrorsOf } from '../../api/errors.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { AuthCard } from './AuthCard.tsx';
import { NewPasswordFields } from './NewPasswordFields.tsx';

/** Set a new password with the token from the reset e-mail. */
export function ResetConfirmPage() {
  const { token = '' } = useParams();
  const { t } = useTranslation();
  usePageTitle(t('resetConfirm.title'));
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [tried, setTried] = useState(false);
  const confirmReset = useMutation({
    mutationFn: () =>
      api<ResetDone>('/auth/password-reset/confirm', {
        method: 'POST',
        body: { token, password },
      }),
  });
  return (
    <AuthCard title={t('resetConfirm.title')}>
      {confirmReset.isSuccess ? (
        <Stack>
          <Alert color="green" variant="outline" role="status">
            {t('resetConfirm.done', { tokens: confirmReset.data?.tokensRevoked ?? 0 })}
          </Alert>
          <Anchor component={Link} to="/sign-in">
            {t('resetConfirm.toSignIn')}
          </Anchor>
        </Stack>
      ) : (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            setTried(true);
            if (password !== confirm) return;
            confirmReset.mutate();
          }}
        >
          <Stack gap="sm">
            <NewPasswordFields
              password={password}
              confirm={confirm}
              onPassword={setPassword}
              onConfirm={setConfirm}
              serverError={fieldErrorsOf(confirmReset.error).password}
              showMismatch={tried}
            />
            <ErrorAlert error={confirmReset.error} />
            <Button type="submit" loading={confirmReset.isPending} fullWidth>
              {t('resetConfirm.submit')}
            </Button>
          </Stack>
        </form>
      )}
    </AuthCard>
  );
}
