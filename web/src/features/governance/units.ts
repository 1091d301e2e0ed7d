/**
 * Votes of a count as people read them. Counts keep fractions of a vote as
 * whole numbers of a stated unit (hundred-thousandths for the Scottish STV
 * rules); the domain's `formatUnits` writes them exactly, and here the whole
 * part gets the reader's digit grouping and decimal sign. No floating point
 * touches a published figure.
 */
import { formatUnits } from '@coopnet/domain/voting/numbers';
import { numberFormat } from '../../components/numberFormat.ts';

export function formatVotes(units: number, unit: number, lang: string): string {
  const plain = formatUnits(units, unit);
  const negative = plain.startsWith('-');
  const [whole = '0', fraction] = (negative ? plain.slice(1) : plain).split('.');
  const nf = numberFormat(lang);
  const decimal = nf.formatToParts(1.5).find((p) => p.type === 'decimal')?.value ?? '.';
  const grouped = nf.format(BigInt(whole));
  return `${negative ? '−' : ''}${grouped}${fraction ? decimal + fraction : ''}`;
}

/** A figure for a chart's bar: approximate by nature, never shown as the result. */
export function unitsToNumber(units: number, unit: number): number {
  return units / unit;
}
