/** The reciprocity accounts through the API: reads shared by the page's sections, and the coordinators' two writes. */
import type {
  Matrix,
  MonthlyTotals,
  ObligationList,
  SettlementPolicyInput,
  SettlementPolicyView,
} from '@coopnet/contract/reciprocity';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, buildUrl } from '../../api/client.ts';

export type { Matrix, MonthlyTotals, Obligation, SettlementPolicyView } from '@coopnet/contract/reciprocity';

const keys = {
  months: ['reciprocity', 'months'] as const,
  matrix: (month: string) => ['reciprocity', 'matrix', month] as const,
  policy: ['reciprocity', 'policy'] as const,
  obligations: (month: string) => ['reciprocity', 'obligations', month] as const,
};

/** The last twelve months, oldest first, with their totals. */
export function useMonths() {
  return useQuery({ queryKey: keys.months, queryFn: ({ signal }) => api<MonthlyTotals>('/reciprocity/months', { signal }), retry: false });
}

export function useMatrix(month: string | undefined) {
  return useQuery({
    queryKey: keys.matrix(month ?? ''),
    queryFn: ({ signal }) => api<Matrix>('/reciprocity', { query: { month }, signal }),
    enabled: !!month,
  });
}

/** The policy in force; also how the page learns whether the reader may change it or settle. */
export function usePolicy() {
  return useQuery({
    queryKey: keys.policy,
    queryFn: ({ signal }) => api<SettlementPolicyView>('/reciprocity/settlement-policy', { signal }),
    retry: false,
  });
}

export function useObligations(month: string | undefined) {
  return useQuery({
    queryKey: keys.obligations(month ?? ''),
    queryFn: ({ signal }) => api<ObligationList>('/reciprocity/settlements', { query: { month }, signal }),
    enabled: !!month,
  });
}

export function useSetPolicy() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SettlementPolicyInput) => api<SettlementPolicyView>('/reciprocity/settlement-policy', { method: 'PUT', body }),
    onSuccess: (view) => queryClient.setQueryData(keys.policy, view),
  });
}

export function useSettle() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (month: string) => api<ObligationList>('/reciprocity/settlements', { method: 'POST', body: { month } }),
    onSuccess: (list, month) => queryClient.setQueryData(keys.obligations(month), list),
  });
}

export const csvUrl = (month: string) => buildUrl('/reciprocity.csv', { month });
