/**
 * A community programme's budget from the fund, read from the ledger, not a
 * copy: the sum of the `programme` movements that name it (a reversal names
 * what it reverses, so it takes its amount back).
 */
import type { Executor } from '../../db/database.ts';
import { givenToProgrammes } from './programme-budgets.repository.ts';

export async function fromTheFund(ex: Executor, programmeId: string): Promise<number> {
  return (await givenToProgrammes(ex, [programmeId])).get(programmeId) ?? 0;
}
