/**
 * A bank statement exported as CSV, read for payments into the fund: each
 * line's date, amount and reference, by the columns the treasurer maps. A line
 * that cannot be read is listed with why, never guessed; the others are
 * matched to what co-ops owe by the reference code on their transfer.
 */
import { detectDelimiter, parseCsv } from '../people/csv.ts';

export interface ColumnMapping {
  /** 0-based column of each field */
  date: number;
  amount: number;
  reference: number;
  description?: number | undefined;
  /** the first row names the columns */
  header: boolean;
}

export interface StatementLine {
  /** the line of the file, counting from 1 */
  line: number;
  date: string;
  /** positive: money in; negative: money out */
  cents: number;
  reference: string;
  description: string;
}

export type LineProblem = 'bad_date' | 'bad_amount' | 'missing_fields';

export interface Statement {
  lines: StatementLine[];
  malformed: { line: number; problem: LineProblem }[];
}

/** "2026-11-05", "05/11/2026" or "5.11.2026" (day first, as European banks write) → "2026-11-05". */
export function statementDate(text: string): string | null {
  const s = text.trim();
  const iso8601 = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  const dayFirst = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s);
  const [y, mo, d] = iso8601
    ? [iso8601[1]!, iso8601[2]!, iso8601[3]!]
    : dayFirst
      ? [dayFirst[3]!, dayFirst[2]!.padStart(2, '0'), dayFirst[1]!.padStart(2, '0')]
      : [];
  if (!y) return null;
  const iso = `${y}-${mo}-${d}`;
  const t = Date.parse(`${iso}T00:00:00Z`);
  return Number.isNaN(t) || new Date(t).toISOString().slice(0, 10) !== iso ? null : iso;
}

/**
 * An amount as banks write it, to cents: "1234.56", "1.234,56", "-25,00",
 * "1 234,56 €". The last '.' or ',' followed by one or two digits is the
 * decimal mark; other dots, commas and spaces group thousands.
 */
export function statementAmount(text: string): number | null {
  let s = text.replace(/[\s\u00a0€$£]|EUR/g, '');
  const negative = s.startsWith('-') || (s.startsWith('(') && s.endsWith(')'));
  s = s.replace(/^[-+(]|\)$/g, '');
  const m = /^(\d{1,3}(?:[.,]?\d{3})*|\d+)(?:[.,](\d{1,2}))?$/.exec(s);
  if (!m) return null;
  const whole = m[1]!.replace(/[.,]/g, '');
  if (whole.length > 13) return null;
  const cents = Number(whole) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
  return negative ? -cents : cents;
}

export function readStatement(text: string, mapping: ColumnMapping): Statement {
  const records = parseCsv(text, detectDelimiter(text)).filter((r) => r.fields.some((f) => f.trim() !== ''));
  const lines: StatementLine[] = [];
  const malformed: Statement['malformed'] = [];
  for (const r of mapping.header ? records.slice(1) : records) {
    const needed = Math.max(mapping.date, mapping.amount, mapping.reference);
    if (r.fields.length <= needed) {
      malformed.push({ line: r.line, problem: 'missing_fields' });
      continue;
    }
    const date = statementDate(r.fields[mapping.date]!);
    if (!date) {
      malformed.push({ line: r.line, problem: 'bad_date' });
      continue;
    }
    const cents = statementAmount(r.fields[mapping.amount]!);
    if (cents === null) {
      malformed.push({ line: r.line, problem: 'bad_amount' });
      continue;
    }
    const description = mapping.description === undefined ? '' : (r.fields[mapping.description] ?? '').trim();
    lines.push({ line: r.line, date, cents, reference: r.fields[mapping.reference]!.trim(), description });
  }
  return { lines, malformed };
}

/** A reference as people type it on a transfer: upper case, without spaces or dashes. */
export const normalReference = (text: string) => text.toUpperCase().replace(/[^A-Z0-9]/g, '');

export interface Owed {
  id: string;
  reference: string;
  outstandingCents: number;
}

export type Unmatched = { line: number; reason: 'money_out' | 'unknown_reference' | 'more_than_owed' };

/**
 * Each line of money in matched to what a co-op owes, by the reference code
 * (found in the reference or the description) and an amount no larger than
 * what is still owed; lines paying the same debt use it up in turn.
 */
export function matchPayments(
  lines: readonly StatementLine[],
  owed: readonly Owed[],
): { matched: { line: StatementLine; owedId: string }[]; unmatched: Unmatched[] } {
  const byReference = new Map(owed.map((o) => [normalReference(o.reference), { ...o }]));
  const matched: { line: StatementLine; owedId: string }[] = [];
  const unmatched: Unmatched[] = [];
  for (const line of lines) {
    if (line.cents <= 0) {
      unmatched.push({ line: line.line, reason: 'money_out' });
      continue;
    }
    const text = normalReference(`${line.reference} ${line.description}`);
    const debt =
      byReference.get(normalReference(line.reference)) ??
      [...byReference.entries()].find(([ref]) => ref.length >= 6 && text.includes(ref))?.[1];
    if (!debt) unmatched.push({ line: line.line, reason: 'unknown_reference' });
    else if (line.cents > debt.outstandingCents) unmatched.push({ line: line.line, reason: 'more_than_owed' });
    else {
      debt.outstandingCents -= line.cents;
      matched.push({ line, owedId: debt.id });
    }
  }
  return { matched, unmatched };
}
