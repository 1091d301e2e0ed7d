/** Co-ops' yearly accounts as declared: the surplus whose share each owes the fund. */
import type { Executor } from '../../db/database.ts';
import type { FundObligationTable, FundSurplusDeclarationTable } from '../../db/schema-fund.ts';

/** A co-op of the network that owes contributions (a member), with its name. */
export async function memberCoop(ex: Executor, coopId: string) {
  return ex
    .selectFrom('coops')
    .select(['id', 'name'])
    .where('id', '=', coopId)
    .where('status', '=', 'member')
    .executeTakeFirst();
}

export async function declaration(ex: Executor, coopId: string, year: number) {
  return ex
    .selectFrom('fund_surplus_declarations')
    .selectAll()
    .where('coop_id', '=', coopId)
    .where('year', '=', year)
    .executeTakeFirst();
}

export async function declarations(ex: Executor, coopId: string) {
  return ex
    .selectFrom('fund_surplus_declarations')
    .selectAll()
    .where('coop_id', '=', coopId)
    .orderBy('year', 'desc')
    .execute();
}

export async function insertDeclaration(ex: Executor, row: FundSurplusDeclarationTable): Promise<void> {
  await ex.insertInto('fund_surplus_declarations').values(row).execute();
}

export async function updateDeclaration(
  ex: Executor,
  id: string,
  set: Pick<
    FundSurplusDeclarationTable,
    'closed_on' | 'surplus_cents' | 'share_basis_points' | 'obligation_id' | 'corrected_by' | 'corrected_at'
  >,
): Promise<void> {
  await ex.updateTable('fund_surplus_declarations').set(set).where('id', '=', id).execute();
}

/** A corrected share: what is owed, when, and the movement that now books it. */
export async function updateObligation(
  ex: Executor,
  id: string,
  set: Pick<FundObligationTable, 'amount_cents' | 'due_date' | 'movement_id'>,
): Promise<void> {
  await ex.updateTable('fund_obligations').set(set).where('id', '=', id).execute();
}
