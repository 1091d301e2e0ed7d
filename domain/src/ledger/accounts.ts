/**
 * The fund's chart of accounts. Five standard types; each account has a code
 * written as hledger writes account names (`assets:bank`, `equity:funds`…),
 * whose first part is its type, so a journal exported from the fund is read
 * by any plain-text accounting tool with the same meaning.
 *
 * The fund keeps one pool of money and several sub-funds (emergency,
 * development, programmes, reserve…): money in the bank is not split, what
 * it belongs to is. So every line on a net-assets account (equity, income,
 * expenses) names the sub-fund it counts for, and no line on an asset or a
 * liability does — the standard way of keeping restricted funds in one set
 * of books.
 */
export const ACCOUNT_TYPES = ['assets', 'liabilities', 'equity', 'income', 'expenses'] as const;
export type AccountType = (typeof ACCOUNT_TYPES)[number];

export interface Account {
  code: string;
  type: AccountType;
  /** an asset account that may never go below zero: the money the fund actually holds */
  noOverdraft: boolean;
}

export interface SubFund {
  code: string;
  /** the balance it may not go below (0 for most; the reserve's minimum) */
  minimumCents: number;
}

/** Whether a line on an account of this type names a sub-fund (net assets) or not (assets and liabilities). */
export const carriesSubFund = (type: AccountType): boolean =>
  type === 'equity' || type === 'income' || type === 'expenses';

/** An account's code: lower-case words joined by `:`, starting with its type; at most five levels. */
export const ACCOUNT_CODE = /^(assets|liabilities|equity|income|expenses)(:[a-z0-9][a-z0-9-]{0,39}){1,4}$/;
export const SUB_FUND_CODE = /^[a-z][a-z0-9-]{0,39}$/;

export function accountTypeOf(code: string): AccountType | null {
  if (!ACCOUNT_CODE.test(code)) return null;
  return code.slice(0, code.indexOf(':')) as AccountType;
}

/**
 * A line's amount is signed as accountants sign it: a debit positive, a
 * credit negative. An account's "natural" balance is positive when it holds
 * what its type holds: assets and expenses are debit accounts, the others
 * credit accounts.
 */
export const naturalSign = (type: AccountType): 1 | -1 => (type === 'assets' || type === 'expenses' ? 1 : -1);
