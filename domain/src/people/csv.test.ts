import { describe, expect, it } from 'vitest';
import { CsvError, detectDelimiter, isBlankRecord, parseCsv } from './csv.ts';

const fields = (text: string, delimiter?: string) => parseCsv(text, delimiter).map((r) => r.fields);

describe('parseCsv', () => {
  it('reads plain rows with LF, CRLF and CR line ends alike', () => {
    const want = [
      ['email', 'display_name'],
      ['ana@example.org', 'Ana'],
    ];
    expect(fields('email,display_name\nana@example.org,Ana\n')).toEqual(want);
    expect(fields('email,display_name\r\nana@example.org,Ana\r\n')).toEqual(want);
    expect(fields('email,display_name\rana@example.org,Ana')).toEqual(want);
  });

  it('drops a leading byte-order mark', () => {
    expect(fields('\uFEFFemail,display_name')).toEqual([['email', 'display_name']]);
  });

  it('reads quoted fields with commas, doubled quotes and line breaks inside', () => {
    const text = '"a@x.org","Ruiz, Ana"\n"b@x.org","Bea ""La Jefa"" Gil"\n"c@x.org","two\r\nlines"\n';
    expect(fields(text)).toEqual([
      ['a@x.org', 'Ruiz, Ana'],
      ['b@x.org', 'Bea "La Jefa" Gil'],
      ['c@x.org', 'two\r\nlines'],
    ]);
  });

  it('numbers each record by the line it starts on, counting lines inside quotes', () => {
    const records = parseCsv('h1,h2\n"x","multi\nline"\n\nlast,row\r\n');
    expect(records.map((r) => r.line)).toEqual([1, 2, 4, 5]);
    expect(isBlankRecord(records[2]!)).toBe(true);
  });

  it('keeps empty fields, including a final one and an empty quoted one', () => {
    expect(fields('a,,c\n"",b,')).toEqual([
      ['a', '', 'c'],
      ['', 'b', ''],
    ]);
  });

  it('keeps a quote in the middle of an unquoted field, and text after a closing quote', () => {
    expect(fields('5" pipe,"ab"cd')).toEqual([['5" pipe', 'abcd']]);
  });

  it('reads nothing from an empty file and no extra record after a final line break', () => {
    expect(parseCsv('')).toEqual([]);
    expect(parseCsv('a\n')).toHaveLength(1);
  });

  it('refuses a quote that is never closed, naming the line it opened on', () => {
    expect(() => parseCsv('a,b\nc,"open\nmore')).toThrow(CsvError);
    try {
      parseCsv('a,b\nc,"open\nmore');
    } catch (err) {
      expect((err as CsvError).line).toBe(2);
    }
  });

  it('reads semicolon-separated files when asked to', () => {
    expect(fields('email;display_name\na@x.org;"Ruiz; Ana"', ';')).toEqual([
      ['email', 'display_name'],
      ['a@x.org', 'Ruiz; Ana'],
    ]);
  });
});

describe('detectDelimiter', () => {
  it('chooses the semicolon only when the header has no comma', () => {
    expect(detectDelimiter('email;display_name\r\na;b')).toBe(';');
    expect(detectDelimiter('email,display_name\na;b')).toBe(',');
    expect(detectDelimiter('')).toBe(',');
  });
});
