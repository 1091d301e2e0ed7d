/** All SQL of the network's sectors. */
import type { Executor } from '../../db/database.ts';
import type { Sector, SectorTable } from '../../db/schema.ts';

export async function listSectors(ex: Executor): Promise<Sector[]> {
  return ex.selectFrom('sectors').selectAll().orderBy('code').execute();
}

export async function findSector(ex: Executor, code: string): Promise<Sector | undefined> {
  return ex.selectFrom('sectors').selectAll().where('code', '=', code).executeTakeFirst();
}

/** The codes among `codes` the list does not hold. */
export async function unknownSectors(ex: Executor, codes: readonly string[]): Promise<string[]> {
  const wanted = [...new Set(codes)];
  if (wanted.length === 0) return [];
  const found = await ex.selectFrom('sectors').select('code').where('code', 'in', wanted).execute();
  const known = new Set(found.map((r) => r.code));
  return wanted.filter((c) => !known.has(c));
}

export async function insertSector(ex: Executor, row: SectorTable): Promise<void> {
  await ex.insertInto('sectors').values(row).execute();
}

export async function updateSector(ex: Executor, code: string, patch: Partial<Omit<SectorTable, 'code'>>): Promise<void> {
  await ex.updateTable('sectors').set(patch).where('code', '=', code).execute();
}
