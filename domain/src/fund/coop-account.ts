/**
 * A co-op's account with the fund: every movement that names the co-op, in
 * the order of the books, with what it changed of what the co-op owes the
 * fund — dues and surplus shares owed, loans paid out and interest (up);
 * payments, repayments, loans forgiven, and what the fund owes the co-op
 * for a settled month (down) — and what the fund gave it outright (grants,
 * programme funding). Pure.
 */

/** The accounts whose lines with a co-op are what the co-op and the fund owe each other (debit: the co-op owes). */
export const OWED_ACCOUNTS: ReadonlySet<string> = new Set([
  'assets:contributions-receivable',
  'assets:loans-receivable',
  'assets:interest-receivable',
  'liabilities:owed-to-coops',
]);
/** The expenses that are money given to a co-op (a write-off is not given money: it is owing less). */
export const GIVEN_ACCOUNTS: ReadonlySet<string> = new Set(['expenses:grants', 'expenses:programmes']);

export interface CoopEntry {
  movementId: string;
  seq: number;
  date: string;
  kind: string;
  reason: string;
  account: string;
  /** debit positive */
  cents: number;
}

export interface CoopAccountRow {
  movementId: string;
  date: string;
  kind: string;
  reason: string;
  /** how much more (negative: less) the co-op owes the fund after it */
  owedCents: number;
  /** money the fund gave the co-op outright */
  givenCents: number;
  /** what the co-op owes the fund after it; negative when the fund owes the co-op */
  balanceCents: number;
}

/** The co-op's entries, in any order, as its account: one row per movement, oldest first, with the running balance. */
export function coopAccount(entries: readonly CoopEntry[]): CoopAccountRow[] {
  const byMovement = new Map<string, { first: CoopEntry; owed: number; given: number }>();
  for (const e of [...entries].sort((a, b) => a.date.localeCompare(b.date) || a.seq - b.seq)) {
    const row = byMovement.get(e.movementId) ?? { first: e, owed: 0, given: 0 };
    if (OWED_ACCOUNTS.has(e.account)) row.owed += e.cents;
    if (GIVEN_ACCOUNTS.has(e.account)) row.given += e.cents;
    byMovement.set(e.movementId, row);
  }
  let balance = 0;
  const rows: CoopAccountRow[] = [];
  for (const { first, owed, given } of byMovement.values()) {
    if (owed === 0 && given === 0) continue;
    balance += owed;
    rows.push({
      movementId: first.movementId,
      date: first.date,
      kind: first.kind,
      reason: first.reason,
      owedCents: owed,
      givenCents: given,
      balanceCents: balance,
    });
  }
  return rows;
}
