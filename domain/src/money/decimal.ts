/**
 * Money as people type it and as Coopnet keeps it: decimal text ("45.5",
 * "4,50") to whole cents and back. The digits are read as text and combined
 * with integer arithmetic only, so "0.29" is 29 cents, never 28.999….
 */

/** The largest amount a person may type: 1,000,000.00. Anything above is a typing mistake. */
export const MAX_TYPED_CENTS = 100_000_000;

export type DecimalProblem = 'negative' | 'format' | 'decimals' | 'too_large';
export type DecimalParse = { ok: true; cents: number | null } | { ok: false; problem: DecimalProblem };

/**
 * "45.5" → 4550, "45,50" → 4550, "7" → 700, "" → null (nothing typed).
 * One decimal separator (point or comma), at most two decimals, no sign, no
 * thousands separators ("1.000,50" would be ambiguous): refused, not guessed.
 */
export function parseDecimalCents(input: string, maxCents = MAX_TYPED_CENTS): DecimalParse {
  const s = input.trim();
  if (s === '') return { ok: true, cents: null };
  if (s.startsWith('-')) return { ok: false, problem: 'negative' };
  const m = /^(\d*)(?:[.,](\d*))?$/.exec(s);
  if (!m || (m[1] === '' && !m[2])) return { ok: false, problem: 'format' };
  const whole = m[1]!.replace(/^0+(?=\d)/, '');
  const fraction = m[2] ?? '';
  if (fraction.length > 2) return { ok: false, problem: 'decimals' };
  // Stop before the number grows past what a double holds exactly.
  if (whole.length > 13) return { ok: false, problem: 'too_large' };
  const cents = Number(whole || '0') * 100 + Number(fraction.padEnd(2, '0'));
  if (cents > maxCents) return { ok: false, problem: 'too_large' };
  return { ok: true, cents };
}

/** 4550 → "45.50", to fill an input with a stored amount; null → "". */
export function centsToDecimal(cents: number | null | undefined): string {
  if (cents === null || cents === undefined) return '';
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}
