/** Contributions through the API: a month's dues, payments, bank statements. */
import type { ImportResult, Obligation } from '@coopnet/contract/fund';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client.ts';

export type { ImportResult, Obligation } from '@coopnet/contract/fund';

export const obligationsKey = ['fund', 'obligations'] as const;

export function useObligations(period: string) {
  return useQuery({
    queryKey: [...obligationsKey, period],
    queryFn: ({ signal }) => api<{ items: Obligation[] }>('/fund/obligations', { query: { period }, signal }),
  });
}

export interface Mapping {
  date: number;
  amount: number;
  reference: number;
  description?: number;
  header: boolean;
}

export const readStatement = (csv: string, mapping: Mapping, commit: boolean) =>
  api<ImportResult>(commit ? '/fund/statements' : '/fund/statements/preview', {
    method: 'POST',
    body: { csv, mapping },
  });
