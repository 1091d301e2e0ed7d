/**
 * Money as people type it and as the API keeps it: decimal text ("45.5",
 * "4,50") to whole cents and back. Digits are read as text and combined with
 * integer arithmetic only: "0.1 + 0.2" never happens to a price.
 */

/** The largest amount the API accepts: 1,000,000.00 (contract `Cents`). */
export const MAX_CENTS = 100_000_000;

export type MoneyParse =
  | { ok: true; cents: number | null }
  | { ok: false; reason: 'format' | 'decimals' | 'too_large' };

/**
 * "45.5" → 4550, "45,50" → 4550, "7" → 700, "" → null (nothing given).
 * One decimal separator (point or comma), at most two decimals, no sign, no
 * thousands separators: anything else is refused rather than guessed.
 */
export function parseMoney(input: string): MoneyParse {
  const s = input.trim();
  if (s === '') return { ok: true, cents: null };
  const m = /^(\d*)(?:[.,](\d*))?$/.exec(s);
  if (!m || (m[1] === '' && !m[2])) return { ok: false, reason: 'format' };
  const whole = (m[1] ?? '').replace(/^0+(?=\d)/, '');
  const fraction = m[2] ?? '';
  if (fraction.length > 2) return { ok: false, reason: 'decimals' };
  // Eight whole digits would already be above the limit; stop before the number gets long.
  if (whole.length > 7) return { ok: false, reason: 'too_large' };
  const cents = Number(whole || '0') * 100 + Number(fraction.padEnd(2, '0'));
  if (cents > MAX_CENTS) return { ok: false, reason: 'too_large' };
  return { ok: true, cents };
}

/** 4550 → "45.50", for filling an input with a stored amount. */
export function centsToInput(cents: number | null | undefined): string {
  if (cents === null || cents === undefined) return '';
  const whole = Math.trunc(cents / 100);
  const rest = cents - whole * 100;
  return `${whole}.${String(rest).padStart(2, '0')}`;
}

export type CountParse = { ok: true; value: number | null } | { ok: false };

/** A whole number typed in a box: "3" → 3, "" → null; "3.5", "-1", "x" are refused. Ranges are the server's. */
export function parseCount(input: string): CountParse {
  const s = input.trim();
  if (s === '') return { ok: true, value: null };
  if (!/^\d{1,9}$/.test(s)) return { ok: false };
  return { ok: true, value: Number(s) };
}

/**
 * Cents in the network's currency, in the reader's language: 4550 → "€45.50"
 * (en) or "45,50 €" (es). Display only: the nearest double to n/100 always
 * prints back as the same two decimals.
 */
export function formatMoney(cents: number, currency: string, lang: string): string {
  try {
    return new Intl.NumberFormat(lang, { style: 'currency', currency, minimumFractionDigits: 2 }).format(cents / 100);
  } catch {
    return `${centsToInput(cents)} ${currency}`;
  }
}

/** The currency's symbol in the reader's language ("€"), for labels of amount fields. */
export function currencySymbol(currency: string, lang: string): string {
  try {
    const parts = new Intl.NumberFormat(lang, { style: 'currency', currency }).formatToParts(0);
    return parts.find((p) => p.type === 'currency')?.value ?? currency;
  } catch {
    return currency;
  }
}
