/**
 * Cents shown in a currency and the reader's language: 4550 → "€45.50" (en),
 * "45,50 €" (es). Display only: the nearest double to n/100 always prints back
 * as the same two decimals. Reading typed amounts is `parseDecimalCents` in
 * domain/src/money/decimal.ts.
 */
import { centsToDecimal } from '@coopnet/domain/money/decimal';
import { numberFormat } from './numberFormat.ts';

export function formatMoney(cents: number, currency: string, lang: string): string {
  try {
    return numberFormat(lang, { style: 'currency', currency, minimumFractionDigits: 2 }).format(cents / 100);
  } catch {
    return `${centsToDecimal(cents)} ${currency}`;
  }
}

/** The currency's symbol in the reader's language ("€"), for labels of amount fields. */
export function currencySymbol(currency: string, lang: string): string {
  try {
    const parts = numberFormat(lang, { style: 'currency', currency }).formatToParts(0);
    return parts.find((p) => p.type === 'currency')?.value ?? currency;
  } catch {
    return currency;
  }
}
