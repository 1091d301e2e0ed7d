/**
 * The ledger's tables. Entries and movements are only ever inserted; kept
 * balances are changed only by `applyLines`, in the transaction that inserts
 * the entries they sum. The queries of a posting are compiled once
 * (db/prepared.ts): building them anew cost more than running them.
 */
import type { ledger } from '@coopnet/domain';
import { sql } from 'kysely';
import type { DialectName, Executor } from '../../db/database.ts';
import { preparedQuery } from '../../db/prepared.ts';
import type { LedgerMovementTable } from '../../db/schema-fund.ts';

const allAccounts = preparedQuery((ex, _: Record<string, never>) =>
  ex.selectFrom('ledger_accounts').selectAll().orderBy('code'),
);
const allSubFunds = preparedQuery((ex, _: Record<string, never>) =>
  ex.selectFrom('ledger_sub_funds').selectAll().orderBy('position').orderBy('code'),
);

export const accounts = (ex: Executor) => allAccounts(ex, {});
export const subFunds = (ex: Executor) => allSubFunds(ex, {});

const readBooks = preparedQuery((ex, _: Record<string, never>) =>
  ex.selectFrom('ledger_books').selectAll().where('id', '=', 1),
);
const lockedBooks = preparedQuery((ex, _: Record<string, never>) =>
  ex.selectFrom('ledger_books').selectAll().where('id', '=', 1).forUpdate(),
);

