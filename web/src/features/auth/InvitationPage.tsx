import { Button, Stack, Text, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { api } from '../../api/client.ts';
import { fieldErrorsOf } from '../../api/errors.ts';
import type { InvitationPreview } from '../../api/types.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { useSignInRequest } from './auth.api.ts';
import { AuthCard } from './AuthCard.tsx';
import { NewPasswordFields } from './NewPasswordFields.tsx';

/** Someone invited to a co-op (or to administer it) sets their name and password and is signed in. */
export function InvitationPage() {
  const { token = '' } = useParams();
  const { t } = useTranslation();
  usePageTitle(t('invitation.title'));
  const navigate = useNavigate();
  const invitation = useQuery({
    queryKey: ['invitation', token],
    queryFn: ({ signal }) => api<InvitationPreview>(`/auth/invitations/${encodeURIComponent(token)}`, { signal }),
    staleTime: Infinity,
  });
  // null until the person types: until then the name the inviter gave is shown.
  const [typedName, setDisplayName] = useState<string | null>(null);
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [tried, setTried] = useState(false);
  const accept = useSignInRequest<{ token: string; password: string; displayName: string }>('/auth/invitations/accept');
  const errors = fieldErrorsOf(accept.error);

  if (invitation.isPending) return <Loading />;
  if (invitation.error || !invitation.data) {
    return (
      <AuthCard title={t('invitation.title')}>
        <ErrorAlert error={invitation.error} />
      </AuthCard>
    );
  }
  const inv = invitation.data;
  const displayName = typedName ?? inv.displayName ?? '';
  return (
    <AuthCard title={t('invitation.title')}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          setTried(true);
          if (password !== confirm) return;
          accept.mutate(
            { token, password, displayName: displayName.trim() },
            { onSuccess: () => void navigate('/dashboard', { replace: true }) },
          );
        }}
      >
        <Stack gap="sm">
          <Text>
            {inv.coopName
              ? t('invitation.toCoop', { coop: inv.coopName, role: t(`roles.${inv.role}`, { defaultValue: inv.role }) })
              : t('invitation.toNetwork', { role: t(`roles.${inv.role}`, { defaultValue: inv.role }) })}
          </Text>
          <TextInput label={t('invitation.email')} value={inv.email} readOnly />
          <TextInput
            label={t('invitation.displayName')}
            autoComplete="name"
            required
            value={displayName}
            onChange={(e) => setDisplayName(e.currentTarget.value)}
            error={errors.displayName}
          />
          <NewPasswordFields
            password={password}
            confirm={confirm}
            onPassword={setPassword}
            onConfirm={setConfirm}
            serverError={errors.password}
            showMismatch={tried}
            label={t('invitation.password')}
          />
          <ErrorAlert error={accept.error} />
          <Button type="submit" loading={accept.isPending} fullWidth>
            {t('invitation.submit')}
          </Button>
        </Stack>
      </form>
    </AuthCard>
  );
}
