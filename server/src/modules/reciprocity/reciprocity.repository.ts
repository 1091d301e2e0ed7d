/**
 * All SQL of the reciprocity accounts: the month's redemptions summed by
 * giver and receiver, the co-ops they name, the settlement policy set by
 * coordinators, and the settlement obligations.
 */
import type { Executor } from '../../db/database.ts';
import type { DialectName } from '../../db/database.ts';
import type { SettlementObligationTable, SettlementPolicyChangeTable } from '../../db/schema-benefits.ts';

/** The action that marks a month as settled (see settlements.service.ts). */
export const MONTH_SETTLED = 'reciprocity.month_settled';

export interface CellRow {
  giverCoopId: string;
  receiverCoopId: string | null;
  count: number;
  cents: number;
}

/** Every redemption of the month, flagged ones too (they happened), by giving and receiving co-op. */
export async function cellsOf(ex: Executor, month: string): Promise<CellRow[]> {
  const rows = await ex
    .selectFrom('redemptions')
    .select((eb) => [
      'coop_id',
      'holder_coop_id',
      eb.fn.countAll<number>().as('n'),
      eb.fn.sum<number>('discount_cents').as('cents'),
    ])
    .where('month', '=', month)
    .groupBy(['coop_id', 'holder_coop_id'])
    .execute();
  return rows.map((r) => ({ giverCoopId: r.coop_id, receiverCoopId: r.holder_coop_id, count: Number(r.n), cents: Number(r.cents) }));
}

/** The member co-ops, and any other co-op named by the month's redemptions (one that left still gave). */
export async function coopsFor(ex: Executor, alsoIds: string[]) {
  return ex
    .selectFrom('coops')
    .select(['id', 'name'])
    .where((eb) => (alsoIds.length > 0 ? eb.or([eb('status', '=', 'member'), eb('id', 'in', alsoIds)]) : eb('status', '=', 'member')))
    .execute();
}

export async function totalsByMonth(ex: Executor, months: string[]) {
  const rows = await ex
    .selectFrom('redemptions')
    .select((eb) => ['month', eb.fn.countAll<number>().as('n'), eb.fn.sum<number>('discount_cents').as('cents')])
    .where('month', 'in', months)
    .groupBy('month')
    .execute();
  return rows.map((r) => ({ month: r.month, count: Number(r.n), cents: Number(r.cents) }));
}

export async function latestPolicyChange(ex: Executor): Promise<SettlementPolicyChangeTable | undefined> {
  return ex.selectFrom('settlement_policy_changes').selectAll().orderBy('set_at', 'desc').orderBy('id', 'desc').limit(1).executeTakeFirst();
}

export async function insertPolicyChange(ex: Executor, row: SettlementPolicyChangeTable): Promise<void> {
  await ex.insertInto('settlement_policy_changes').values(row).execute();
}

/**
 * Settlements of any month wait for each other: on PostgreSQL the network's
 * row is locked for the transaction (SQLite's one connection runs one
 * transaction at a time anyway), so two coordinators settling at once
 * settle once.
 */
export async function lockSettlements(ex: Executor, dialect: DialectName): Promise<void> {
  if (dialect === 'postgres') await ex.selectFrom('network').select('id').forUpdate().execute();
}

export async function monthSettled(ex: Executor, month: string): Promise<boolean> {
  const row = await ex
    .selectFrom('audit_events')
    .select('id')
    .where('subject_id', '=', month)
    .where('subject_type', '=', 'reciprocity_month')
    .where('action', '=', MONTH_SETTLED)
    .limit(1)
    .executeTakeFirst();
  return !!row;
}

export async function insertObligations(ex: Executor, rows: SettlementObligationTable[]): Promise<void> {
  if (rows.length > 0) await ex.insertInto('settlement_obligations').values(rows).execute();
}

/** A month's obligations (every month's, newest first, without one), with the co-op's name. */
export async function obligations(ex: Executor, month?: string) {
  let q = ex
    .selectFrom('settlement_obligations')
    .innerJoin('coops', 'coops.id', 'settlement_obligations.coop_id')
    .selectAll('settlement_obligations')
    .select('coops.name as coop_name');
  if (month) q = q.where('settlement_obligations.month', '=', month);
  return q.orderBy('settlement_obligations.month', 'desc').orderBy('coops.name').orderBy('settlement_obligations.id').execute();
}
