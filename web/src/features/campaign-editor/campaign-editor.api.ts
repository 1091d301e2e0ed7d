/** Editing campaigns through the API: the open campaigns, the editor's view, opening, editing, and uploading images. */
import type { CampaignDraft, CampaignEdit, CampaignImage, CampaignSummary } from '@coopnet/contract/campaign-editing';
import type { Campaign, CampaignInput } from '@coopnet/contract/campaigns';
import { useQuery } from '@tanstack/react-query';
import { API_BASE, ApiError, api, fetchSession } from '../../api/client.ts';

export type { CampaignDraft, CampaignImage, CampaignSummary } from '@coopnet/contract/campaign-editing';

export const useOpenCampaigns = () =>
  useQuery({
    queryKey: ['campaigns', 'open'],
    queryFn: ({ signal }) => api<{ items: CampaignSummary[] }>('/campaigns', { signal }),
  });

export const draftKey = (slug: string) => ['campaigns', slug, 'draft'] as const;

export const useCampaignDraft = (slug: string) =>
  useQuery({
    queryKey: draftKey(slug),
    queryFn: ({ signal }) => api<CampaignDraft>(`/campaigns/${encodeURIComponent(slug)}/draft`, { signal }),
    enabled: slug !== '',
  });

export const openCampaign = (body: CampaignInput) => api<Campaign>('/campaigns', { method: 'POST', body });

export const editCampaign = (slug: string, body: CampaignEdit) =>
  api<CampaignDraft>(`/campaigns/${encodeURIComponent(slug)}`, { method: 'PATCH', body });

/**
 * Sends the file's bytes as they are: the server reads what it is from its
 * content, so the type is declared only as bytes.
 */
export async function uploadImage(slug: string, file: File, cover: boolean): Promise<CampaignImage> {
  const session = await fetchSession();
  const res = await fetch(`${API_BASE}/campaigns/${encodeURIComponent(slug)}/images?cover=${cover}`, {
    method: 'POST',
    credentials: 'same-origin',
    headers: {
      Accept: 'application/json',
      'Content-Type': 'application/octet-stream',
      ...(session.csrfToken ? { 'X-CSRF-Token': session.csrfToken } : {}),
    },
    body: file,
  }).catch(() => {
    throw new ApiError(0, 'network', 'The server could not be reached.');
  });
  const data = (await res.json().catch(() => undefined)) as
    CampaignImage | { error?: { code: string; message: string; details?: unknown } } | undefined;
  if (res.ok) return data as CampaignImage;
  const error = (data as { error?: { code: string; message: string; details?: unknown } } | undefined)?.error;
  throw new ApiError(res.status, error?.code ?? 'bad_request', error?.message ?? `HTTP ${res.status}`, error?.details);
}
