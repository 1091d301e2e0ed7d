import type { CoopWithAbilities } from '@coopnet/contract/coops';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client.ts';

export const coopKey = (idOrSlug: string) => ['coops', 'one', idOrSlug] as const;

/** One co-op by id or slug, with what the asker may do to it. */
export function useCoop(idOrSlug: string | undefined) {
  return useQuery({
    queryKey: coopKey(idOrSlug ?? ''),
    queryFn: ({ signal }) => api<CoopWithAbilities>(`/coops/${encodeURIComponent(idOrSlug ?? '')}`, { signal }),
    enabled: !!idOrSlug,
  });
}
