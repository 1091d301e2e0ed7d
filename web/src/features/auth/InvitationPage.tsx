import type { InvitationView } from '@coopnet/contract/auth';
import { Button, Stack, Text, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { api } from '../../api/client.ts';
import { fieldErrorsOf } from '../../api/errors.ts';
import { useSession } from '../../api/session.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { PasswordField } from '../../components/PasswordField.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { useSignInRequest } from './auth.api.ts';
import { AuthCard } from './AuthCard.tsx';
import { NewPasswordFields } from './NewPasswordFields.tsx';

/**
 * Someone invited to a co-op (or to administer it) sets their name and
 * password and is signed in. An invitation to an address that already has an
 * account is accepted by its owner: signed in as that account, or giving its
 * current password; nothing else about the account changes.
 */
export function InvitationPage() {
  const { token = '' } = useParams();
  const { t } = useTranslation();
  usePageTitle(t('invitation.title'));
  const navigate = useNavigate();
  const invitation = useQuery({
    queryKey: ['invitation', token],
    queryFn: ({ signal }) => api<InvitationView>(`/auth/invitations/${encodeURIComponent(token)}`, { signal }),
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
  if (inv.existingAccount) return <AcceptAsOwner token={token} inv={inv} />;
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
          <Invited inv={inv} />
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

function Invited({ inv }: { inv: InvitationView }) {
  const { t } = useTranslation();
  const role = t(`roles.${inv.role}`, { defaultValue: inv.role });
  return (
    <Text>
      {inv.coopName ? t('invitation.toCoop', { coop: inv.coopName, role }) : t('invitation.toNetwork', { role })}
    </Text>
  );
}

/** The owner of an existing account accepts: signed in as it already, or with its current password. */
function AcceptAsOwner({ token, inv }: { token: string; inv: InvitationView }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const session = useSession();
  const [password, setPassword] = useState('');
  const accept = useSignInRequest<{ token: string; password?: string }>('/auth/invitations/accept');
  const signedInAsOwner = session.data?.person?.email.toLowerCase() === inv.email.toLowerCase();
  return (
    <AuthCard title={t('invitation.title')}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          accept.mutate(signedInAsOwner ? { token } : { token, password }, {
            onSuccess: () => void navigate('/dashboard', { replace: true }),
          });
        }}
      >
        <Stack gap="sm">
          <Invited inv={inv} />
          <Text>{t('invitation.existing')}</Text>
          <TextInput label={t('invitation.email')} value={inv.email} readOnly />
          {signedInAsOwner ? (
            <Text>{t('invitation.signedInAs', { email: inv.email })}</Text>
          ) : (
            <PasswordField
              label={t('invitation.currentPassword')}
              autoComplete="current-password"
              required
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
              error={fieldErrorsOf(accept.error).password}
            />
          )}
          <ErrorAlert error={accept.error} />
          <Button type="submit" loading={accept.isPending} fullWidth>
            {t('invitation.accept')}
          </Button>
        </Stack>
      </form>
    </AuthCard>
  );
}
