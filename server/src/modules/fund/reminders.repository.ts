/** Reminders of overdue obligations: which were sent (one row per obligation and stage), and to whom they go. */
import type { Executor } from '../../db/database.ts';

/** The latest reminder stage sent of each of these obligations. */
export async function stagesSent(ex: Executor, obligationIds: string[]): Promise<Map<string, number>> {
  const sent = new Map<string, number>();
  for (let i = 0; i < obligationIds.length; i += 500) {
    const rows = await ex
      .selectFrom('fund_reminders')
      .select(['obligation_id', (eb) => eb.fn.max<number>('stage').as('stage')])
      .where('obligation_id', 'in', obligationIds.slice(i, i + 500))
      .groupBy('obligation_id')
      .execute();
    for (const r of rows) sent.set(r.obligation_id, Number(r.stage));
  }
  return sent;
}

/** Records a reminder as sent; false when it already was (by another server at the same time). */
export async function markSent(
  ex: Executor,
  row: { obligation_id: string; stage: number; recipients: number; sent_at: string },
): Promise<boolean> {
  const res = await ex
    .insertInto('fund_reminders')
    .values(row)
    .onConflict((oc) => oc.columns(['obligation_id', 'stage']).doNothing())
    .executeTakeFirst();
  return Number(res.numInsertedOrUpdatedRows ?? 0n) > 0;
}

/** The active people who are admins of a co-op. */
export async function coopAdmins(ex: Executor, coopId: string): Promise<string[]> {
  const rows = await ex
    .selectFrom('role_grants as r')
    .innerJoin('people as p', 'p.id', 'r.person_id')
    .select('p.id')
    .where('r.role', '=', 'coop_admin')
    .where('r.coop_id', '=', coopId)
    .where('p.status', '=', 'active')
    .execute();
  return rows.map((r) => r.id);
}
