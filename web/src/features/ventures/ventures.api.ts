/** Ventures through the API: the list, one venture, and every change to it (each answers with the venture). */
import type { Venture, VentureInput, VentureSummary } from '@coopnet/contract/ventures';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.ts';

export const STAGES = ['idea', 'study', 'founding', 'launched', 'member'] as const;

export function useVentures() {
  return useQuery({
    queryKey: ['ventures'],
    queryFn: ({ signal }) => api<{ items: VentureSummary[] }>('/ventures', { signal }),
  });
}

export function useVenture(id: string) {
  return useQuery({
    queryKey: ['ventures', id],
    queryFn: ({ signal }) => api<Venture>(`/ventures/${id}`, { signal }),
  });
}

export function usePropose() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: VentureInput) => api<Venture>('/ventures', { method: 'POST', body: input }),
    onSuccess: (v) => {
      client.setQueryData(['ventures', v.id], v);
      void client.invalidateQueries({ queryKey: ['ventures'], exact: true });
    },
  });
}

export interface Change {
  /** after /ventures/:id, e.g. `/stage` */
  path: string;
  method?: 'POST' | 'PATCH' | 'DELETE';
  body?: unknown;
}

/** A change to the venture by its team or a member: the answer is the venture as it is now. */
export function useVentureChange(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ path, method = 'POST', body }: Change) =>
      api<Venture>(`/ventures/${id}${path}`, { method, ...(body !== undefined && { body }) }),
    onSuccess: (v) => {
      client.setQueryData(['ventures', id], v);
      void client.invalidateQueries({ queryKey: ['ventures'], exact: true });
    },
  });
}
