/** Factories for tests: real rows in the real database, through the repositories. */
import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Role } from '../src/db/schema.ts';
import type { AppDeps } from '../src/deps.ts';
import { newId, nowIso } from '../src/platform/clock.ts';
import { hashPassword } from '../src/platform/passwords.ts';
import { insertCoop } from '../src/modules/coops/coops.repository.ts';
import { searchText } from '../src/modules/coops/coops.service.ts';
import { Client } from './harness.ts';

export const PASSWORD = 'correct horse battery';
let passwordHash: Promise<string> | null = null;

const unique = () => randomBytes(4).toString('hex');

export async function makeCoop(deps: AppDeps, o: { name?: string; sector?: string; status?: 'member' | 'applicant' | 'suspended' | 'left'; city?: string } = {}) {
  const id = newId();
  const name = o.name ?? `Co-op ${unique()}`;
  const now = nowIso();
  const sector = o.sector ?? 'food';
  const city = o.city ?? 'Valencia';
  await insertCoop(deps.db, {
    id,
    slug: `${name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-${unique()}`,
    name,
    search_text: searchText(name, 'A test co-op', city, sector),
    legal_form: 'worker co-operative',
    sector,
    address: '1 Test Street',
    city,
    latitude: 39.47,
    longitude: -0.37,
    description: 'A test co-op',
    website: null,
    logo_url: null,
    worker_count: 5,
    status: o.status ?? 'member',
    created_at: now,
    updated_at: now,
    admitted_at: o.status === 'applicant' ? null : now,
  });
  return { id, name, sector, city };
}

export interface PersonOptions {
  coopId?: string | null;
  supporter?: boolean;
  roles?: { role: Role; coopId?: string | null }[];
  email?: string;
  displayName?: string;
}

export async function makePerson(deps: AppDeps, o: PersonOptions = {}) {
  passwordHash ??= hashPassword(PASSWORD);
  const id = newId();
  const now = nowIso();
  const email = o.email ?? `person-${unique()}@example.org`;
  await deps.db
    .insertInto('people')
    .values({
      id,
      email,
      display_name: o.displayName ?? `Person ${email.slice(7, 15)}`,
      password_hash: await passwordHash,
      coop_id: o.coopId ?? null,
      supporter: o.supporter ? 1 : 0,
      status: 'active',
      locale: null,
      created_at: now,
      updated_at: now,
      left_at: null,
    })
    .execute();
  for (const r of o.roles ?? []) {
    await deps.db
      .insertInto('role_grants')
      .values({ id: newId(), person_id: id, role: r.role, coop_id: r.coopId ?? '', created_at: now })
      .execute();
  }
  return { id, email };
}

export async function signIn(app: FastifyInstance, email: string, password = PASSWORD): Promise<Client> {
  const client = new Client(app);
  const res = await client.post('/api/v1/auth/login', { email, password });
  if (res.statusCode !== 200) throw new Error(`sign-in failed: ${res.statusCode} ${res.body}`);
  client.csrf = res.json().csrfToken;
  return client;
}

/** A person with the given roles, already signed in. */
export async function actorClient(deps: AppDeps, app: FastifyInstance, o: PersonOptions = {}) {
  const person = await makePerson(deps, o);
  return { ...person, client: await signIn(app, person.email) };
}

/** Counts rows in every table, to check that a refused request changed nothing. */
export async function tableCounts(deps: AppDeps): Promise<Record<string, number>> {
  const tables = ['sectors', 'coops', 'join_applications', 'people', 'role_grants', 'invitations', 'api_tokens', 'audit_events', 'outbox_mail', 'cards', 'offers', 'redemptions', 'settlement_obligations'] as const;
  const out: Record<string, number> = {};
  for (const t of tables) {
    const r = await deps.db.selectFrom(t).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    out[t] = Number(r.n);
  }
  return out;
}

/** A co-op's application to join, as POST /applications takes it. */
export const espigaApplication = {
  coop: {
    name: 'Panadería La Espiga',
    legalForm: 'cooperativa de trabajo',
    sector: 'bakery',
    address: 'Carrer Major 3',
    city: 'Valencia',
    description: 'Bread baked by its workers',
    workerCount: 7,
  },
  contactName: 'Ana Ruiz',
  contactEmail: 'ana@espiga.example',
  message: 'We would like to join.',
};
