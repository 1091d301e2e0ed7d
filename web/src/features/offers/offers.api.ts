/**
 * Offers as the web app reads them: the contract's types (imported as types
 * only, so no schema library reaches the bundle) and the queries of the
 * catalogue, a co-op's offers and its flagged redemptions.
 */
import type {
  CatalogueOffer as CatalogueOfferSchema,
  CoopOfferList as CoopOfferListSchema,
  LimitPeriod as LimitPeriodSchema,
  Offer,
  OfferInput,
  OfferKind as OfferKindSchema,
  OfferListQuery,
  OfferPage as OfferPageSchema,
  OfferStatus as OfferStatusSchema,
} from '@coopnet/contract/offers';
import type { Redemption, RedemptionPage as RedemptionPageSchema } from '@coopnet/contract/till';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../api/client.ts';

export type { Offer, OfferInput, Redemption };
export type CatalogueOffer = z.infer<typeof CatalogueOfferSchema>;
export type OfferPage = z.infer<typeof OfferPageSchema>;
export type CoopOfferList = z.infer<typeof CoopOfferListSchema>;
export type OfferKind = z.infer<typeof OfferKindSchema>;
export type OfferStatus = z.infer<typeof OfferStatusSchema>;
export type LimitPeriod = z.infer<typeof LimitPeriodSchema>;
export type RedemptionPage = z.infer<typeof RedemptionPageSchema>;

/** Every query of offers starts with this, so one invalidation refreshes catalogue, co-op lists and the manage page. */
export const offersKey = ['offers'] as const;
export const coopOffersKey = (coopId: string) => [...offersKey, 'coop', coopId] as const;
export const flaggedKey = (coopId: string) => [...offersKey, 'flagged', coopId] as const;

/** The catalogue's query as the page asks it: a page, and the filters chosen. */
export type CatalogueQuery = Pick<OfferListQuery, 'limit' | 'offset'> &
  Partial<Pick<OfferListQuery, 'openToMe' | 'sector' | 'lat' | 'lng' | 'radiusKm'>>;

export function useCatalogue(query: CatalogueQuery, enabled = true) {
  return useQuery({
    queryKey: [...offersKey, 'catalogue', query],
    queryFn: ({ signal }) => api<OfferPage>('/offers', { query: { ...query }, signal }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** Public: the co-op's active offers. Its admins get every offer, any status, and `abilities.manage`. */
export function useCoopOffers(coopId: string) {
  return useQuery({
    queryKey: coopOffersKey(coopId),
    queryFn: ({ signal }) => api<CoopOfferList>(`/coops/${coopId}/offers`, { signal }),
  });
}

/** Redemptions recorded offline that broke a rule, not yet marked as seen. */
export function useFlaggedRedemptions(coopId: string, limit: number, offset: number) {
  return useQuery({
    queryKey: [...flaggedKey(coopId), limit, offset],
    queryFn: ({ signal }) =>
      api<RedemptionPage>(`/coops/${coopId}/redemptions`, { query: { flagged: 1, limit, offset }, signal }),
    placeholderData: keepPreviousData,
  });
}
