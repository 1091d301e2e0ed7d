/**
 * The sale amount the cashier types, in the network's currency, to whole
 * cents — by reading the digits, never through floating point: "45",
 * "45.0", "45,00" are all 4500.
 */
import { MAX_SALE_CENTS } from '@coopnet/domain/benefits/offer-rules';

export type AmountProblem = 'empty' | 'negative' | 'not_a_number' | 'too_many_decimals' | 'too_large';
export type ParsedAmount = { ok: true; cents: number } | { ok: false; problem: AmountProblem };

export function parseSaleAmount(typed: string): ParsedAmount {
  const s = typed.trim();
  if (s === '') return { ok: false, problem: 'empty' };
  if (s.startsWith('-')) return { ok: false, problem: 'negative' };
  // One decimal separator, dot or comma; no thousands separators (1.000,50 would be ambiguous).
  const m = /^\+?(\d*)(?:[.,](\d*))?$/.exec(s);
  if (!m || (m[1] === '' && !m[2])) return { ok: false, problem: 'not_a_number' };
  const whole = m[1]!.replace(/^0+(?=\d)/, '') || '0';
  const fraction = m[2] ?? '';
  if (fraction.length > 2) return { ok: false, problem: 'too_many_decimals' };
  // More than 7 whole digits is above 1,000,000 whatever the decimals: stop before the number grows.
  if (whole.length > 7) return { ok: false, problem: 'too_large' };
  const cents = Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
  if (cents > MAX_SALE_CENTS) return { ok: false, problem: 'too_large' };
  return { ok: true, cents };
}
