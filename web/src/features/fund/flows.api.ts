/** Where the fund's money came from and went, and budgets against actual, a year at a time (public). */
import type { BudgetInput, FundBudgets, FundFlows } from '@coopnet/contract/fund';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.ts';

export type { FundBudgets, FundFlows } from '@coopnet/contract/fund';

const query = (year: number | null) => (year === null ? undefined : { year });

export function useFlows(year: number | null) {
  return useQuery({
    queryKey: ['fund', 'flows', year],
    queryFn: ({ signal }) => api<FundFlows>('/fund/flows', { query: query(year), signal }),
    placeholderData: keepPreviousData,
  });
}

export function useBudgets(year: number | null) {
  return useQuery({
    queryKey: ['fund', 'budgets', year],
    queryFn: ({ signal }) => api<FundBudgets>('/fund/budgets', { query: query(year), signal }),
    placeholderData: keepPreviousData,
  });
}

export function useSetBudget(year: number, subFund: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: BudgetInput) => api<FundBudgets>(`/fund/budgets/${year}/${subFund}`, { method: 'PUT', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['fund', 'budgets'] }),
  });
}
