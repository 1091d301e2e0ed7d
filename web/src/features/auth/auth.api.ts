import type { SignedIn } from '@coopnet/contract/auth';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, rememberCsrfToken } from '../../api/client.ts';
import { refreshAfterAuthChange } from '../../api/session.ts';

/** A request that signs someone in (login, signup, accepting an invitation). */
export function useSignInRequest<V>(path: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: V) => api<SignedIn>(path, { method: 'POST', body }),
    onSuccess: async (res) => {
      rememberCsrfToken(res?.csrfToken ?? null);
      await refreshAfterAuthChange(queryClient);
    },
  });
}

/** Only paths inside this site, so a crafted link cannot send someone elsewhere after signing in. */
export function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') ? next : '/dashboard';
}

export const MIN_PASSWORD = 10;
