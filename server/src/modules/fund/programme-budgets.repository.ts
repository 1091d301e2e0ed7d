/** What the ledger gave each community programme: its `programme` movements' lines on `expenses:programmes`. */
import type { Executor } from '../../db/database.ts';

export async function givenToProgrammes(ex: Executor, programmeIds: string[]): Promise<Map<string, number>> {
  if (programmeIds.length === 0) return new Map();
  const rows = await ex
    .selectFrom('ledger_entries as e')
    .innerJoin('ledger_movements as m', 'm.id', 'e.movement_id')
    .select(['m.programme_id', (eb) => eb.fn.sum<number>('e.cents').as('cents')])
    .where('m.programme_id', 'in', programmeIds)
    .where('e.account_code', '=', 'expenses:programmes')
    .groupBy('m.programme_id')
    .execute();
  return new Map(rows.map((r) => [r.programme_id!, Number(r.cents)]));
}
