/** The network's shop window as the web app reads it (types only from the contract: no schema in the bundle). */
import type { CoopShowcase, Showcase } from '@coopnet/contract/showcase';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../api/client.ts';

export type { CoopShowcase, Showcase };

/** The home page's figures: kept a minute, the page is the most visited. */
export const showcaseQuery = queryOptions({
  queryKey: ['showcase'],
  queryFn: ({ signal }) => api<Showcase>('/showcase', { signal }),
  staleTime: 60_000,
});

export function useShowcase() {
  return useQuery(showcaseQuery);
}

/** What a co-op gave and what its workers saved at the others. */
export function useCoopShowcase(coopId: string) {
  return useQuery({
    queryKey: ['showcase', 'coop', coopId],
    queryFn: ({ signal }) => api<CoopShowcase>(`/showcase/coops/${encodeURIComponent(coopId)}`, { signal }),
    staleTime: 60_000,
  });
}
