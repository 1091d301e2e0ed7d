/**
 * The network's sectors: a list coordinators keep, each with a code and a
 * name per language. Co-ops and offers name sectors by code; the list is
 * what they may choose from.
 *
 * A new network starts with a list of common sectors. A network that already
 * has co-ops or offers gets, besides, every code they use: with its name when
 * it is one of the common ones, with the code itself as a provisional name
 * (in both languages) when not, for a coordinator to rename.
 */
import { type Kysely, sql } from 'kysely';

const text = 'text' as const;

/** Names of common sectors, by code: the starting list (and the names of older codes it knows). */
const KNOWN: Readonly<Record<string, readonly [en: string, es: string]>> = {
  agriculture: ['Agriculture', 'Agricultura'],
  bakery: ['Bakery', 'Panadería'],
  bicycles: ['Bicycles', 'Bicicletas'],
  books: ['Books', 'Librería'],
  brewery: ['Brewery', 'Cervecería'],
  cafe: ['Café and bar', 'Cafetería y bar'],
  childcare: ['Childcare', 'Educación infantil'],
  cleaning: ['Cleaning', 'Limpieza'],
  construction: ['Construction', 'Construcción'],
  culture: ['Culture', 'Cultura'],
  education: ['Education', 'Educación'],
  energy: ['Energy', 'Energía'],
  food: ['Food', 'Alimentación'],
  grocery: ['Grocery', 'Tienda de alimentación'],
  health: ['Health', 'Salud'],
  'home-care': ['Home care', 'Atención a domicilio'],
  housing: ['Housing', 'Vivienda'],
  media: ['Media', 'Comunicación'],
  printing: ['Printing', 'Imprenta'],
  removals: ['Removals', 'Mudanzas'],
  software: ['Software', 'Informática'],
  textiles: ['Textiles', 'Textil'],
  transport: ['Transport', 'Transporte'],
};
/** Older spellings of known codes, still found in co-ops and offers made before the list. */
const OLDER: Readonly<Record<string, string>> = { 'home care': 'home-care' };

/** How many sectors a new network starts with (a restore counts them as made by the start, not as data). */
export const STARTING_SECTORS = Object.keys(KNOWN).length;

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('sectors')
    .addColumn('code', text, (c) => c.primaryKey())
    .addColumn('name_en', text, (c) => c.notNull())
    .addColumn('name_es', text, (c) => c.notNull())
    .addColumn('created_at', text, (c) => c.notNull())
    .addColumn('updated_at', text, (c) => c.notNull())
    .execute();

  const used = new Set<string>();
  const coops = await sql<{ sector: string }>`select distinct sector from coops`.execute(db);
  for (const r of coops.rows) used.add(r.sector);
  const offers = await sql<{ sectors_json: string }>`select distinct sectors_json from offers`.execute(db);
  for (const r of offers.rows) {
    try {
      const list: unknown = JSON.parse(r.sectors_json);
      if (Array.isArray(list)) for (const s of list) if (typeof s === 'string') used.add(s);
    } catch {
      // a list that is not JSON names no sector
    }
  }

  const now = new Date().toISOString();
  const rows = new Map<string, [string, string]>();
  for (const [code, [en, es]] of Object.entries(KNOWN)) rows.set(code, [en, es]);
  for (const code of used) {
    if (rows.has(code) || code.trim() === '') continue;
    const known = KNOWN[OLDER[code] ?? ''];
    rows.set(code, known ? [known[0], known[1]] : [code, code]);
  }
  for (const [code, [en, es]] of rows) {
    await sql`insert into sectors (code, name_en, name_es, created_at, updated_at) values (${code}, ${en}, ${es}, ${now}, ${now})`.execute(db);
  }
}

export async function down(): Promise<void> {
  throw new Error('migrations are append-only');
}
