/**
 * Plans the rows of a demo network of any size, without touching the
 * database. The curated co-ops of `demo-data.ts` come first; co-ops beyond
 * them, and workers beyond the five named ones, are made up from word pools
 * with a seeded PRNG, so the same size always gives the same names and places.
 */
import type { Insertable } from 'kysely';
import type { JoinApplicationTable, NewCoop, PersonTable, Role, RoleGrantTable } from '../../db/schema.ts';
import { newId } from '../../platform/clock.ts';
import { searchText, slugify } from '../coops/index.ts';
import {
  CITY,
  COORDINATOR_AT,
  DEMO_APPLICANTS,
  DEMO_COOPS,
  DEMO_SUPPORTERS,
  GIVEN_NAMES,
  NAME_WORDS,
  NEIGHBOURHOODS,
  type PersonName,
  SECTORS,
  SHOWN_WORKER_AT,
  SUPPORTER_DOMAIN,
  SURNAMES,
  TREASURER_AT,
} from './demo-data.ts';

export interface DemoSize {
  coops: number;
  workers: number;
}

export const MAX_COOPS = 100_000;
export const MAX_WORKERS = 2_000_000;

/** The named workers of the curated co-ops always get accounts, so the size has a floor. */
export function minimumWorkers(coops: number): number {
  return 5 * Math.min(coops, DEMO_COOPS.length);
}

export function defaultSize(coops = DEMO_COOPS.length): DemoSize {
  return { coops, workers: Math.max(5 * coops, minimumWorkers(coops)) };
}

export interface DemoLogin {
  /** what this account shows: coordinator, treasurer, co-op admin, cashier, worker, supporter */
  role: string;
  name: string;
  email: string;
  /** the co-op the person works in, if any */
  coop: string | null;
}

export interface DemoPlan {
  coops: NewCoop[];
  people: Insertable<PersonTable>[];
  roleGrants: Insertable<RoleGrantTable>[];
  applicants: NewCoop[];
  applications: Insertable<JoinApplicationTable>[];
  logins: DemoLogin[];
  counts: { coops: number; workers: number; supporters: number; applications: number; roleGrants: number };
}

/** mulberry32: tiny, fast and good enough for made-up names. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(rand: () => number, list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
const round5 = (x: number) => Math.round(x * 100_000) / 100_000;
const daysAgo = (now: string, days: number) => new Date(Date.parse(now) - days * 86_400_000).toISOString();

/** "Ana Lucía", "El Idrissi" → "analucia.elidrissi" */
export function mailLocalPart(given: string, surname: string): string {
  const clean = (s: string) => slugify(s).replace(/-/g, '');
  return `${clean(given)}.${clean(surname)}`;
}

export const displayName = (n: PersonName) => n.filter(Boolean).join(' ');

interface CoopSlot {
  row: NewCoop;
  named: readonly PersonName[];
  workers: number;
}

function curatedCoop(i: number, now: string): NewCoop {
  const c = DEMO_COOPS[i]!;
  const slug = slugify(c.name);
  const admitted = daysAgo(now, 2600 - i * 190);
  return {
    id: newId(),
    slug,
    name: c.name,
    search_text: searchText(c.name, c.description, CITY, c.sector),
    legal_form: c.legalForm,
    sector: c.sector,
    address: c.address,
    city: CITY,
    latitude: c.latitude,
    longitude: c.longitude,
    description: c.description,
    website: `https://${slug}.example`,
    logo_url: null,
    worker_count: c.workerCount,
    status: 'member',
    created_at: admitted,
    updated_at: admitted,
    admitted_at: admitted,
  };
}

function madeUpCoop(rand: () => number, names: Set<string>, slugs: Set<string>, now: string): NewCoop {
  const s = pick(rand, SECTORS);
  const place = pick(rand, NEIGHBOURHOODS);
  let name = `${pick(rand, s.kinds)} ${pick(rand, NAME_WORDS)}`;
  if (names.has(name)) name = `${name} ${place.name}`;
  for (let k = 2; names.has(name); k++) name = `${name.replace(/ \d+$/, '')} ${k}`;
  names.add(name);
  const base = slugify(name);
  let slug = base;
  for (let k = 2; slugs.has(slug); k++) slug = `${base}-${k}`;
  slugs.add(slug);
  const description = `Cooperativa de trabajo en ${place.name}: ${s.does}.`;
  const admitted = daysAgo(now, 30 + Math.floor(rand() * 3000));
  return {
    id: newId(),
    slug,
    name,
    search_text: searchText(name, description, CITY, s.sector),
    legal_form: 'cooperativa de trabajo asociado',
    sector: s.sector,
    address: `${pick(rand, place.streets)} ${1 + Math.floor(rand() * 180)}, ${place.name}`,
    city: CITY,
    latitude: round5(place.latitude + (rand() - 0.5) * 0.008),
    longitude: round5(place.longitude + (rand() - 0.5) * 0.008),
    description,
    website: rand() < 0.8 ? `https://${slug}.example` : null,
    logo_url: null,
    worker_count: 3 + Math.floor(rand() * 40),
    status: 'member',
    created_at: admitted,
    updated_at: admitted,
    admitted_at: admitted,
  };
}

function madeUpName(rand: () => number): PersonName {
  const given = pick(rand, GIVEN_NAMES);
  const first = pick(rand, SURNAMES);
  return rand() < 0.6 ? [given, first, pick(rand, SURNAMES)] : [given, first];
}

