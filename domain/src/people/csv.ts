/**
 * A small RFC 4180 CSV reader for files people export from a spreadsheet:
 * quoted fields (with "" for a quote, and commas or line breaks inside),
 * CRLF, LF or CR line ends, a leading byte-order mark, and a chosen delimiter
 * (Spanish spreadsheets write ';'). Lenient where a spreadsheet would be:
 * text after a closing quote is kept. Only an unclosed quote is an error,
 * because then the rest of the file would silently become one field.
 */

export interface CsvRecord {
  /** the line of the file where this record starts, counting from 1 */
  line: number;
  fields: string[];
}

export class CsvError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
  }
}

export function parseCsv(input: string, delimiter = ','): CsvRecord[] {
  const text = input.startsWith('\uFEFF') ? input.slice(1) : input;
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let recordLine = 1;
  let quoted = false;
  let quoteLine = 1;
  let fieldStart = true;

  const endRecord = () => {
    fields.push(field);
    records.push({ line: recordLine, fields });
    fields = [];
    field = '';
    fieldStart = true;
  };

  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else {
          quoted = false;
        }
      } else {
        if (c === '\n' || (c === '\r' && text[i + 1] !== '\n')) line++;
        field += c;
      }
      continue;
    }
    if (c === '"' && fieldStart) {
      quoted = true;
      quoteLine = line;
      fieldStart = false;
    } else if (c === delimiter) {
      fields.push(field);
      field = '';
      fieldStart = true;
    } else if (c === '\r' || c === '\n') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      endRecord();
      line++;
      recordLine = line;
    } else {
      field += c;
      fieldStart = false;
    }
  }
  if (quoted) throw new CsvError(quoteLine, `A quoted field opened on line ${quoteLine} is never closed.`);
  // A final line break does not start one more (empty) record.
  if (field !== '' || fields.length > 0 || !fieldStart) endRecord();
  return records;
}

/** ';' when the header line uses semicolons and no commas, else ','. */
export function detectDelimiter(input: string): ',' | ';' {
  const firstLine = input.split(/\r\n|\r|\n/, 1)[0] ?? '';
  return firstLine.includes(';') && !firstLine.includes(',') ? ';' : ',';
}

/** A record whose fields are all empty: what a spreadsheet writes for a blank row. */
export const isBlankRecord = (r: CsvRecord): boolean => r.fields.every((f) => f.trim() === '');
