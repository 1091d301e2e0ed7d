import { describe, expect, it } from 'vitest';
import { MAX_IMPORT_ROWS, WorkerCsvError, checkWorkerRows, isEmail, readWorkerCsv } from './worker-import.ts';

const codeOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (err) {
    return (err as WorkerCsvError).code;
  }
  return null;
};

describe('readWorkerCsv', () => {
  it('reads rows under the header, lower-casing e-mails and tidying names', () => {
    const rows = readWorkerCsv(
      '\uFEFFEmail,Display_Name\r\n Ana@Example.org ,"  Ana\tRuiz "\r\n\r\nbea@example.org,Bea\r\n',
    );
    expect(rows).toEqual([
      { line: 2, email: 'ana@example.org', displayName: 'Ana Ruiz' },
      { line: 4, email: 'bea@example.org', displayName: 'Bea' },
    ]);
  });

  it('takes the columns in any order, ignores others, and reads semicolon files', () => {
    expect(readWorkerCsv('display_name,phone,email\nAna,555,ana@x.org')).toEqual([
      { line: 2, email: 'ana@x.org', displayName: 'Ana' },
    ]);
    expect(readWorkerCsv('email;display_name\nana@x.org;Ruiz, Ana')).toEqual([
      { line: 2, email: 'ana@x.org', displayName: 'Ruiz, Ana' },
    ]);
  });

  it('gives a missing column as empty text, for the checks to refuse', () => {
    expect(readWorkerCsv('email,display_name\nana@x.org')).toEqual([{ line: 2, email: 'ana@x.org', displayName: '' }]);
  });

  it('refuses a file without the header, an unclosed quote, and too many rows', () => {
    expect(codeOf(() => readWorkerCsv('ana@x.org,Ana'))).toBe('csv_header');
    expect(codeOf(() => readWorkerCsv(''))).toBe('csv_header');
    expect(codeOf(() => readWorkerCsv('email,display_name\n"ana@x.org,Ana'))).toBe('csv_invalid');
    const rows = (n: number) =>
      'email,display_name\n' + Array.from({ length: n }, (_, i) => `w${i}@x.org,W ${i}`).join('\n');
    expect(readWorkerCsv(rows(MAX_IMPORT_ROWS))).toHaveLength(MAX_IMPORT_ROWS);
    expect(codeOf(() => readWorkerCsv(rows(MAX_IMPORT_ROWS + 1)))).toBe('too_many_rows');
  });
});

describe('checkWorkerRows', () => {
  it('refuses bad e-mails, empty and too long names, and later duplicates, with their lines', () => {
    const { good, refused } = checkWorkerRows([
      { line: 2, email: 'ana@x.org', displayName: 'Ana' },
      { line: 3, email: 'not-an-email', displayName: 'Nobody' },
      { line: 4, email: 'bea@x.org', displayName: '' },
      { line: 5, email: 'cai@x.org', displayName: 'C'.repeat(121) },
      { line: 6, email: 'ana@x.org', displayName: 'Ana again' },
      { line: 7, email: 'ana@x.org', displayName: 'Ana thrice' },
      { line: 8, email: 'bea@x.org', displayName: 'Bea' },
      { line: 9, email: 'dan@x.org', displayName: 'D'.repeat(120) },
    ]);
    expect(good.map((r) => r.line)).toEqual([2, 9]);
    expect(refused).toEqual([
      { line: 3, email: 'not-an-email', code: 'invalid_email' },
      { line: 4, email: 'bea@x.org', code: 'missing_name' },
      { line: 5, email: 'cai@x.org', code: 'name_too_long' },
      { line: 6, email: 'ana@x.org', code: 'duplicate_in_file' },
      { line: 7, email: 'ana@x.org', code: 'duplicate_in_file' },
      { line: 8, email: 'bea@x.org', code: 'duplicate_in_file' },
    ]);
  });
});

describe('isEmail', () => {
  it('accepts ordinary addresses and refuses what the API refuses', () => {
    expect(isEmail('ana.ruiz+coop@espiga.example')).toBe(true);
    expect(isEmail('')).toBe(false);
    expect(isEmail('ana@localhost')).toBe(false);
    expect(isEmail('ana ruiz@x.org')).toBe(false);
    expect(isEmail(`${'a'.repeat(250)}@x.org`)).toBe(false);
  });
});