/** Where a network role sits, as [co-op, worker] positions, on networks smaller than the curated dozen too. */
function place(at: readonly [number, number], curated: number, fallbackWorker: number): [number, number] {
  return at[0] < curated ? [at[0], at[1]] : [0, fallbackWorker];
}

export function planDemo(size: DemoSize, passwordHash: string, now: string): DemoPlan {
  const curated = Math.min(size.coops, DEMO_COOPS.length);
  const coopRand = prng(20_240_501);
  const peopleRand = prng(19_360_719);
  const names = new Set<string>([...DEMO_COOPS, ...DEMO_APPLICANTS].map((c) => c.name));
  const slugs = new Set<string>([...DEMO_COOPS, ...DEMO_APPLICANTS].map((c) => slugify(c.name)));

  // Every curated co-op keeps its five named workers; the rest are spread evenly.
  const extra = size.workers - minimumWorkers(size.coops);
  const slots: CoopSlot[] = [];
  for (let i = 0; i < size.coops; i++) {
    const share = Math.floor(extra / size.coops) + (i < extra % size.coops ? 1 : 0);
    const isCurated = i < curated;
    const row = isCurated ? curatedCoop(i, now) : madeUpCoop(coopRand, names, slugs, now);
    const workers = (isCurated ? 5 : 0) + share;
    row.worker_count = Math.max(row.worker_count ?? 0, workers);
    slots.push({ row, named: isCurated ? DEMO_COOPS[i]!.people : [], workers });
  }

  const person = (name: PersonName, email: string, coopId: string | null, supporter: boolean): Insertable<PersonTable> => ({
    id: newId(),
    email,
    display_name: displayName(name),
    password_hash: passwordHash,
    coop_id: coopId,
    supporter: supporter ? 1 : 0,
    status: 'active',
    locale: null,
    created_at: now,
    updated_at: now,
    left_at: null,
  });
  const grant = (personId: string, role: Role, coopId = ''): Insertable<RoleGrantTable> => ({ id: newId(), person_id: personId, role, coop_id: coopId, created_at: now });

  const people: Insertable<PersonTable>[] = [];
  const roleGrants: Insertable<RoleGrantTable>[] = [];
  const byPlace = new Map<string, Insertable<PersonTable>>();
  slots.forEach((slot, c) => {
    const taken = new Set<string>();
    for (let w = 0; w < slot.workers; w++) {
      const name = slot.named[w] ?? madeUpName(peopleRand);
      const base = mailLocalPart(name[0], name[1]);
      let local = base;
      for (let k = 2; taken.has(local); k++) local = `${base}${k}`;
      taken.add(local);
      const p = person(name, `${local}@${slot.row.slug}.example`, slot.row.id, false);
      people.push(p);
      if (c < curated && w < 5) byPlace.set(`${c}:${w}`, p);
      if (w === 0) roleGrants.push(grant(p.id, 'coop_admin', slot.row.id));
      if (w === 1) roleGrants.push(grant(p.id, 'cashier', slot.row.id));
    }
  });
  const supporters = DEMO_SUPPORTERS.map((n) => person(n, `${mailLocalPart(n[0], n[1])}@${SUPPORTER_DOMAIN}`, null, true));
  people.push(...supporters);

  const at = (pos: [number, number]) => byPlace.get(`${pos[0]}:${pos[1]}`)!;
  const coordinator = at(place(COORDINATOR_AT, curated, 2));
  const treasurer = at(place(TREASURER_AT, curated, 3));
  roleGrants.push(grant(coordinator.id, 'coordinator'), grant(treasurer.id, 'treasurer'));

  const applicants: NewCoop[] = [];
  const applications: Insertable<JoinApplicationTable>[] = [];
  DEMO_APPLICANTS.forEach((a, i) => {
    const id = newId();
    const slug = slugify(a.name);
    const applied = daysAgo(now, 9 - i * 6);
    applicants.push({
      id,
      slug,
      name: a.name,
      search_text: searchText(a.name, a.description, CITY, a.sector),
      legal_form: 'cooperativa de trabajo asociado',
      sector: a.sector,
      address: a.address,
      city: CITY,
      latitude: a.latitude,
      longitude: a.longitude,
      description: a.description,
      website: null,
      logo_url: null,
      worker_count: a.workerCount,
      status: 'applicant',
      created_at: applied,
      updated_at: applied,
      admitted_at: null,
    });
    applications.push({
      id: newId(),
      coop_id: id,
      contact_name: displayName(a.contact),
      contact_email: `${mailLocalPart(a.contact[0], a.contact[1])}@${slug}.example`,
      message: a.message,
      status: 'pending',
      decided_by: null,
      decided_at: null,
      decision_note: null,
      created_at: applied,
    });
  });

  const coopName = (id: string | null | undefined) => slots.find((s) => s.row.id === id)?.row.name ?? null;
  const login = (role: string, p: Insertable<PersonTable>): DemoLogin => ({ role, name: p.display_name, email: p.email, coop: coopName(p.coop_id) });
  const shown = at(place(SHOWN_WORKER_AT, curated, 4));
  const logins = [
    login('coordinator', coordinator),
    login('treasurer', treasurer),
    login('co-op admin', at([0, 0])),
    login('cashier', at([0, 1])),
    login('worker', shown),
    login('supporter', supporters[0]!),
  ];

  return {
    coops: slots.map((s) => s.row),
    people,
    roleGrants,
    applicants,
    applications,
    logins,
    counts: {
      coops: slots.length,
      workers: people.length - supporters.length,
      supporters: supporters.length,
      applications: applications.length,
      roleGrants: roleGrants.length,
    },
  };
}
