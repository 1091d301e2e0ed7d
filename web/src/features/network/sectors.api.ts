/** The network's sectors, read once and kept; a sector's name in the reader's language. */
import type { Sector, SectorInput, SectorList, SectorPatch } from '@coopnet/contract/sectors';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';

export const sectorsKey = ['sectors'] as const;

export function useSectorList() {
  return useQuery({
    queryKey: sectorsKey,
    queryFn: ({ signal }) => api<SectorList>('/sectors', { signal }),
    staleTime: 10 * 60_000,
  });
}

const nameIn = (s: Sector, language: string) => (language.startsWith('es') ? s.names.es : s.names.en);

/**
 * `name(code)`: the sector's name in the reader's language (the code itself
 * only while the list loads, or for a code the list does not hold); and the
 * list as choices for a select, sorted by name.
 */
export function useSectorNames() {
  const { i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language ?? 'en';
  const { data } = useSectorList();
  const byCode = useMemo(() => new Map((data?.items ?? []).map((s) => [s.code, nameIn(s, language)])), [data, language]);
  const name = useCallback((code: string) => byCode.get(code) ?? code, [byCode]);
  const choices = useMemo(
    () => [...byCode].map(([value, label]) => ({ value, label })).sort((a, b) => a.label.localeCompare(b.label, language)),
    [byCode, language],
  );
  return { name, choices, loaded: data !== undefined };
}

export function useAddSector() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SectorInput) => api<Sector>('/sectors', { method: 'POST', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: sectorsKey }),
  });
}

export function useRenameSector(code: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SectorPatch) => api<Sector>(`/sectors/${encodeURIComponent(code)}`, { method: 'PATCH', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: sectorsKey }),
  });
}
