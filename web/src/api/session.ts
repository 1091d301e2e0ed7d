/** The session and the network: asked once, shared by every page. */
import { useQuery, type QueryClient } from '@tanstack/react-query';
import { api, fetchSession } from './client.ts';
import type { Abilities, Network } from './types.ts';

export const sessionKey = ['session'] as const;
export const networkKey = ['network'] as const;

export const noAbilities: Abilities = {
  manageNetwork: false,
  decideApplications: false,
  readAudit: false,
  readOutbox: false,
  adminOfCoops: [],
  cashierOfCoops: [],
};

export function useSession() {
  return useQuery({
    queryKey: sessionKey,
    queryFn: ({ signal }) => fetchSession(signal),
    staleTime: 60_000,
  });
}

/** Abilities as the server decided them; empty while loading or signed out. */
export function useAbilities(): Abilities {
  const { data } = useSession();
  return { ...noAbilities, ...(data?.abilities ?? {}) };
}

export function useNetwork() {
  return useQuery({
    queryKey: networkKey,
    queryFn: ({ signal }) => api<Network>('/network', { signal }),
    staleTime: 5 * 60_000,
  });
}

/** After signing in, out or accepting an invitation: forget what the previous person could see. */
export async function refreshAfterAuthChange(queryClient: QueryClient): Promise<void> {
  queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== 'session' && q.queryKey[0] !== 'network' });
  await queryClient.fetchQuery({ queryKey: sessionKey, queryFn: ({ signal }) => fetchSession(signal), staleTime: 0 });
  void queryClient.invalidateQueries({ queryKey: networkKey });
}
