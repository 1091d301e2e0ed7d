/** The network's sectors: a list coordinators keep, each a code with a name per language. */
import { z } from 'zod';
import { name } from './common.ts';

export const Sector = z.object({
  code: z.string(),
  names: z.object({ en: z.string(), es: z.string() }),
});
export type Sector = z.infer<typeof Sector>;

export const SectorList = z.object({ items: z.array(Sector) });
export type SectorList = z.infer<typeof SectorList>;

/** A new sector's code: lower-case letters, digits and hyphens, as co-ops and offers will name it. */
export const SectorCode = z
  .string()
  .trim()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'lower-case letters, digits and hyphens, such as home-care')
  .max(40);

const SectorNames = z.strictObject({ en: name(60, 2), es: name(60, 2) });

export const SectorInput = z.strictObject({ code: SectorCode, names: SectorNames });
export type SectorInput = z.infer<typeof SectorInput>;

export const SectorPatch = z.strictObject({ names: SectorNames.partial() });
export type SectorPatch = z.infer<typeof SectorPatch>;

export const SectorParams = z.strictObject({ sector: z.string().max(60) });
