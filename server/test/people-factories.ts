/** Factories for the people, audit and authorization tests: real rows through the repositories. */
import type { AppDeps } from '../src/deps.ts';
import { newId, nowIso } from '../src/platform/clock.ts';
import { hashToken, newToken } from '../src/platform/tokens.ts';
import { insertApplication, insertCoop } from '../src/modules/coops/coops.repository.ts';
import { searchText } from '../src/modules/coops/coops.service.ts';

/** An API token for a person, as if they had made one; returns the secret to send as Bearer. */
export async function makeApiToken(
  deps: AppDeps,
  personId: string,
  scopes: string[] = ['read'],
): Promise<{ id: string; token: string }> {
  const token = newToken('cn_');
  const id = newId();
  await deps.db
    .insertInto('api_tokens')
    .values({
      id,
      token_hash: hashToken(deps.config.sessionSecret, token),
      person_id: personId,
      name: 'till',
      scopes: JSON.stringify(scopes),
      created_at: nowIso(),
      last_used_at: null,
      revoked_at: null,
    })
    .execute();
  return { id, token };
}

/** A pending application to join, with its applicant co-op. */
export async function makeApplication(deps: AppDeps): Promise<{ id: string; coopId: string }> {
  const id = newId();
  const coopId = newId();
  const now = nowIso();
  const name = `Applicant ${id.slice(0, 8)}`;
  await insertCoop(deps.db, {
    id: coopId,
    slug: `applicant-${id.slice(0, 8)}`,
    name,
    search_text: searchText(name, 'Applying', 'Valencia', 'food'),
    legal_form: 'worker co-operative',
    sector: 'food',
    address: '2 Test Street',
    city: 'Valencia',
    latitude: null,
    longitude: null,
    description: 'Applying',
    website: null,
    logo_url: null,
    worker_count: 3,
    status: 'applicant',
    created_at: now,
    updated_at: now,
    admitted_at: null,
  });
  await insertApplication(deps.db, {
    id,
    coop_id: coopId,
    contact_name: 'Contact Person',
    contact_email: `contact-${id.slice(0, 8)}@example.org`,
    message: 'Please admit us.',
    status: 'pending',
    decided_by: null,
    decided_at: null,
    decision_note: null,
    created_at: now,
  });
  return { id, coopId };
}

/** A CSV of workers with the given rows (each `email,name`), header first. */
export function workersCsv(rows: string[], eol = '\n'): string {
  return ['email,display_name', ...rows].join(eol) + eol;
}
