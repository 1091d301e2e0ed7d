/** Co-ops: the public directory, profiles, statuses, and applications to join. */
import { z } from 'zod';
import { Email, name, PersonName, text } from './common.ts';

export const CoopStatus = z.enum(['applicant', 'member', 'suspended', 'left', 'rejected']);
export type CoopStatus = z.infer<typeof CoopStatus>;

export const Coop = z.object({
  id: z.string(),
  slug: z.string(),
  name: z.string(),
  legalForm: z.string(),
  sector: z.string(),
  address: z.string(),
  city: z.string(),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  description: z.string(),
  website: z.string().nullable(),
  logoUrl: z.string().nullable(),
  /** the head count the co-op declared (when applying or editing its page), shown only labelled as declared */
  workerCount: z.number().int(),
  /** the workers the network knows: the co-op's people with an active account */
  knownWorkers: z.number().int(),
  status: CoopStatus,
  createdAt: z.string(),
  admittedAt: z.string().nullable(),
});
export type Coop = z.infer<typeof Coop>;

export const CoopWithAbilities = Coop.extend({
  abilities: z.object({ update: z.boolean(), manageWorkers: z.boolean(), changeStatus: z.boolean(), manageOffers: z.boolean() }),
});
export type CoopWithAbilities = z.infer<typeof CoopWithAbilities>;

export const CoopListQuery = z.strictObject({
  q: z.string().trim().max(100).optional(),
  sector: z.string().trim().max(60).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export type CoopListQuery = z.infer<typeof CoopListQuery>;

export const SectorCounts = z.object({ items: z.array(z.object({ sector: z.string(), count: z.number().int() })) });
export type SectorCounts = z.infer<typeof SectorCounts>;

const Url = z.url({ protocol: /^https?$/ }).max(500);

export const CoopProfileInput = z.strictObject({
  name: name(120, 2),
  legalForm: text(60),
  sector: text(60),
  address: text(200),
  city: text(80),
  description: text(4000, 0),
  website: Url.nullable().optional(),
  logoUrl: Url.nullable().optional(),
  workerCount: z.number().int().min(1).max(1_000_000),
  latitude: z.number().min(-90).max(90).nullable().optional(),
  longitude: z.number().min(-180).max(180).nullable().optional(),
});
export type CoopProfileInput = z.infer<typeof CoopProfileInput>;

export const CoopProfilePatch = CoopProfileInput.partial();
export type CoopProfilePatch = z.infer<typeof CoopProfilePatch>;

export const CoopStatusChange = z.strictObject({
  status: z.enum(['member', 'suspended', 'left']),
  reason: text(500),
});

export const ApplicationInput = z.strictObject({
  coop: CoopProfileInput,
  contactName: PersonName,
  contactEmail: Email,
  message: text(4000, 0),
});
export type ApplicationInput = z.infer<typeof ApplicationInput>;

export const ApplicationStatus = z.enum(['pending', 'admitted', 'rejected']);
export type ApplicationStatus = z.infer<typeof ApplicationStatus>;

export const Application = z.object({
  id: z.string(),
  status: ApplicationStatus,
  contactName: z.string(),
  contactEmail: z.string(),
  message: z.string(),
  createdAt: z.string(),
  decidedAt: z.string().nullable(),
  decisionNote: z.string().nullable(),
  coop: z.object({ id: z.string(), name: z.string(), slug: z.string(), sector: z.string(), city: z.string(), workerCount: z.number().int() }),
});
export type Application = z.infer<typeof Application>;

export const ApplicationListQuery = z.strictObject({
  status: ApplicationStatus.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

export const Rejection = z.strictObject({ reason: text(1000) });
