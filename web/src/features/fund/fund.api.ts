/** The solidarity fund through the API: its figures (public) and its movements (members). */
import type { FundApplication, FundView, Movement } from '@coopnet/contract/fund';
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

export type { ApplicationInput, FundApplication } from '@coopnet/contract/fund';

export const applicationsKey = ['fund', 'applications'] as const;

export function useApplications() {
  return useQuery({
    queryKey: applicationsKey,
    queryFn: ({ signal }) => api<{ items: FundApplication[] }>('/fund/applications', { signal }),
  });
}

export function useApplication(id: string) {
  return useQuery({
    queryKey: [...applicationsKey, id],
    queryFn: ({ signal }) => api<FundApplication>(`/fund/applications/${id}`, { signal }),
  });
}
