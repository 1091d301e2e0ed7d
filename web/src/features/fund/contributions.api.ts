/** Contributions through the API: a month's dues, payments, bank statements. */
import type { ImportResult, Obligation } from '@coopnet/contract/fund';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client.ts';

export type { ImportResult, Obligation } from '@coopnet/contract/fund';

export const obligationsKey = ['fund', 'obligations'] as const;

/** A month's dues (or, with `kind`, every share of surplus). */
export function useObligations(period: string | undefined, kind: Obligation['kind'] = 'monthly_due') {
  return useQuery({
    queryKey: [...obligationsKey, period ?? 'all', kind],
    queryFn: ({ signal }) =>
      api<{ items: Obligation[] }>('/fund/obligations', { query: { ...(period ? { period } : {}), kind }, signal }),
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
