/**
 * The demo network's governance: each co-op has sent one delegate to the
 * council (its third worker, never its admin, so the demo shows a delegate
 * who is not the one who appointed them), and a general assembly is called
 * for next month in a hall in the city. Rows planned in memory, inserted in
 * batches, in the seed's transaction.
 */
import type { Insertable } from 'kysely';
import type { Tx } from '../../db/database.ts';
import type { PersonTable } from '../../db/schema.ts';
import type { BodyMemberTable } from '../../db/schema-governance.ts';
import { newId } from '../../platform/clock.ts';
import { ensureGovernance, governanceBodies, scheduleAssembly } from '../governance/index.ts';
import { insertMembers } from './demo.repository.ts';

const BATCH = 500;

/** The 15th of next month, 17:00–19:30 UTC (evening in Valencia), whatever today is. */
export function nextMonthsAssembly(now: string): { startsAt: string; endsAt: string } {
  const d = new Date(now);
  const start = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 15, 17, 0, 0);
  return { startsAt: new Date(start).toISOString(), endsAt: new Date(start + 2.5 * 3_600_000).toISOString() };
}

export async function seedGovernance(trx: Tx, people: Insertable<PersonTable>[], now: string): Promise<{ delegates: number }> {
  await ensureGovernance(trx);
  const { council, assembly } = await governanceBodies(trx);

  // The plan lists each co-op's workers together, its admin first.
  const byCoop = new Map<string, Insertable<PersonTable>[]>();
  for (const p of people) {
    if (!p.coop_id) continue;
    const workers = byCoop.get(p.coop_id);
    if (workers) workers.push(p);
    else byCoop.set(p.coop_id, [p]);
  }
  const delegates: BodyMemberTable[] = [];
  for (const [coopId, workers] of byCoop) {
    const delegate = workers[2] ?? workers[1];
    if (!delegate) continue; // a one-worker co-op has only its admin
    delegates.push({ id: newId(), body_id: council.id, person_id: delegate.id!, coop_id: coopId, term_start: now, term_end: null, recalled_at: null, recalled_by: null, created_at: now });
  }
  for (let i = 0; i < delegates.length; i += BATCH) await insertMembers(trx, delegates.slice(i, i + BATCH));

  const { startsAt, endsAt } = nextMonthsAssembly(now);
  await scheduleAssembly(trx, {
    id: newId(),
    body_id: assembly.id,
    title: 'Asamblea general ordinaria',
    starts_at: startsAt,
    ends_at: endsAt,
    place: 'Las Naves, Carrer de Joan Verdeguer 16, 46024 València',
    video_url: null,
    minutes: null,
    created_at: now,
    updated_at: now,
  });
  return { delegates: delegates.length };
}
