/**
 * Amounts of the accounts: cents shown in the network's currency and the
 * reader's language, and a threshold typed as decimal text read into whole
 * cents with integer arithmetic only.
 */

/** 4550 → "€45.50" (en) or "45,50 €" (es). Display only. */
export function formatMoney(cents: number, currency: string, lang: string): string {
  try {
    return new Intl.NumberFormat(lang, { style: 'currency', currency, minimumFractionDigits: 2 }).format(cents / 100);
  } catch {
    return `${(cents / 100).toFixed(2)} ${currency}`;
  }
}

/** "50" → 5000, "12.5" / "12,50" → 1250; anything else (signs, three decimals, letters, "") → null. */
export function parseAmount(input: string): number | null {
  const m = /^(\d{1,9})(?:[.,](\d{1,2}))?$/.exec(input.trim());
  if (!m) return null;
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
}

/** 5000 → "50.00", to fill the threshold box with the policy in force. */
export function centsToInput(cents: number | null): string {
  if (cents === null) return '';
  return `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
}

/** "2026-03" → "March 2026" in the reader's language. */
export function monthName(month: string, lang: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Intl.DateTimeFormat(lang, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, 15)));
}
