/** Community programmes through the API: the list, one programme with its shifts, signing up and withdrawing. */
import type { Programme, ProgrammeSummary, Shift } from '@coopnet/contract/programmes';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../api/client.ts';

export function useProgrammes() {
  return useQuery({
    queryKey: ['programmes'],
    queryFn: ({ signal }) => api<{ items: z.infer<typeof ProgrammeSummary>[] }>('/programmes', { signal }),
  });
}

export function useProgramme(id: string) {
  return useQuery({
    queryKey: ['programmes', id],
    queryFn: ({ signal }) => api<Programme>(`/programmes/${id}`, { signal }),
  });
}

/** Signs the reader up to a shift, or withdraws them. */
export function useSignup(programmeId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ shiftId, join }: { shiftId: string; join: boolean }) =>
      api<Shift>(`/programmes/${programmeId}/shifts/${shiftId}/signup`, { method: join ? 'POST' : 'DELETE' }),
    onSettled: () => client.invalidateQueries({ queryKey: ['programmes', programmeId] }),
  });
}

/** A new private calendar link for the reader (the old one stops working). */
export const newCalendarLink = () =>
  api<{ token: string; path: string }>('/programmes/calendar-link', { method: 'POST' });
