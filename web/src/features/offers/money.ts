/**
 * The offer form's amounts and counts as people type them. Amounts are read
 * by `parseDecimalCents` (digits as text, integer arithmetic only).
 */
import { centsToDecimal, parseDecimalCents } from '@coopnet/domain/money/decimal';

export { currencySymbol, formatMoney } from '../../components/money.ts';

export type MoneyParse = { ok: true; cents: number | null } | { ok: false; reason: 'format' | 'decimals' | 'too_large' };

/** "45.5" → 4550, "" → null; a sign counts as a format fault, as in any other field of the form. */
export function parseMoney(input: string): MoneyParse {
  const r = parseDecimalCents(input);
  if (r.ok) return r;
  return { ok: false, reason: r.problem === 'negative' ? 'format' : r.problem };
}

/** 4550 → "45.50", for filling an input with a stored amount. */
export const centsToInput = centsToDecimal;

export type CountParse = { ok: true; value: number | null } | { ok: false };

/** A whole number typed in a box: "3" → 3, "" → null; "3.5", "-1", "x" are refused. Ranges are the server's. */
export function parseCount(input: string): CountParse {
  const s = input.trim();
  if (s === '') return { ok: true, value: null };
  if (!/^\d{1,9}$/.test(s)) return { ok: false };
  return { ok: true, value: Number(s) };
}
