/**
 * The rules of a worker import, with no I/O: read the CSV a co-op admin
 * uploads (header `email,display_name`), and say which rows can become
 * invited workers and why the others cannot. Whether an e-mail already
 * belongs to someone is known only to the database, so the caller adds that
 * reason (`already_registered`) afterwards.
 */
import { CsvError, detectDelimiter, isBlankRecord, parseCsv } from './csv.ts';

export const MAX_IMPORT_ROWS = 5000;
export const NAME_MAX = 120;
export const EMAIL_MAX = 254;

export type RefusalCode =
  'invalid_email' | 'missing_name' | 'name_too_long' | 'duplicate_in_file' | 'already_registered';

/** Stable codes with the English text the API sends; the web app translates by code. */
export const REFUSAL_REASONS: Record<RefusalCode, string> = {
  invalid_email: 'This is not a valid e-mail address.',
  missing_name: 'The display name is empty.',
  name_too_long: `The display name is longer than ${NAME_MAX} characters.`,
  duplicate_in_file: 'This e-mail already appears on an earlier line of the file.',
  already_registered: 'This e-mail already belongs to someone in the network.',
};

export interface WorkerRow {
  line: number;
  email: string;
  displayName: string;
}

export interface RefusedRow {
  line: number;
  email: string;
  code: RefusalCode;
}

export type WorkerCsvErrorCode = 'csv_invalid' | 'csv_header' | 'too_many_rows';

export class WorkerCsvError extends Error {
  constructor(
    readonly code: WorkerCsvErrorCode,
    message: string,
    readonly line: number | null = null,
  ) {
    super(message);
  }
}

// The same rule as zod's z.email(), which the API uses for single invitations,
// so an address accepted one way is accepted the other way too.
const EMAIL = /^(?:[A-Za-z0-9_'+-]+\.)*[A-Za-z0-9_'+-]*[A-Za-z0-9_+-]@(?:[A-Za-z0-9][A-Za-z0-9-]*\.)+[A-Za-z]{2,}$/;

export const isEmail = (s: string): boolean => s.length <= EMAIL_MAX && EMAIL.test(s);

/** Control characters and runs of spaces (a tab pasted from a spreadsheet) become one space. */
const tidyName = (s: string): string => s.replace(/[\u0000-\u001F\u007F\s]+/g, ' ').trim();

const headerName = (s: string) =>
  s
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');

/**
 * The data rows of the file, in order, with their line numbers (the header is
 * line 1). Blank rows are skipped; columns other than the two are ignored.
 */
export function readWorkerCsv(text: string): WorkerRow[] {
  let records;
  try {
    records = parseCsv(text, detectDelimiter(text));
  } catch (err) {
    if (err instanceof CsvError) throw new WorkerCsvError('csv_invalid', err.message, err.line);
    throw err;
  }
  const nonBlank = records.filter((r) => !isBlankRecord(r));
  const header = nonBlank[0];
  const columns = header?.fields.map(headerName) ?? [];
  const emailAt = columns.indexOf('email');
  const nameAt = columns.indexOf('display_name');
  if (!header || emailAt < 0 || nameAt < 0) {
    throw new WorkerCsvError(
      'csv_header',
      'The first line must be the header "email,display_name".',
      header?.line ?? 1,
    );
  }
  const data = nonBlank.slice(1);
  if (data.length > MAX_IMPORT_ROWS) {
    throw new WorkerCsvError(
      'too_many_rows',
      `A file may hold at most ${MAX_IMPORT_ROWS} workers; this one has ${data.length}.`,
    );
  }
  return data.map((r) => ({
    line: r.line,
    email: (r.fields[emailAt] ?? '').trim().toLowerCase(),
    displayName: tidyName(r.fields[nameAt] ?? ''),
  }));
}

/**
 * Splits rows into those that may be imported and those refused, one reason
 * each, checked in this order: e-mail, name, duplicate. An e-mail seen on an
 * earlier line makes every later line with it a duplicate, whatever became of
 * the earlier one, so the answer does not depend on the other checks.
 */
export function checkWorkerRows(rows: WorkerRow[]): { good: WorkerRow[]; refused: RefusedRow[] } {
  const good: WorkerRow[] = [];
  const refused: RefusedRow[] = [];
  const seen = new Set<string>();
  for (const row of rows) {
    const refuse = (code: RefusalCode) => refused.push({ line: row.line, email: row.email, code });
    if (!isEmail(row.email)) {
      refuse('invalid_email');
      continue;
    }
    const duplicate = seen.has(row.email);
    seen.add(row.email);
    if (row.displayName === '') refuse('missing_name');
    else if ([...row.displayName].length > NAME_MAX) refuse('name_too_long');
    else if (duplicate) refuse('duplicate_in_file');
    else good.push(row);
  }
  return { good, refused };
}
