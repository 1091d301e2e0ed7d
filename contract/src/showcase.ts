/**
 * The network's shop window: what belonging brings, in public figures only
 * (no person is named or counted alone). Each part is a section of the home
 * page; a capability that joins later (the fund, campaigns) adds its own.
 */
import { z } from 'zod';
import { Offer } from './offers.ts';

/** Discounts the reciprocity accounts count, in cents: in the month and in its calendar year. */
export const Savings = z.object({
  monthCents: z.number().int(),
  monthCount: z.number().int(),
  yearCents: z.number().int(),
  yearCount: z.number().int(),
});
export type Savings = z.infer<typeof Savings>;

export const ShowcaseCoop = z.object({
  id: z.string(),
  slug: z.string(),
  name: z.string(),
  sector: z.string(),
  city: z.string(),
  logoUrl: z.string().nullable(),
});
export type ShowcaseCoop = z.infer<typeof ShowcaseCoop>;

export const ShowcaseAssembly = z.object({
  id: z.string(),
  bodyId: z.string(),
  title: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  place: z.string().nullable(),
  videoUrl: z.string().nullable(),
});
export type ShowcaseAssembly = z.infer<typeof ShowcaseAssembly>;

export const Showcase = z.object({
  currency: z.string(),
  /** YYYY-MM in the network's time zone: the accounting month "this month" means */
  month: z.string(),
  /** what the workers (and supporters) of the network saved with their cards, as the accounts count it */
  savings: Savings,
  /** a few offers open today, of several co-ops */
  offers: z.array(Offer),
  /** the member co-ops (a first few, in the directory's order) and how many there are in all */
  coops: z.object({ items: z.array(ShowcaseCoop), total: z.number().int() }),
  nextAssembly: ShowcaseAssembly.nullable(),
});
export type Showcase = z.infer<typeof Showcase>;

/** One co-op's part in the accounts: what its tills gave, and what its workers saved at the other co-ops. */
export const CoopShowcase = z.object({
  currency: z.string(),
  month: z.string(),
  given: Savings,
  received: Savings,
});
export type CoopShowcase = z.infer<typeof CoopShowcase>;