/** The books' row; on PostgreSQL locked until the transaction ends, so postings are applied one at a time. */
export async function lockBooks(ex: Executor, dialect: DialectName) {
  const [row] = await (dialect === 'postgres' ? lockedBooks : readBooks)(ex, {});
  if (!row) throw new Error('the ledger has no books row (migration 0011)');
  return row;
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

const byKey = preparedQuery((ex, p: { key: string }) =>
  ex.selectFrom('ledger_movements').selectAll().where('idempotency_key', '=', p.key),
);

export async function movementByKey(ex: Executor, key: string) {
  return (await byKey(ex, { key }))[0];
}

export async function movementById(ex: Executor, id: string) {
  return ex.selectFrom('ledger_movements').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function reversalOf(ex: Executor, id: string) {
  return ex.selectFrom('ledger_movements').select('id').where('reverses_id', '=', id).executeTakeFirst();
}

const accountTotal = preparedQuery((ex, p: { code: string }) =>
  ex
    .selectFrom('ledger_balances')
    .select((eb) => eb.fn.sum<number>('cents').as('cents'))
    .where('account_code', '=', p.code),
);

/** The natural balances of the no-overdraft accounts among `codes`: the sum over all their sub-funds and co-ops. */
export async function heldBalances(ex: Executor, codes: string[]): Promise<Map<string, number>> {
  const held = new Map<string, number>();
  for (const code of codes) held.set(code, Number((await accountTotal(ex, { code }))[0]?.cents ?? 0));
  return held;
}

const key = (v: string | null) => v ?? '';

type MovementValues = { [K in keyof LedgerMovementTable]: LedgerMovementTable[K] };
const addMovement = preparedQuery((ex, p: MovementValues) => ex.insertInto('ledger_movements').values(p));
const addEntry = preparedQuery(
  (
    ex,
    p: { movement_id: string; line: number; account_code: string; sub_fund: string; coop_id: string; cents: number },
  ) => ex.insertInto('ledger_entries').values(p),
);
const addToBalance = preparedQuery(
  (ex, p: { account_code: string; sub_fund: string; coop_id: string; cents: number }) =>
    ex
      .insertInto('ledger_balances')
      .values(p)
      .onConflict((oc) =>
        oc
          .columns(['account_code', 'sub_fund', 'coop_id'])
          .doUpdateSet({ cents: sql`ledger_balances.cents + excluded.cents` }),
      ),
);
const addToMonth = preparedQuery(
  (ex, p: { month: string; account_code: string; sub_fund: string; debit_cents: number; credit_cents: number }) =>
    ex
      .insertInto('ledger_months')
      .values(p)
      .onConflict((oc) =>
        oc.columns(['month', 'account_code', 'sub_fund']).doUpdateSet({
          debit_cents: sql`ledger_months.debit_cents + excluded.debit_cents`,
          credit_cents: sql`ledger_months.credit_cents + excluded.credit_cents`,
        }),
      ),
);
const addToSubFund = preparedQuery((ex, p: { code: string; delta: number; at: string }) =>
  ex
    .updateTable('ledger_sub_funds')
    .set({ balance_cents: sql`balance_cents + ${p.delta}`, updated_at: p.at })
    .where('code', '=', p.code),
);
const setLastSeq = preparedQuery((ex, p: { seq: number }) =>
  ex.updateTable('ledger_books').set({ last_seq: p.seq }).where('id', '=', 1),
);

/** Sums `lines` by `keyOf`: one row per key, so a movement's lines that share a key change a kept figure once. */
function sumBy<T>(
  lines: readonly ledger.Line[],
  keyOf: (l: ledger.Line) => string,
  start: (l: ledger.Line) => T,
  add: (row: T, l: ledger.Line) => void,
): T[] {
  const rows = new Map<string, T>();
  for (const l of lines) {
    const k = keyOf(l);
    let row = rows.get(k);
    if (!row) rows.set(k, (row = start(l)));
    add(row, l);
  }
  return [...rows.values()];
}

/** Inserts a movement and its entries and adds them to the kept balances and month figures. `lines` have been checked. */
export async function insertMovement(
  ex: Executor,
  movement: LedgerMovementTable,
  lines: readonly ledger.Line[],
): Promise<void> {
  await addMovement(ex, movement);
  for (const [i, l] of lines.entries()) {
    await addEntry(ex, {
      movement_id: movement.id,
      line: i,
      account_code: l.account,
      sub_fund: key(l.subFund),
      coop_id: key(l.coopId),
      cents: l.cents,
    });
  }
  const balances = sumBy(
    lines,
    (l) => `${l.account}\u0000${key(l.subFund)}\u0000${key(l.coopId)}`,
    (l) => ({ account_code: l.account, sub_fund: key(l.subFund), coop_id: key(l.coopId), cents: 0 }),
    (row, l) => (row.cents += l.cents),
  );
  for (const b of balances) await addToBalance(ex, b);
  const month = movement.date.slice(0, 7);
  const months = sumBy(
    lines,
    (l) => `${l.account}\u0000${key(l.subFund)}`,
    (l) => ({ month, account_code: l.account, sub_fund: key(l.subFund), debit_cents: 0, credit_cents: 0 }),
    (row, l) => (l.cents > 0 ? (row.debit_cents += l.cents) : (row.credit_cents -= l.cents)),
  );
  for (const m of months) await addToMonth(ex, m);
  const funds = sumBy(
    lines.filter((l) => l.subFund !== null),
    (l) => l.subFund!,
    (l) => ({ code: l.subFund!, delta: 0, at: movement.posted_at }),
    (row, l) => (row.delta -= l.cents),
  );
  for (const f of funds) await addToSubFund(ex, f);
  await setLastSeq(ex, { seq: movement.seq });
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

/** Each month's debits and credits per account and sub-fund, from `since` (YYYY-MM) on. */
export async function monthsSince(ex: Executor, since: string) {
  return ex
    .selectFrom('ledger_months')
    .selectAll()
    .where('month', '>=', since)
    .orderBy('month')
    .orderBy('account_code')
    .orderBy('sub_fund')
    .execute();
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

/** Every entry naming a co-op, with its movement (index ledger_entries_coop): the co-op's account with the fund. */
export async function coopEntries(ex: Executor, coopId: string, limit: number) {
  return ex
    .selectFrom('ledger_entries as e')
    .innerJoin('ledger_movements as m', 'm.id', 'e.movement_id')
    .select(['e.movement_id', 'e.account_code', 'e.cents', 'm.seq', 'm.date', 'm.kind', 'm.reason'])
    .where('e.coop_id', '=', coopId)
    .orderBy('m.seq')
    .limit(limit)
    .execute();
}
