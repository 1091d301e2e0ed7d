/** Gifts to the fund through the API: the last twelve months' (anyone), recording one (treasurers). */
import type { Gift } from '@coopnet/contract/fund';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client.ts';

export type { Gift } from '@coopnet/contract/fund';

export function useGifts() {
  return useQuery({
    queryKey: ['fund', 'gifts'],
    queryFn: ({ signal }) => api<{ items: Gift[]; totalCents: number }>('/fund/gifts', { signal }),
  });
}

export interface GiftBody {
  giverKind: 'coop' | 'named' | 'anonymous';
  coopId?: string;
  giverName?: string;
  namePublic: boolean;
  cents: number;
  date: string;
  subFund: string;
  note: string;
}

/** One gift, under its own Idempotency-Key: a retry books it once. */
export const recordGift = (body: GiftBody, key: string) =>
  api<Gift>('/fund/gifts', { method: 'POST', body, headers: { 'Idempotency-Key': key } });
