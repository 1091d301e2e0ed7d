/** The network: its settings and public key figures. */
import { z } from 'zod';
import { name, text } from './common.ts';

export const Network = z.object({
  name: z.string(),
  currency: z.string(),
  locale: z.string(),
  timeZone: z.string(),
  logoUrl: z.string().nullable(),
  description: z.string().nullable(),
  mapTileUrl: z.string(),
  figures: z.object({
    memberCoops: z.number().int(),
    workers: z.number().int(),
    supporters: z.number().int(),
    sectors: z.number().int(),
  }),
});
export type Network = z.infer<typeof Network>;

const isTimeZone = (tz: string) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
};

export const NetworkPatch = z.strictObject({
  name: name(120, 2).optional(),
  currency: z.string().regex(/^[A-Z]{3}$/, 'an ISO 4217 code such as EUR').optional(),
  locale: z.enum(['en', 'es']).optional(),
  timeZone: z.string().max(64).refine(isTimeZone, 'an IANA time zone such as Europe/Madrid').optional(),
  logoUrl: z.url({ protocol: /^https?$/ }).max(500).nullable().optional(),
  description: text(2000, 0).nullable().optional(),
});
export type NetworkPatch = z.infer<typeof NetworkPatch>;
