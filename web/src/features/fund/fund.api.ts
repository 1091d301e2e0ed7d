/** The solidarity fund through the API: its figures (public) and its movements (members). */
import type { FundView, Movement } from '@coopnet/contract/fund';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../api/client.ts';

export type { FundView, Movement } from '@coopnet/contract/fund';

export const MOVEMENTS_PER_PAGE = 20;

export function useFund() {
  return useQuery({ queryKey: ['fund'], queryFn: ({ signal }) => api<FundView>('/fund', { signal }) });
}

export function useMovements(offset: number, enabled: boolean) {
  return useQuery({
    queryKey: ['fund', 'movements', offset],
    queryFn: ({ signal }) =>
      api<{ items: Movement[]; total: number; limit: number; offset: number }>('/fund/movements', {
        query: { limit: MOVEMENTS_PER_PAGE, offset },
        signal,
      }),
    enabled,
    placeholderData: keepPreviousData,
  });
}
