/**
 * Writing CSV (RFC 4180) that spreadsheets open safely: fields quoted when
 * they must be, and text a spreadsheet would run as a formula kept as text.
 */

/**
 * Quotes a field when it must be. A semicolon or a tab is quoted too: a
 * spreadsheet set to a semicolon list separator (Spanish, among others) would
 * otherwise split `Forn;=HYPERLINK(…)` and run its second half as a formula.
 */
export function csvField(value: string | number): string {
  const s = String(value);
  return /[",;\t\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** A name a spreadsheet would run as a formula (`=HYPERLINK(…)`) is kept as text. */
export const asText = (name: string) => (/^[=+\-@\t\r]/.test(name) ? `'${name}` : name);

export const csvLine = (fields: (string | number)[]) => fields.map(csvField).join(',');
