import type { Page } from '@coopnet/contract/common';
import type { Invitation, Worker } from '@coopnet/contract/people';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../api/client.ts';

export const workersKey = (coopId: string) => ['coops', coopId, 'workers'] as const;
export const invitationsKey = (coopId: string) => ['coops', coopId, 'invitations'] as const;

export function useWorkers(coopId: string, q: string, limit: number, offset: number) {
  return useQuery({
    queryKey: [...workersKey(coopId), q, limit, offset],
    queryFn: ({ signal }) => api<Page<Worker>>(`/coops/${coopId}/workers`, { query: { q, limit, offset }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useInvitations(coopId: string) {
  return useQuery({
    queryKey: invitationsKey(coopId),
    queryFn: ({ signal }) => api<Page<Invitation>>(`/coops/${coopId}/invitations`, { query: { limit: 50 }, signal }),
  });
}
