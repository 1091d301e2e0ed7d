/**
 * All SQL of the reciprocity accounts: the month's redemptions summed by
 * giver and receiver, the co-ops they name, the settlement policy set by
 * coordinators, the settlement obligations and their payments.
 */
import type { Executor } from '../../db/database.ts';
import type { DialectName } from '../../db/database.ts';
import type { SettlementObligationTable, SettlementPaymentTable, SettlementPolicyChangeTable } from '../../db/schema-benefits.ts';

/** The action that marks a month as settled (see settlements.service.ts). */
export const MONTH_SETTLED = 'reciprocity.month_settled';

export interface CellRow {
  giverCoopId: string;
  receiverCoopId: string | null;
  count: number;
  cents: number;
}

/**
 * The redemptions that count in an accounting month: those without a flag,
 * and flagged ones the co-op's admin accepted. A flag not yet decided, or
 * rejected, counts nowhere (index redemptions_accounting).
 */
function counted(ex: Executor, months: string[]) {
  return ex
    .selectFrom('redemptions')
    .where('accounting_month', 'in', months)
    .where((eb) => eb.or([eb('flag', 'is', null), eb('flag_decision', '=', 'accepted')]));
}

/** The month's counted redemptions by giving and receiving co-op. */
export async function cellsOf(ex: Executor, month: string): Promise<CellRow[]> {
  const rows = await counted(ex, [month])
    .select((eb) => [
      'coop_id',
      'holder_coop_id',
      eb.fn.countAll<number>().as('n'),
      eb.fn.sum<number>('discount_cents').as('cents'),
    ])
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
  const rows = await counted(ex, months)
    .select((eb) => ['accounting_month', eb.fn.countAll<number>().as('n'), eb.fn.sum<number>('discount_cents').as('cents')])
    .groupBy('accounting_month')
    .execute();
  return rows.map((r) => ({ month: r.accounting_month, count: Number(r.n), cents: Number(r.cents) }));
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

/**
 * A redemption about to count in a month that has ended (a late sale, a flag
 * accepted) waits for a settlement running at that moment, and holds the
 * next one off until it commits: on PostgreSQL the network's row is shared-
 * locked, against the settlement's exclusive lock.
 */
export async function holdSettlements(ex: Executor, dialect: DialectName): Promise<void> {
  if (dialect === 'postgres') await ex.selectFrom('network').select('id').forShare().execute();
}

/** The settled months from `month` on (index audit_events_action). */
export async function settledMonthsFrom(ex: Executor, month: string): Promise<Set<string>> {
  const rows = await ex
    .selectFrom('audit_events')
    .select('subject_id')
    .where('action', '=', MONTH_SETTLED)
    .where('subject_type', '=', 'reciprocity_month')
    .where('subject_id', '>=', month)
    .execute();
  return new Set(rows.map((r) => r.subject_id));
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

/** Obligations with the co-op's name and their payment, if paid. */
const obligationRows = (ex: Executor) =>
  ex
    .selectFrom('settlement_obligations')
    .innerJoin('coops', 'coops.id', 'settlement_obligations.coop_id')
    .leftJoin('settlement_payments', 'settlement_payments.obligation_id', 'settlement_obligations.id')
    .selectAll('settlement_obligations')
    .select([
      'coops.name as coop_name',
      'settlement_payments.movement_id as paid_movement_id',
      'settlement_payments.paid_at as paid_at',
      'settlement_payments.date as paid_date',
      'settlement_payments.idempotency_key as paid_key',
    ]);

/** A month's obligations (every month's, newest first, without one). */
export async function obligations(ex: Executor, month?: string) {
  let q = obligationRows(ex);
  if (month) q = q.where('settlement_obligations.month', '=', month);
  return q.orderBy('settlement_obligations.month', 'desc').orderBy('coops.name').orderBy('settlement_obligations.id').execute();
}

export type ObligationRow = Awaited<ReturnType<typeof obligations>>[number];

export const obligationById = (ex: Executor, id: string) =>
  obligationRows(ex).where('settlement_obligations.id', '=', id).executeTakeFirst();

/** Holds an obligation's row until the transaction ends (PostgreSQL; SQLite writes one at a time). */
export async function lockObligation(ex: Executor, dialect: DialectName, id: string): Promise<void> {
  if (dialect === 'postgres') await ex.selectFrom('settlement_obligations').select('id').where('id', '=', id).forUpdate().execute();
}

export async function setObligationMovement(ex: Executor, ids: string[], movementId: string): Promise<void> {
  await ex.updateTable('settlement_obligations').set({ movement_id: movementId }).where('id', 'in', ids).execute();
}

export async function insertPayment(ex: Executor, row: SettlementPaymentTable): Promise<void> {
  await ex.insertInto('settlement_payments').values(row).execute();
}

export interface SavedTotals {
  monthCents: number;
  monthCount: number;
  yearCents: number;
  yearCount: number;
}

/** The months of `month`'s calendar year, January to December. */
function yearOf(month: string): string[] {
  const year = month.slice(0, 4);
  return Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`);
}

/** What the accounts count in `month` and in its year, in one pass (index redemptions_accounting). */
export async function savedTotals(ex: Executor, month: string): Promise<SavedTotals> {
  const row = await counted(ex, yearOf(month))
    .select((eb) => [
      eb.fn.countAll<number>().as('year_count'),
      eb.fn.sum<number>('discount_cents').as('year_cents'),
      eb.fn.sum<number>(eb.case().when('accounting_month', '=', month).then(1).else(0).end()).as('month_count'),
      eb.fn.sum<number>(eb.case().when('accounting_month', '=', month).then(eb.ref('discount_cents')).else(0).end()).as('month_cents'),
    ])
    .executeTakeFirstOrThrow();
  return {
    monthCents: Number(row.month_cents ?? 0),
    monthCount: Number(row.month_count ?? 0),
    yearCents: Number(row.year_cents ?? 0),
    yearCount: Number(row.year_count ?? 0),
  };
}

/**
 * One co-op's side of the accounts in `month` and in its year, as the matrix
 * counts it: what its tills gave, and what its workers received at the tills
 * of the co-ops (index redemptions_accounting).
 */
export async function coopTotals(ex: Executor, coopId: string, month: string): Promise<{ given: SavedTotals; received: SavedTotals }> {
  const row = await counted(ex, yearOf(month))
    .where((eb) => eb.or([eb('coop_id', '=', coopId), eb('holder_coop_id', '=', coopId)]))
    .select((eb) => {
      const sumIf = (column: 'coop_id' | 'holder_coop_id', thisMonth: boolean, cents: boolean) => {
        let when = eb(column, '=', coopId);
        if (thisMonth) when = eb.and([when, eb('accounting_month', '=', month)]);
        return eb.fn.sum<number>(eb.case().when(when).then(cents ? eb.ref('discount_cents') : eb.lit(1)).else(eb.lit(0)).end());
      };
      return [
        sumIf('coop_id', true, true).as('given_month_cents'),
        sumIf('coop_id', true, false).as('given_month_count'),
        sumIf('coop_id', false, true).as('given_year_cents'),
        sumIf('coop_id', false, false).as('given_year_count'),
        sumIf('holder_coop_id', true, true).as('received_month_cents'),
        sumIf('holder_coop_id', true, false).as('received_month_count'),
        sumIf('holder_coop_id', false, true).as('received_year_cents'),
        sumIf('holder_coop_id', false, false).as('received_year_count'),
      ];
    })
    .executeTakeFirstOrThrow();
  const n = (v: unknown) => Number(v ?? 0);
  return {
    given: { monthCents: n(row.given_month_cents), monthCount: n(row.given_month_count), yearCents: n(row.given_year_cents), yearCount: n(row.given_year_count) },
    received: {
      monthCents: n(row.received_month_cents),
      monthCount: n(row.received_month_count),
      yearCents: n(row.received_year_cents),
      yearCount: n(row.received_year_count),
    },
  };
}
