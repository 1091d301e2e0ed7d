import type { Ok } from '@coopnet/contract/common';
import { Button } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { api, rememberCsrfToken } from '../api/client.ts';
import { refreshAfterAuthChange, useSession } from '../api/session.ts';
import { forgetSaved } from '../features/card/cardStore.ts';

/** "Sign in" for visitors, "Sign out" for signed-in people. */
export function AuthButton({ fullWidth = false }: { fullWidth?: boolean }) {
  const { t } = useTranslation();
  const { data: session } = useSession();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const signOut = useMutation({
    mutationFn: () => api<Ok>('/auth/logout', { method: 'POST' }),
    onSettled: async () => {
      rememberCsrfToken(null);
      forgetSaved(); // the member card kept on this device for offline use goes with its holder
      // Synchronously, so the signed-in page is gone before the session turns signed-out (else it
      // would send the visitor to sign in again).
      await navigate('/', { flushSync: true });
      await refreshAfterAuthChange(queryClient);
    },
  });
  if (session?.person) {
    return (
      <Button variant="default" fullWidth={fullWidth} loading={signOut.isPending} onClick={() => signOut.mutate()}>
        {t('nav.signOut')}
      </Button>
    );
  }
  return (
    <Button component={Link} to="/sign-in" fullWidth={fullWidth}>
      {t('nav.signIn')}
    </Button>
  );
}
