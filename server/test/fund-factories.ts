/** Helpers for the fund's tests: posting as a client, what the ledger holds, and its invariants read from the tables. */
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import type { AppDeps } from '../src/deps.ts';
import type { Client } from './harness.ts';

export const LEDGER_TABLES = [
  'ledger_accounts',
  'ledger_sub_funds',
  'ledger_books',
  'ledger_movements',
  'ledger_entries',
  'ledger_balances',
  'audit_events',
] as const;

/** Rows in every ledger table and the kept figures: equal before and after a refused request. */
export async function ledgerState(deps: AppDeps) {
  const counts: Record<string, number> = {};
  for (const t of LEDGER_TABLES) {
    const r = await deps.db
      .selectFrom(t)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    counts[t] = Number(r.n);
  }
  const subFunds = await deps.db
    .selectFrom('ledger_sub_funds')
    .select(['code', 'balance_cents'])
    .orderBy('code')
    .execute();
  const books = await deps.db.selectFrom('ledger_books').selectAll().executeTakeFirstOrThrow();
  return { counts, subFunds: subFunds.map((f) => [f.code, Number(f.balance_cents)]), books };
}

export interface LineBody {
  account: string;
  subFund?: string | null;
  coopId?: string | null;
  cents: number;
}

export const line = (
  account: string,
  cents: number,
  subFund: string | null = null,
  coopId: string | null = null,
): LineBody => ({ account, cents, subFund, coopId });

export function movement(o: {
  kind?: string;
  date?: string;
  reason?: string;
  decision?: { kind: 'proposal' | 'approval'; id: string } | null;
  lines: LineBody[];
}) {
  return {
    kind: o.kind ?? 'gift',
    date: o.date ?? new Date().toISOString().slice(0, 10),
    reason: o.reason ?? 'A gift from a neighbour',
    decision: o.decision ?? null,
    lines: o.lines,
  };
}

/** A gift of `cents` into a sub-fund: money into the bank. */
export const giftInto = (subFund: string, cents: number, date?: string) =>
  movement({ kind: 'gift', date, lines: [line('assets:bank', cents), line('income:gifts', -cents, subFund)] });

/** A grant of `cents` out of a sub-fund, on a decision. */
export const grantFrom = (subFund: string, cents: number, proposalId: string, coopId: string | null = null) =>
  movement({
    kind: 'grant',
    reason: 'Emergency grant',
    decision: { kind: 'proposal', id: proposalId },
    lines: [line('expenses:grants', cents, subFund, coopId), line('assets:bank', -cents)],
  });

export const post = (client: Client, body: unknown, key: string = randomUUID()) =>
  client.request('POST', '/api/v1/fund/movements', body, { 'idempotency-key': key });

/**
 * The ledger's invariants, read from its tables: the entries of every
 * movement sum to zero; every kept balance equals the sum of its entries;
 * every sub-fund's kept balance equals the credit-side sum of its entries;
 * each month's kept debits and credits equal its entries';
 * no sub-fund is below its minimum and no money-held account below zero.
 */
