/** Queries of the governance pages: proposals, bodies, bylaws, assemblies, notifications. */
import type { Page } from '@coopnet/contract/common';
import type { ProposalList } from '@coopnet/contract/proposals';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import { useSession } from '../../api/session.ts';
import type {
  Assembly,
  AssemblyWithAbilities,
  Body,
  BodyMember,
  BylawsDocument,
  BodyWithAbilities,
  BylawsVersionInfo,
  NotificationPage,
  Proposal,
  ProposalComment,
  ProposalStatus,
} from './types.ts';

export const proposalsKey = ['proposals'] as const;
export const proposalKey = (id: string) => ['proposals', 'one', id] as const;
export const commentsKey = (id: string) => ['proposals', 'one', id, 'comments'] as const;
export const bodiesKey = ['governance', 'bodies'] as const;
export const bodyMembersKey = (id: string) => ['governance', 'bodies', id, 'members'] as const;
export const notificationsKey = ['notifications'] as const;

export function useProposals(status: ProposalStatus | '', limit: number, offset: number) {
  return useQuery({
    queryKey: [...proposalsKey, 'list', status, limit, offset],
    queryFn: ({ signal }) =>
      api<ProposalList>('/proposals', { query: { status: status || undefined, limit, offset }, signal }),
    placeholderData: keepPreviousData,
  });
}

/** The matters the signed-in person may put forward now (the server's policy decides); none for a visitor. */
export function useProposable() {
  const { data: session } = useSession();
  return useQuery({
    queryKey: [...proposalsKey, 'proposable', session?.person?.id ?? null],
    queryFn: async ({ signal }) => (await api<ProposalList>('/proposals', { query: { limit: 1 }, signal })).abilities.propose,
    enabled: !!session?.person,
  });
}

/**
 * One proposal. While voting runs it is asked again now and then (the count
 * of who has voted moves); once the closing time has passed, every few
 * seconds until the server has counted.
 */
export function useProposal(id: string) {
  return useQuery({
    queryKey: proposalKey(id),
    queryFn: ({ signal }) => api<Proposal>(`/proposals/${encodeURIComponent(id)}`, { signal }),
    refetchInterval: (query) => {
      const p = query.state.data;
      if (!p || p.status !== 'voting') return false;
      const closes = p.votingClosesAt ? Date.parse(p.votingClosesAt) : NaN;
      if (!Number.isFinite(closes)) return 15_000;
      // Every 15 s, the next time just after the closing time, then every 2 s until counted.
      return Math.min(15_000, Math.max(2_000, closes - Date.now() + 1_500));
    },
  });
}

/** Comments; while the proposal is still open to them, asked again every half minute. */
export function useComments(id: string, live = false) {
  return useQuery({
    queryKey: commentsKey(id),
    refetchInterval: live ? 30_000 : false,
    queryFn: ({ signal }) =>
      api<Page<ProposalComment>>(`/proposals/${encodeURIComponent(id)}/comments`, {
        query: { limit: 100 },
        signal,
      }),
  });
}

export function useBodies() {
  return useQuery({
    queryKey: bodiesKey,
    queryFn: ({ signal }) => api<Page<Body>>('/bodies', { signal }),
    staleTime: 60_000,
  });
}

/** One body with what the signed-in person may do in it (appoint a delegate, manage). */
export function useBody(id: string) {
  return useQuery({
    queryKey: ['governance', 'bodies', id],
    queryFn: ({ signal }) => api<BodyWithAbilities>(`/bodies/${id}`, { signal }),
  });
}

export function useBodyMembers(body: Body | undefined, opts: { active?: boolean } = {}) {
  return useQuery({
    queryKey: [...bodyMembersKey(body?.id ?? ''), opts.active ?? 'all'],
    queryFn: ({ signal }) =>
      api<Page<BodyMember>>(`/bodies/${body?.id ?? ''}/members`, {
        query: { limit: 200, active: opts.active === undefined ? undefined : String(opts.active) },
        signal,
      }),
    // The assembly is every worker of every member co-op: it has no list.
    enabled: !!body && body.kind !== 'assembly',
  });
}

export function useBylaws(version?: number | null) {
  return useQuery({
    queryKey: ['governance', 'bylaws', version ?? 'current'],
    queryFn: ({ signal }) => api<BylawsDocument>(version ? `/bylaws/versions/${version}` : '/bylaws', { signal }),
    staleTime: 60_000,
  });
}

export function useBylawsVersions() {
  return useQuery({
    queryKey: ['governance', 'bylaws', 'versions'],
    queryFn: ({ signal }) => api<Page<BylawsVersionInfo>>('/bylaws/versions', { signal }),
  });
}

export const assembliesKey = ['governance', 'assemblies'] as const;
export const assemblyKey = (id: string) => ['governance', 'assemblies', 'one', id] as const;

export function useAssemblies() {
  return useQuery({
    queryKey: assembliesKey,
    queryFn: ({ signal }) => api<Page<Assembly>>('/assemblies', { query: { limit: 50 }, signal }),
  });
}

/** One assembly with what the signed-in person may do with it (`abilities.manage`). */
export function useAssembly(id: string, enabled = true) {
  return useQuery({
    queryKey: assemblyKey(id),
    queryFn: ({ signal }) => api<AssemblyWithAbilities>(`/assemblies/${id}`, { signal }),
    enabled,
  });
}

/** My notifications, newest first; asked again every minute for the header's count. */
export function useNotifications() {
  const { data: session } = useSession();
  return useQuery({
    queryKey: notificationsKey,
    queryFn: ({ signal }) => api<NotificationPage>('/notifications', { query: { limit: 100 }, signal }),
    enabled: !!session?.person,
    refetchInterval: 60_000,
  });
}

/** Where secret ballots keep, on this device, the token that lets their voter change them. */
const tokenKey = (proposalId: string) => `coopnet.ballotToken.${proposalId}`;

export function storedBallotToken(proposalId: string): string | null {
  try {
    return window.localStorage.getItem(tokenKey(proposalId));
  } catch {
    return null;
  }
}

export function storeBallotToken(proposalId: string, token: string): void {
  try {
    window.localStorage.setItem(tokenKey(proposalId), token);
  } catch {
    // private mode: the ballot can still be cast, only not changed from another visit
  }
}
