import type { Page } from '@coopnet/contract/common';
import type { Coop, CoopListQuery, SectorCounts } from '@coopnet/contract/coops';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../api/client.ts';

/** The directory's search as typed; empty text filters nothing. */
export type CoopFilter = Required<Pick<CoopListQuery, 'q' | 'sector'>>;

export function useCoopList(filter: CoopFilter, limit: number, offset: number) {
  return useQuery({
    queryKey: ['coops', 'list', filter, limit, offset],
    queryFn: ({ signal }) => api<Page<Coop>>('/coops', { query: { ...filter, limit, offset }, signal }),
    placeholderData: keepPreviousData,
  });
}

/** Every member co-op matching the filter, for the map (the list pages; the map shows all). */
export function useCoopMapPoints(filter: CoopFilter) {
  return useQuery({
    queryKey: ['coops', 'map', filter],
    queryFn: ({ signal }) => api<Page<Coop>>('/coops', { query: { ...filter, limit: 1000, offset: 0 }, signal }),
    placeholderData: keepPreviousData,
    select: (page) => page.items.filter((c) => c.latitude !== null && c.longitude !== null),
  });
}

export function useSectors() {
  return useQuery({
    queryKey: ['coops', 'sectors'],
    queryFn: ({ signal }) => api<SectorCounts>('/coops/sectors', { signal }),
    staleTime: 5 * 60_000,
  });
}
