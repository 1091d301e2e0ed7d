/**
 * Cents in the given currency, in the reader's language: 900 → "€9.00" (en),
 * "9,00 €" (es). Display only: the nearest double to n/100 always prints back
 * as the same two decimals.
 */
export function formatCents(cents: number, currency: string, lang: string): string {
  try {
    return new Intl.NumberFormat(lang, { style: 'currency', currency }).format(cents / 100);
  } catch {
    return `${(cents / 100).toFixed(2)} ${currency}`;
  }
}
