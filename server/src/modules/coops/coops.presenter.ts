/** Rows to API shapes. */
import type { Coop } from '../../db/schema.ts';

/** `knownWorkers`: its people with an active account; `workerCount` stays the head count the co-op declared. */
export function presentCoop(c: Coop, knownWorkers: number) {
  return {
    id: c.id,
    slug: c.slug,
    name: c.name,
    legalForm: c.legal_form,
    sector: c.sector,
    address: c.address,
    city: c.city,
    latitude: c.latitude,
    longitude: c.longitude,
    description: c.description,
    website: c.website,
    logoUrl: c.logo_url,
    workerCount: c.worker_count,
    knownWorkers,
    status: c.status,
    createdAt: c.created_at,
    admittedAt: c.admitted_at,
  };
}
