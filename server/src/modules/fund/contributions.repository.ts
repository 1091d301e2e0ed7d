/** Obligations and payments of contributions to the fund. */
import { sql } from 'kysely';
import type { Executor } from '../../db/database.ts';
import type { FundObligationTable, FundPaymentTable } from '../../db/schema-fund.ts';

/** Member co-ops and how many active workers each has: who owes a month's dues, and how much. */
export async function memberCoopsWithWorkers(ex: Executor) {
  const rows = await ex
    .selectFrom('coops as c')
    .leftJoin('people as p', (j) => j.onRef('p.coop_id', '=', 'c.id').on('p.status', '=', 'active'))
    .select(['c.id', 'c.name', (eb) => eb.fn.count<number>('p.id').as('workers')])
    .where('c.status', '=', 'member')
    .groupBy(['c.id', 'c.name'])
    .orderBy('c.name')
    .execute();
  return rows.map((r) => ({ id: r.id, name: r.name, workers: Number(r.workers) }));
}

/** A batch of member co-ops with their active workers: up to `limit` after the co-op `after`, by id. */
export async function memberCoopsAfter(ex: Executor, after: string | undefined, limit: number) {
  let q = ex
    .selectFrom('coops as c')
    .leftJoin('people as p', (j) => j.onRef('p.coop_id', '=', 'c.id').on('p.status', '=', 'active'))
    .select(['c.id', 'c.name', (eb) => eb.fn.count<number>('p.id').as('workers')])
    .where('c.status', '=', 'member')
    .groupBy(['c.id', 'c.name'])
    .orderBy('c.id')
    .limit(limit);
  if (after) q = q.where('c.id', '>', after);
  return (await q.execute()).map((r) => ({ id: r.id, name: r.name, workers: Number(r.workers) }));
}

/** How many member co-ops there are, and how many of them come up to `upTo` (by id). */
export async function memberCoopCount(ex: Executor, upTo?: string) {
  let q = ex
    .selectFrom('coops')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('status', '=', 'member');
  if (upTo !== undefined) q = q.where('id', '<=', upTo);
  return Number((await q.executeTakeFirstOrThrow()).n);
}

export async function obligationFor(ex: Executor, coopId: string, period: string) {
  return ex
    .selectFrom('fund_obligations')
    .select('id')
    .where('coop_id', '=', coopId)
    .where('period', '=', period)
    .where('kind', '=', 'monthly_due')
    .executeTakeFirst();
}

export async function insertObligation(ex: Executor, row: FundObligationTable): Promise<void> {
  await ex.insertInto('fund_obligations').values(row).execute();
}

export async function insertPayment(ex: Executor, row: FundPaymentTable): Promise<void> {
  await ex.insertInto('fund_payments').values(row).execute();
}

/** Obligations with what has been paid of each, newest period first. */
export function obligations(
  ex: Executor,
  q: {
    id?: string;
    period?: string | undefined;
    coopId?: string | undefined;
    kind?: 'monthly_due' | 'surplus_share' | undefined;
    outstandingOnly?: boolean;
    /** only those due before this day */
    dueBefore?: string;
  },
) {
  let query = ex
    .selectFrom('fund_obligations as o')
    .innerJoin('coops as c', 'c.id', 'o.coop_id')
    .leftJoin('fund_payments as p', 'p.obligation_id', 'o.id')
    .select([
      'o.id',
      'o.coop_id',
      'c.name as coop_name',
      'o.period',
      'o.kind',
      'o.amount_cents',
      'o.reference',
      'o.due_date',
      'o.movement_id',
      (eb) => eb.fn.coalesce(eb.fn.sum<number>('p.cents'), sql<number>`0`).as('paid_cents'),
    ])
    .groupBy([
      'o.id',
      'o.coop_id',
      'c.name',
      'o.period',
      'o.kind',
      'o.amount_cents',
      'o.reference',
      'o.due_date',
      'o.movement_id',
    ])
    .orderBy('o.period', 'desc')
    .orderBy('c.name');
  if (q.id) query = query.where('o.id', '=', q.id);
  if (q.period) query = query.where('o.period', '=', q.period);
  if (q.coopId) query = query.where('o.coop_id', '=', q.coopId);
  if (q.kind) query = query.where('o.kind', '=', q.kind);
  if (q.dueBefore) query = query.where('o.due_date', '<', q.dueBefore);
  if (q.outstandingOnly)
    query = query.having((eb) =>
      eb(eb.fn.coalesce(eb.fn.sum<number>('p.cents'), sql<number>`0`), '<', eb.ref('o.amount_cents')),
    );
  return query.execute();
}

export type ObligationRow = Awaited<ReturnType<typeof obligations>>[number];

export async function obligationById(ex: Executor, id: string) {
  return (await obligations(ex, { id }))[0];
}

/** Which of these bank-line fingerprints were imported before (as a payment of dues or a loan's repayment). */
export async function importedLines(ex: Executor, fingerprints: string[]): Promise<Set<string>> {
  const seen = new Set<string>();
  for (let i = 0; i < fingerprints.length; i += 500) {
    const batch = fingerprints.slice(i, i + 500);
    const dues = await ex.selectFrom('fund_payments').select('bank_line').where('bank_line', 'in', batch).execute();
    const loans = await ex
      .selectFrom('fund_loan_repayments')
      .select('bank_line')
      .where('bank_line', 'in', batch)
      .execute();
    for (const r of [...dues, ...loans]) if (r.bank_line) seen.add(r.bank_line);
  }
  return seen;
}

/** What each co-op paid into the fund (dues) since a day, largest first. */
export async function contributionsSince(ex: Executor, since: string) {
  return ex
    .selectFrom('fund_payments as p')
    .innerJoin('fund_obligations as o', 'o.id', 'p.obligation_id')
    .innerJoin('coops as c', 'c.id', 'o.coop_id')
    .select(['c.name as coop_name', (eb) => eb.fn.sum<number>('p.cents').as('paid')])
    .where('p.paid_on', '>=', since)
    .groupBy('c.name')
    .orderBy('paid', 'desc')
    .orderBy('c.name')
    .execute();
}

/** The dues a payment booked under this Idempotency-Key paid, if one was. */
export async function paymentByKey(ex: Executor, key: string) {
  return ex
    .selectFrom('fund_payments as p')
    .innerJoin('ledger_movements as m', 'm.id', 'p.movement_id')
    .select('p.obligation_id')
    .where('m.idempotency_key', '=', key)
    .executeTakeFirst();
}
