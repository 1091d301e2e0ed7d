import { parseDecimalCents } from '@coopnet/domain/money/decimal';

/** "-1250,50" → -125050: an amount that may be a loss, typed with a minus sign; null when it is not an amount. */
export function signedCents(text: string): number | null {
  const s = text.trim().replace(/^[−–]/, '-');
  const negative = s.startsWith('-');
  const parsed = parseDecimalCents(negative ? s.slice(1) : s, 10_000_000_000_000);
  if (!parsed.ok || parsed.cents === null) return null;
  return negative ? -parsed.cents : parsed.cents;
}