export async function ledgerInvariants(deps: AppDeps): Promise<string[]> {
  const broken: string[] = [];
  const { db } = deps;
  const unbalanced = await db
    .selectFrom('ledger_entries')
    .select(['movement_id', (eb) => eb.fn.sum<number>('cents').as('total')])
    .groupBy('movement_id')
    .execute();
  for (const u of unbalanced) if (Number(u.total) !== 0) broken.push(`movement ${u.movement_id} sums to ${u.total}`);
  const sums = await db
    .selectFrom('ledger_entries')
    .select(['account_code', 'sub_fund', 'coop_id', (eb) => eb.fn.sum<number>('cents').as('total')])
    .groupBy(['account_code', 'sub_fund', 'coop_id'])
    .execute();
  const kept = await db.selectFrom('ledger_balances').selectAll().execute();
  const keyOf = (r: { account_code: string; sub_fund: string; coop_id: string }) =>
    `${r.account_code}|${r.sub_fund}|${r.coop_id}`;
  const summed = new Map(sums.map((s) => [keyOf(s), Number(s.total)]));
  for (const k of kept)
    if (Number(k.cents) !== (summed.get(keyOf(k)) ?? 0))
      broken.push(`balance ${keyOf(k)} is ${k.cents}, its entries ${summed.get(keyOf(k))}`);
  for (const [k, total] of summed)
    if (!kept.some((r) => keyOf(r) === k) && total !== 0) broken.push(`no kept balance for ${k}`);
  const funds = await db.selectFrom('ledger_sub_funds').selectAll().execute();
  for (const f of funds) {
    const entries = sums.filter((s) => s.sub_fund === f.code).reduce((s, r) => s - Number(r.total), 0);
    if (Number(f.balance_cents) !== entries)
      broken.push(`sub-fund ${f.code} keeps ${f.balance_cents}, its entries ${entries}`);
    if (Number(f.balance_cents) < Number(f.minimum_cents)) broken.push(`sub-fund ${f.code} is below its minimum`);
  }
  const monthly = await db
    .selectFrom('ledger_entries as e')
    .innerJoin('ledger_movements as m', 'm.id', 'e.movement_id')
    .select(['m.date', 'e.account_code', 'e.sub_fund', 'e.cents'])
    .execute();
  const perMonth = new Map<string, { debit: number; credit: number }>();
  for (const e of monthly) {
    const k = `${e.date.slice(0, 7)}|${e.account_code}|${e.sub_fund}`;
    const m = perMonth.get(k) ?? { debit: 0, credit: 0 };
    if (Number(e.cents) > 0) m.debit += Number(e.cents);
    else m.credit -= Number(e.cents);
    perMonth.set(k, m);
  }
  const keptMonths = await db.selectFrom('ledger_months').selectAll().execute();
  for (const k of keptMonths) {
    const m = perMonth.get(`${k.month}|${k.account_code}|${k.sub_fund}`);
    if (!m || m.debit !== Number(k.debit_cents) || m.credit !== Number(k.credit_cents))
      broken.push(
        `month ${k.month} ${k.account_code} ${k.sub_fund} kept ${k.debit_cents}/${k.credit_cents}, its entries ${m?.debit}/${m?.credit}`,
      );
  }
  if (keptMonths.length !== perMonth.size)
    broken.push(`${keptMonths.length} kept months for ${perMonth.size} with entries`);
  const bank = sums.filter((s) => s.account_code === 'assets:bank').reduce((s, r) => s + Number(r.total), 0);
  if (bank < 0) broken.push(`the bank is overdrawn: ${bank}`);
  return broken;
}

/** Puts people on the fund committee (the network's first committee) from a day ago, as the coordinators would. */
export async function onFundCommittee(deps: AppDeps, people: { id: string; coopId?: string | null }[]): Promise<void> {
  const committee = await deps.db
    .selectFrom('bodies')
    .select('id')
    .where('kind', '=', 'committee')
    .orderBy('created_at')
    .orderBy('id')
    .executeTakeFirstOrThrow();
  const since = new Date(Date.now() - 86_400_000).toISOString();
  await deps.db
    .insertInto('body_members')
    .values(
      people.map((p) => ({
        id: randomUUID(),
        body_id: committee.id,
        person_id: p.id,
        coop_id: p.coopId ?? null,
        term_start: since,
        term_end: null,
        recalled_at: null,
        recalled_by: null,
        created_at: since,
      })),
    )
    .execute();
}

export const application = (coopId: string, amountCents: number, kind = 'emergency_grant') => ({
  coopId,
  kind,
  amountCents,
  purpose: 'The oven broke down: repair it to keep baking',
  plan: 'A technician repairs it next week; the bakery reopens at once.',
});

/** hledger (Debian's package) reads the journal: its balance of every account, in cents — a reading that is not the app's. */
export function hledgerBalances(file: string): Map<string, number> {
  const csv = execFileSync('hledger', ['-f', file, 'balance', '--flat', '--empty', '--no-total', '-O', 'csv'], {
    encoding: 'utf8',
  });
  const out = new Map<string, number>();
  for (const row of csv.trim().split('\n').slice(1)) {
    const [account, amount] = row.split(',').map((c) => c.replace(/^"|"$/g, ''));
    const m = /^(-?)(\d+)\.(\d\d) EUR$/.exec(amount!.replaceAll(',', ''));
    out.set(account!, amount === '0' ? 0 : m ? (m[1] ? -1 : 1) * (Number(m[2]) * 100 + Number(m[3])) : Number.NaN);
  }
  return out;
}

/** hledger's balances summed per account and sub-fund (over co-ops), signed as the fund's page shows them. */
export function asShown(
  balances: Map<string, number>,
  accounts: { code: string; type: string; subFund: string | null }[],
): Record<string, number> {
  const out: Record<string, number> = {};
  for (const a of accounts) {
    const sign = a.type === 'assets' || a.type === 'expenses' ? 1 : -1;
    const name = [a.code, a.subFund].filter(Boolean).join(':');
    out[name] =
      [...balances].filter(([k]) => k === name || k.startsWith(`${name}:`)).reduce((s, [, v]) => s + v, 0) * sign || 0;
  }
  return out;
}
