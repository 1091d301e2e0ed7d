/**
 * The rules balances must keep after every movement: a sub-fund never below
 * its minimum (zero, or the reserve's floor), and an account marked as money
 * held (the bank) never below zero. A movement that would break one is
 * refused whole.
 */
import { type Account, type SubFund, naturalSign } from './accounts.ts';
import type { Line } from './movement.ts';

/** A sub-fund's balance is its net assets: the credit-side sum of its equity, income and expense lines. */
export function subFundDeltas(lines: readonly Line[]): Map<string, number> {
  const deltas = new Map<string, number>();
  for (const l of lines) if (l.subFund !== null) deltas.set(l.subFund, (deltas.get(l.subFund) ?? 0) - l.cents);
  return deltas;
}

export type RuleBreach =
  | { rule: 'sub_fund_minimum'; subFund: string; minimumCents: number; balanceCents: number }
  | { rule: 'no_overdraft'; account: string; balanceCents: number };

/**
 * What a movement would break. `subFundBalances` and `accountBalances` are
 * the natural balances before it, of the sub-funds and accounts it touches.
 * A movement that only brings a balance nearer its limit is allowed even if
 * the balance is still below it (a payment into an overdrawn sub-fund).
 */
export function ruleBreaches(
  lines: readonly Line[],
  subFunds: ReadonlyMap<string, SubFund>,
  accounts: ReadonlyMap<string, Account>,
  subFundBalances: ReadonlyMap<string, number>,
  accountBalances: ReadonlyMap<string, number>,
): RuleBreach[] {
  const breaches: RuleBreach[] = [];
  for (const [code, delta] of subFundDeltas(lines)) {
    const after = (subFundBalances.get(code) ?? 0) + delta;
    const minimumCents = subFunds.get(code)?.minimumCents ?? 0;
    if (delta < 0 && after < minimumCents)
      breaches.push({ rule: 'sub_fund_minimum', subFund: code, minimumCents, balanceCents: after });
  }
  const accountDeltas = new Map<string, number>();
  for (const l of lines) accountDeltas.set(l.account, (accountDeltas.get(l.account) ?? 0) + l.cents);
  for (const [code, delta] of accountDeltas) {
    const account = accounts.get(code);
    if (!account?.noOverdraft) continue;
    const natural = delta * naturalSign(account.type);
    const after = (accountBalances.get(code) ?? 0) + natural;
    if (natural < 0 && after < 0) breaches.push({ rule: 'no_overdraft', account: code, balanceCents: after });
  }
  return breaches;
}
