/**
 * The sale amount the cashier types, in the network's currency, to whole
 * cents — by reading the digits, never through floating point: "45",
 * "45.0", "45,00" are all 4500.
 */
import { MAX_SALE_CENTS } from '@coopnet/domain/benefits/offer-rules';
import { type DecimalProblem, parseDecimalCents } from '@coopnet/domain/money/decimal';

export type AmountProblem = 'empty' | 'negative' | 'not_a_number' | 'too_many_decimals' | 'too_large';
export type ParsedAmount = { ok: true; cents: number } | { ok: false; problem: AmountProblem };

const PROBLEM: Record<DecimalProblem, AmountProblem> = {
  negative: 'negative',
  format: 'not_a_number',
  decimals: 'too_many_decimals',
  too_large: 'too_large',
};

export function parseSaleAmount(typed: string): ParsedAmount {
  const r = parseDecimalCents(typed, MAX_SALE_CENTS);
  if (!r.ok) return { ok: false, problem: PROBLEM[r.problem] };
  return r.cents === null ? { ok: false, problem: 'empty' } : { ok: true, cents: r.cents };
}
