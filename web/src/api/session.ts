/** The session and the network: asked once, shared by every page. */
import type { Abilities } from '@coopnet/contract/auth';
import type { Network } from '@coopnet/contract/network';
import { queryOptions, useQuery, type QueryClient } from '@tanstack/react-query';
import { api, fetchSession } from './client.ts';
import { isObject, isStringOrNull, readStored } from './stored.ts';

export const sessionKey = ['session'] as const;
export const networkKey = ['network'] as const;

export const noAbilities: Abilities = {
  manageNetwork: false,
  decideApplications: false,
  readAudit: false,
  readOutbox: false,
  adminOfCoops: [],
  cashierOfCoops: [],
  readReciprocity: false,
};

export const sessionQuery = queryOptions({
  queryKey: sessionKey,
  queryFn: ({ signal }) => fetchSession(signal),
  staleTime: 60_000,
});

export function useSession() {
  return useQuery(sessionQuery);
}

/** Abilities as the server decided them; empty while loading or signed out. */
export function useAbilities(): Abilities {
  const { data } = useSession();
  return { ...noAbilities, ...(data?.abilities ?? {}) };
}

const NETWORK_STORAGE_KEY = 'coopnet.network';

const isFigures = (v: unknown): v is Network['figures'] =>
  isObject(v) && ['memberCoops', 'workers', 'supporters', 'sectors'].every((k) => typeof v[k] === 'number');

const isNetwork = (v: unknown): v is Network =>
  isObject(v) &&
  ['name', 'currency', 'locale', 'timeZone', 'mapTileUrl'].every((k) => typeof v[k] === 'string') &&
  isStringOrNull(v.logoUrl) &&
  isStringOrNull(v.description) &&
  isFigures(v.figures);

/** The network as last seen on this device: its name, currency and time zone stay right offline (card, till). */
const savedNetwork = (): Network | undefined => readStored(NETWORK_STORAGE_KEY, isNetwork) ?? undefined;

async function fetchNetwork(signal: AbortSignal): Promise<Network> {
  const network = await api<Network>('/network', { signal });
  try {
    window.localStorage.setItem(NETWORK_STORAGE_KEY, JSON.stringify(network));
  } catch {
    // private mode or a full storage: offline pages fall back to the defaults
  }
  return network;
}

export const networkQuery = queryOptions({
  queryKey: networkKey,
  queryFn: ({ signal }) => fetchNetwork(signal),
  // Shown at once, then refreshed: initialDataUpdatedAt 0 marks it stale.
  initialData: savedNetwork,
  initialDataUpdatedAt: 0,
  staleTime: 5 * 60_000,
});

export function useNetwork() {
  return useQuery(networkQuery);
}

/** After signing in, out or accepting an invitation: forget what the previous person could see. */
export async function refreshAfterAuthChange(queryClient: QueryClient): Promise<void> {
  queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== 'session' && q.queryKey[0] !== 'network' });
  await queryClient.fetchQuery({ queryKey: sessionKey, queryFn: ({ signal }) => fetchSession(signal), staleTime: 0 });
  void queryClient.invalidateQueries({ queryKey: networkKey });
}
