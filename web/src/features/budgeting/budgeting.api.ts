/** Participatory budgeting through the API: rounds, one round, proposing, allocating and closing. */
import type { ProjectInput, Round, RoundList } from '@coopnet/contract/budgeting';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.ts';

export function useRounds() {
  return useQuery({
    queryKey: ['budgeting'],
    queryFn: ({ signal }) => api<RoundList>('/budgeting/rounds', { signal }),
  });
}

export function useRound(id: string) {
  return useQuery({
    queryKey: ['budgeting', id],
    queryFn: ({ signal }) => api<Round>(`/budgeting/rounds/${id}`, { signal }),
  });
}

/** After a change the round is read again (and the list, whose phase or total may have changed). */
function useRoundChange<T>(id: string, change: (input: T) => Promise<unknown>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: change,
    onSuccess: () => client.invalidateQueries({ queryKey: ['budgeting'] }),
  });
}

export const usePropose = (id: string) =>
  useRoundChange(id, (body: ProjectInput) => api(`/budgeting/rounds/${id}/projects`, { method: 'POST', body }));

export const useAllocate = (id: string) =>
  useRoundChange(id, (lines: { projectId: string; cents: number }[]) =>
    api<Round>(`/budgeting/rounds/${id}/allocation`, { method: 'PUT', body: { lines } }),
  );

export const useCloseRound = (id: string) =>
  useRoundChange(id, () => api<Round>(`/budgeting/rounds/${id}/close`, { method: 'POST' }));
