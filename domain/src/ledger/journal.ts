/**
 * The fund's books as a plain-text accounting journal, in the format hledger
 * (and Ledger) read: one transaction per movement, its lines as postings,
 * amounts in the currency with two decimals. A line's sub-fund and co-op
 * become the last parts of its account's name (`income:contributions:emergency`),
 * so `hledger balance` prints exactly the balances the fund keeps.
 */
import { ACCOUNT_TYPES, type AccountType } from './accounts.ts';
import type { Line } from './movement.ts';

export interface JournalMovement {
  id: string;
  date: string;
  kind: string;
  reason: string;
  /** the movement this one reverses, if it does */
  reverses: string | null;
  lines: readonly Line[];
}

/** hledger's letter for each type of account, declared so its reports sort them right. */
const TYPE_LETTER: Record<AccountType, string> = {
  assets: 'A',
  liabilities: 'L',
  equity: 'E',
  income: 'R',
  expenses: 'X',
};

/** Cents as a decimal amount: 123456 → "1234.56", -5 → "-0.05". */
export function decimalAmount(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}${Math.trunc(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** Text on one line, with nothing hledger would read as structure: control characters become spaces. */
const oneLine = (text: string) => text.replace(/[\p{Cc}\p{Zl}\p{Zp}\s]+/gu, ' ').trim();

/** The account name a line is exported under. */
export type NameLine = (line: Line) => string;

/** The journal's opening: what it is, its currency and the types of its accounts. */
export function journalHeader(currency: string): string {
  const out = [
    `; The solidarity fund's journal. Read it with: hledger -f FILE balance`,
    `commodity 1000.00 ${currency}`,
    '',
  ];
  for (const t of ACCOUNT_TYPES) out.push(`account ${t}  ; type: ${TYPE_LETTER[t]}`);
  return `${out.join('\n')}\n\n`;
}

/** Movements as journal transactions, each followed by a blank line. */
export function journalTransactions(movements: Iterable<JournalMovement>, currency: string, nameOf: NameLine): string {
  const out: string[] = [];
  for (const m of movements) {
    const tags = [`movement:${m.id}`, `kind:${m.kind}`, ...(m.reverses ? [`reverses:${m.reverses}`] : [])];
    out.push(`${m.date} * ${oneLine(m.reason) || m.kind}  ; ${tags.join(', ')}`);
    for (const line of m.lines) out.push(`    ${nameOf(line)}  ${decimalAmount(line.cents)} ${currency}`);
    out.push('', '');
  }
  return out.join('\n').replace(/\n\n$/, '\n');
}

export const journal = (movements: Iterable<JournalMovement>, currency: string, nameOf: NameLine): string =>
  journalHeader(currency) + journalTransactions(movements, currency, nameOf);
