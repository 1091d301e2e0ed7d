/** The network's one settings row and its public figures. */
import type { Executor } from '../../db/database.ts';
import type { Network, NetworkTable } from '../../db/schema.ts';
import { newId, nowIso } from '../../platform/clock.ts';

export async function getNetwork(ex: Executor): Promise<Network> {
  return ex.selectFrom('network').selectAll().orderBy('created_at').limit(1).executeTakeFirstOrThrow();
}

/** The settings row exists from the first start on; the demo seed renames it. */
export async function ensureNetwork(ex: Executor): Promise<void> {
  const existing = await ex.selectFrom('network').select('id').limit(1).executeTakeFirst();
  if (existing) return;
  const now = nowIso();
  await ex
    .insertInto('network')
    .values({ id: newId(), name: 'Coopnet', currency: 'EUR', locale: 'en', time_zone: 'UTC', logo_url: null, description: null, created_at: now, updated_at: now })
    .execute();
}

export async function updateNetwork(ex: Executor, id: string, patch: Partial<NetworkTable>): Promise<void> {
  await ex.updateTable('network').set(patch).where('id', '=', id).execute();
}

export async function figures(ex: Executor) {
  const [coops, workers, supporters] = await Promise.all([
    ex
      .selectFrom('coops')
      .select([(eb) => eb.fn.countAll<number>().as('n'), (eb) => eb.fn.count<number>('sector').distinct().as('sectors')])
      .where('status', '=', 'member')
      .executeTakeFirstOrThrow(),
    ex
      .selectFrom('people')
      .innerJoin('coops', 'coops.id', 'people.coop_id')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('people.status', '=', 'active')
      .where('coops.status', '=', 'member')
      .executeTakeFirstOrThrow(),
    ex
      .selectFrom('people')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('supporter', '=', 1)
      .where('status', '=', 'active')
      .executeTakeFirstOrThrow(),
  ]);
  return {
    memberCoops: Number(coops.n),
    sectors: Number(coops.sectors),
    workers: Number(workers.n),
    supporters: Number(supporters.n),
  };
}
