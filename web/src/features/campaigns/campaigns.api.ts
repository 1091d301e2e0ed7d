/** Campaigns through the API: a campaign (anyone), a pledge (anyone), a pledge by its private link. */
import type { Campaign, Pledge, PledgeInput } from '@coopnet/contract/campaigns';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client.ts';

export type { Campaign, Pledge } from '@coopnet/contract/campaigns';

export const useCampaign = (slug: string) =>
  useQuery({
    queryKey: ['campaigns', slug],
    queryFn: ({ signal }) => api<Campaign>(`/campaigns/${encodeURIComponent(slug)}`, { signal }),
  });

export const makePledge = (slug: string, body: PledgeInput) =>
  api<Pledge>(`/campaigns/${encodeURIComponent(slug)}/pledges`, { method: 'POST', body });

export const usePledge = (token: string) =>
  useQuery({
    queryKey: ['pledges', token],
    queryFn: ({ signal }) => api<Pledge>(`/pledges/${encodeURIComponent(token)}`, { signal }),
  });

export const changePledge = (token: string, action: 'pause' | 'resume' | 'cancel') =>
  api<Pledge>(`/pledges/${encodeURIComponent(token)}/changes`, { method: 'POST', body: { action } });
