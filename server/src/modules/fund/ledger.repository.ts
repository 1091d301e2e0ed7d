/**
 * The ledger's tables. Entries and movements are only ever inserted; kept
 * balances are changed only by `applyLines`, in the transaction that inserts
 * the entries they sum.
 */
import type { ledger } from '@coopnet/domain';
import { sql } from 'kysely';
import type { DialectName, Executor } from '../../db/database.ts';
import type { LedgerMovementTable } from '../../db/schema-fund.ts';

export async function accounts(ex: Executor) {
  return ex.selectFrom('ledger_accounts').selectAll().orderBy('code').execute();
}

export async function subFunds(ex: Executor) {
  return ex.selectFrom('ledger_sub_funds').selectAll().orderBy('created_at').orderBy('code').execute();
}

/** The books' row; on PostgreSQL locked until the transaction ends, so postings are applied one at a time. */
export async function lockBooks(ex: Executor, dialect: DialectName) {
  let q = ex.selectFrom('ledger_books').selectAll().where('id', '=', 1);
  if (dialect === 'postgres') q = q.forUpdate();
  return q.executeTakeFirstOrThrow();
}

export async function books(ex: Executor) {
  return ex.selectFrom('ledger_books').selectAll().where('id', '=', 1).executeTakeFirstOrThrow();
}

export async function setClosedThrough(ex: Executor, day: string, by: string, at: string): Promise<void> {
  await ex
    .updateTable('ledger_books')
    .set({ closed_through: day, updated_by: by, updated_at: at })
    .where('id', '=', 1)
    .execute();
}

export async function movementByKey(ex: Executor, key: string) {
  return ex.selectFrom('ledger_movements').selectAll().where('idempotency_key', '=', key).executeTakeFirst();
}

export async function movementById(ex: Executor, id: string) {
  return ex.selectFrom('ledger_movements').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function reversalOf(ex: Executor, id: string) {
  return ex.selectFrom('ledger_movements').select('id').where('reverses_id', '=', id).executeTakeFirst();
}

/** The natural balances of the no-overdraft accounts among `codes`: the sum over all their sub-funds and co-ops. */
export async function heldBalances(ex: Executor, codes: string[]): Promise<Map<string, number>> {
  if (codes.length === 0) return new Map();
  const rows = await ex
    .selectFrom('ledger_balances')
    .select(['account_code', (eb) => eb.fn.sum<number>('cents').as('cents')])
    .where('account_code', 'in', codes)
    .groupBy('account_code')
    .execute();
  return new Map(rows.map((r) => [r.account_code, Number(r.cents)]));
}

const key = (v: string | null) => v ?? '';

/** Inserts a movement and its entries and adds them to the kept balances. `lines` have been checked. */
export async function insertMovement(
  ex: Executor,
  movement: LedgerMovementTable,
  lines: readonly ledger.Line[],
): Promise<void> {
  await ex.insertInto('ledger_movements').values(movement).execute();
  await ex
    .insertInto('ledger_entries')
    .values(
      lines.map((l, i) => ({
        movement_id: movement.id,
        line: i,
        account_code: l.account,
        sub_fund: key(l.subFund),
        coop_id: key(l.coopId),
        cents: l.cents,
      })),
    )
    .execute();
  // One row per key: lines of a movement that share a key are summed first.
  const byKey = new Map<string, { account_code: string; sub_fund: string; coop_id: string; cents: number }>();
  for (const l of lines) {
    const k = `${l.account}\u0000${key(l.subFund)}\u0000${key(l.coopId)}`;
    const row = byKey.get(k) ?? { account_code: l.account, sub_fund: key(l.subFund), coop_id: key(l.coopId), cents: 0 };
    row.cents += l.cents;
    byKey.set(k, row);
  }
  await ex
    .insertInto('ledger_balances')
    .values([...byKey.values()])
    .onConflict((oc) =>
      oc
        .columns(['account_code', 'sub_fund', 'coop_id'])
        .doUpdateSet({ cents: sql`ledger_balances.cents + excluded.cents` }),
    )
    .execute();
  const funds = new Map<string, number>();
  for (const l of lines) if (l.subFund !== null) funds.set(l.subFund, (funds.get(l.subFund) ?? 0) - l.cents);
  for (const [code, delta] of funds) {
    await ex
      .updateTable('ledger_sub_funds')
      .set({ balance_cents: sql`balance_cents + ${delta}`, updated_at: movement.posted_at })
      .where('code', '=', code)
      .execute();
  }
  await ex.updateTable('ledger_books').set({ last_seq: movement.seq }).where('id', '=', 1).execute();
}

export async function linesOf(ex: Executor, movementIds: string[]) {
  if (movementIds.length === 0) return [];
  return ex
    .selectFrom('ledger_entries as e')
    .leftJoin('coops as c', 'c.id', 'e.coop_id')
    .select([
      'e.movement_id',
      'e.line',
      'e.account_code',
      'e.sub_fund',
      'e.coop_id',
      'e.cents',
      'c.name as coop_name',
      'c.slug as coop_slug',
    ])
    .where('e.movement_id', 'in', movementIds)
    .orderBy('e.movement_id')
    .orderBy('e.line')
    .execute();
}

export type LineRow = Awaited<ReturnType<typeof linesOf>>[number];

/** Movements, newest first, with who posted them and which movement reversed each. */
export async function movements(ex: Executor, limit: number, offset: number) {
  return ex
    .selectFrom('ledger_movements as m')
    .leftJoin('people as p', 'p.id', 'm.actor_id')
    .leftJoin('ledger_movements as r', 'r.reverses_id', 'm.id')
    .selectAll('m')
    .select(['p.display_name as posted_by', 'r.id as reversed_by'])
    .orderBy('m.seq', 'desc')
    .limit(limit)
    .offset(offset)
    .execute();
}

export type MovementRow = Awaited<ReturnType<typeof movements>>[number];

export async function movementCount(ex: Executor): Promise<number> {
  const row = await ex
    .selectFrom('ledger_movements')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function movementView(ex: Executor, id: string) {
  return ex
    .selectFrom('ledger_movements as m')
    .leftJoin('people as p', 'p.id', 'm.actor_id')
    .leftJoin('ledger_movements as r', 'r.reverses_id', 'm.id')
    .selectAll('m')
    .select(['p.display_name as posted_by', 'r.id as reversed_by'])
    .where('m.id', '=', id)
    .executeTakeFirst();
}

/** Every kept balance (per account, sub-fund and co-op). */
export async function balances(ex: Executor) {
  return ex
    .selectFrom('ledger_balances')
    .selectAll()
    .orderBy('account_code')
    .orderBy('sub_fund')
    .orderBy('coop_id')
    .execute();
}

/** Every movement in the order posted, with its lines, a batch at a time: the journal (hledger sorts it by date). */
export async function* journalRows(ex: Executor, batch = 2_000) {
  let after = 0;
  for (;;) {
    const rows = await ex
      .selectFrom('ledger_movements')
      .selectAll()
      .where('seq', '>', after)
      .orderBy('seq')
      .limit(batch)
      .execute();
    if (rows.length === 0) return;
    const lines = await linesOf(
      ex,
      rows.map((r) => r.id),
    );
    yield { movements: rows, lines };
    after = rows[rows.length - 1]!.seq;
  }
}
