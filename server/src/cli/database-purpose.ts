/**
 * What a database is for, recorded once in the network's settings row: the
 * demo network (its logins and password are public) or a real network. The
 * demo is seeded only into a database not marked 'real', whatever SEED_DEMO
 * says at a later start.
 */
import type { Executor } from '../db/database.ts';
import type { AppDeps } from '../deps.ts';
import type { DatabasePurpose } from '../db/schema.ts';
import { hasCoops, seedDemo } from '../modules/demo/index.ts';
import { ensureNetwork } from '../modules/network/index.ts';

export const DEMO_BANNER = [
  '',
  '!'.repeat(100),
  '!!  THIS IS THE DEMO NETWORK — its logins and password are public; do not use it for a real network.',
  '!!  For a real network, start from an empty database: see "For a real network" in docs/operations.md.',
  '!'.repeat(100),
  '',
].join('\n');

export async function databasePurpose(ex: Executor): Promise<DatabasePurpose | null> {
  const row = await ex.selectFrom('network').select('purpose').orderBy('created_at').limit(1).executeTakeFirst();
  return row?.purpose ?? null;
}

/** Records the purpose unless one was already decided; returns the purpose the database now has. */
export async function decidePurpose(ex: Executor, purpose: DatabasePurpose): Promise<DatabasePurpose> {
  await ensureNetwork(ex);
  await ex.updateTable('network').set({ purpose }).where('purpose', 'is', null).execute();
  return (await databasePurpose(ex)) ?? purpose;
}

/** After a restore: a backup from before purposes were recorded is 'demo' if the demo was seeded into it, else 'real'. */
export async function decidePurposeAfterRestore(ex: Executor): Promise<DatabasePurpose> {
  const seeded = await ex
    .selectFrom('audit_events')
    .select('id')
    .where('action', '=', 'demo.seeded')
    .limit(1)
    .executeTakeFirst();
  return decidePurpose(ex, seeded ? 'demo' : 'real');
}

export interface ServePreparation {
  purpose: DatabasePurpose | null;
  /** what the demo seed made, when this start seeded it */
  seeded: Awaited<ReturnType<typeof seedDemo>> | null;
}

/**
 * What `serve` does before it listens: an empty database not marked 'real'
 * gets the demo when SEED_DEMO allows (and is marked 'demo'); SEED_DEMO=false
 * on an undecided database marks it 'real'. A 'real' database is never seeded.
 */
export async function prepareToServe(
  deps: Pick<AppDeps, 'db' | 'dialect' | 'network'>,
  seedDemoAllowed: boolean,
): Promise<ServePreparation> {
  const { db } = deps;
  await ensureNetwork(db);
  let purpose = await databasePurpose(db);
  let seeded: ServePreparation['seeded'] = null;
  if (purpose !== 'real' && seedDemoAllowed && !(await hasCoops(db))) {
    seeded = await seedDemo(deps); // marks the database 'demo' in the same transaction
    purpose = 'demo';
  } else if (purpose === null && !seedDemoAllowed) {
    purpose = await decidePurpose(db, 'real');
  }
  return { purpose, seeded };
}
