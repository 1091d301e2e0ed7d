/**
 * Amounts of the accounts: cents shown in the network's currency and the
 * reader's language, and a threshold typed as decimal text read into whole
 * cents with integer arithmetic only.
 */
import { centsToDecimal, parseDecimalCents } from '@coopnet/domain/money/decimal';

export { formatMoney } from '../../components/money.ts';

/** "50" → 5000, "12.5" / "12,50" → 1250; anything else (signs, three decimals, letters, "") → null. */
export function parseAmount(input: string): number | null {
  const r = parseDecimalCents(input, Number.MAX_SAFE_INTEGER);
  return r.ok ? r.cents : null;
}

/** 5000 → "50.00", to fill the threshold box with the policy in force. */
export const centsToInput = centsToDecimal;

export { monthName } from '../../components/monthName.ts';
