/**
 * Money is an integer number of minor units (cents) of the network's one
 * currency. Never a float: every amount that enters the system passes here.
 */
export type Cents = number;

export const MAX_CENTS = Number.MAX_SAFE_INTEGER;

export function isCents(value: unknown): value is Cents {
  return typeof value === 'number' && Number.isSafeInteger(value);
}

export function assertCents(value: unknown, what = 'amount'): Cents {
  if (!isCents(value)) throw new RangeError(`${what} must be a whole number of cents`);
  return value;
}

/** Sum that refuses to lose precision instead of silently rounding. */
export function addCents(...amounts: Cents[]): Cents {
  let total = 0;
  for (const a of amounts) {
    total += assertCents(a);
    if (!Number.isSafeInteger(total)) throw new RangeError('sum exceeds the safe integer range');
  }
  return total;
}

/** Formats cents for display in a locale, e.g. 4500 EUR in es → "45,00 €". */
export function formatCents(cents: Cents, currency: string, locale: string): string {
  return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(cents / 100);
}
