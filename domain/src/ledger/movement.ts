/**
 * A movement: a balanced set of lines in integer cents, posted on a date in
 * the books, with who, why and — for money leaving the pool or moving
 * between sub-funds — the decision that allowed it. Movements are never
 * changed or removed; a mistake is corrected by a reversing movement that
 * names the one it reverses.
 */
import { type Account, type SubFund, carriesSubFund } from './accounts.ts';

export interface Line {
  account: string;
  /** the sub-fund a net-assets line counts for; null on assets and liabilities */
  subFund: string | null;
  /** the co-op a receivable or a debt is with (a contribution due, a loan, a settlement owed), if any */
  coopId: string | null;
  /** debit positive, credit negative */
  cents: number;
}

export const MOVEMENT_KINDS = [
  'opening',
  'contribution',
  'gift',
  'grant',
  'loan',
  'repayment',
  'interest',
  'write-off',
  'transfer',
  'programme',
  'settlement',
  'adjustment',
  'reversal',
] as const;
export type MovementKind = (typeof MOVEMENT_KINDS)[number];

/** Money given away, lent, written off or moved between sub-funds needs the decision that allowed it. */
export const NEEDS_DECISION: ReadonlySet<MovementKind> = new Set([
  'grant',
  'loan',
  'write-off',
  'transfer',
  'programme',
]);

/** a proposal that passed, an application approved, or a participatory budgeting round's close (decision 0026) */
export const DECISION_KINDS = ['proposal', 'approval', 'round'] as const;
export interface Decision {
  kind: (typeof DECISION_KINDS)[number];
  id: string;
}

export interface MovementDraft {
  kind: MovementKind;
  /** the day it counts in the books, YYYY-MM-DD */
  date: string;
  reason: string;
  decision: Decision | null;
  lines: Line[];
}

/** The books: what accounts and sub-funds exist, the last closed day, and today. */
export interface Books {
  accounts: ReadonlyMap<string, Account>;
  subFunds: ReadonlyMap<string, SubFund>;
  /** nothing may be posted on or before this day; null when no period is closed */
  closedThrough: string | null;
  today: string;
}

/** A line may move at most a hundred billion (in cents 10^13): sums of many stay exact in a double. */
export const MAX_LINE_CENTS = 10_000_000_000_000;
export const MAX_LINES = 50;

export type MovementRefusal =
  | { code: 'too_few_lines' | 'too_many_lines' | 'unbalanced' | 'decision_required' | 'reason_required' }
  | { code: 'bad_date' | 'books_closed' | 'future_date'; date: string }
  | { code: 'not_cents' | 'zero_line' | 'too_large'; line: number }
  | { code: 'unknown_account' | 'sub_fund_required' | 'sub_fund_not_allowed' | 'unknown_sub_fund'; line: number };

const DAY = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const isDay = (s: string) => DAY.test(s) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s);

/** Whether a draft may be posted in these books; the first thing wrong with it, if not. */
export function checkMovement(draft: MovementDraft, books: Books): MovementRefusal | null {
  if (!isDay(draft.date)) return { code: 'bad_date', date: draft.date };
  if (books.closedThrough !== null && draft.date <= books.closedThrough)
    return { code: 'books_closed', date: books.closedThrough };
  if (draft.date > books.today) return { code: 'future_date', date: draft.date };
  if (draft.reason.trim() === '') return { code: 'reason_required' };
  if (NEEDS_DECISION.has(draft.kind) && !draft.decision) return { code: 'decision_required' };
  if (draft.lines.length < 2) return { code: 'too_few_lines' };
  if (draft.lines.length > MAX_LINES) return { code: 'too_many_lines' };
  let total = 0;
  for (const [i, line] of draft.lines.entries()) {
    if (!Number.isSafeInteger(line.cents)) return { code: 'not_cents', line: i };
    if (line.cents === 0) return { code: 'zero_line', line: i };
    if (Math.abs(line.cents) > MAX_LINE_CENTS) return { code: 'too_large', line: i };
    const account = books.accounts.get(line.account);
    if (!account) return { code: 'unknown_account', line: i };
    if (carriesSubFund(account.type)) {
      if (line.subFund === null) return { code: 'sub_fund_required', line: i };
      if (!books.subFunds.has(line.subFund)) return { code: 'unknown_sub_fund', line: i };
    } else if (line.subFund !== null) return { code: 'sub_fund_not_allowed', line: i };
    total += line.cents;
  }
  return total === 0 ? null : { code: 'unbalanced' };
}

/** The lines that undo a movement: each of its lines with the opposite sign. */
export const reversingLines = (lines: readonly Line[]): Line[] => lines.map((l) => ({ ...l, cents: -l.cents }));
