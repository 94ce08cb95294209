import * as dfd from 'danfojs-node';
import Papa from 'papaparse';
import { inputError } from '../errors.js';
import { readText } from './textFile.js';

/** A record of a delimited file: its fields and the 1-based line where it starts, for error messages. */
export interface CsvRecord {
  line: number;
  fields: string[];
}

export interface CsvTable {
  file: string;
  header: string[];
  records: CsvRecord[];
}

export type CsvValue = string | number | null;

/**
 * Splits comma- or tab-separated text into records (RFC 4180: a field that starts with a double quote runs to the
 * next lone quote, with "" for a quote and delimiters or line breaks inside; a quote inside an unquoted field is
 * text). LF or CRLF line ends; a leading byte-order mark is dropped; blank lines are skipped.
 *
 * papaparse (the parser danfojs-node ships) is called directly rather than through dfd.readCSV, which was
 * measured to drop papaparse's row positions from its errors, to reject a header-only file ("No data found") and
 * to convert field types ("true" to a boolean, "" to null, "007" to 7).
 */
export function parseDelimited(text: string, file: string, delimiter: ',' | '\t'): CsvRecord[] {
  // papaparse takes one line end for the whole text, and a file may mix them (a row appended on another system),
  // so every line end becomes LF first; a CR inside a quoted field reads as LF too.
  const body = (text.startsWith('\uFEFF') ? text.slice(1) : text).replace(/\r\n?/g, '\n');
  const records: CsvRecord[] = [];
  let problem: { line: number; code: string } | undefined;
  let start = 0;
  let line = 1;
  Papa.parse(body, {
    delimiter,
    newline: '\n',
    quoteChar: '"',
    step: ({ data, errors, meta }) => {
      const raw = body.slice(start, meta.cursor);
      if (errors.length > 0) problem ??= { line, code: errors[0].code };
      if (raw !== '' && raw !== '\n') records.push({ line, fields: data });
      line += raw.split('\n').length - 1;
      start = meta.cursor;
    },
  });
  if (problem?.code === 'MissingQuotes') throw inputError(file, problem.line, 'a quoted field is never closed; expected a closing "');
  if (problem !== undefined) {
    const expected = 'expected a delimiter or line end after it ("" for a quote inside a quoted field)';
    throw inputError(file, problem.line, `text follows the closing quote of a quoted field; ${expected}`);
  }
  return records;
}

/** Parses CSV text whose first record is the header; every record must have as many fields as the header. */
export function parseCsv(text: string, file: string): CsvTable {
  const [header, ...records] = parseDelimited(text, file, ',');
  if (header === undefined) throw inputError(file, 1, 'the file is empty; expected a header line');
  for (const record of records) {
    if (record.fields.length !== header.fields.length) {
      const found = record.fields.length;
      throw inputError(file, record.line, `${found} fields; expected ${header.fields.length} as in the header`);
    }
  }
  return { file, header: header.fields.map((name) => name.trim()), records };
}

export async function readCsv(file: string): Promise<CsvTable> {
  return parseCsv(await readText(file), file);
}

/**
 * A table as CSV text through a danfojs DataFrame. dfd.toCSV writes values verbatim, so a string holding a comma,
 * quote or line break is quoted first (RFC 4180); null becomes an empty field. A table without rows is its header
 * alone (danfo cannot build an empty frame).
 */
export function formatCsv(columns: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  if (rows.length === 0) return `${columns.join(',')}\n`;
  const cells = rows.map((row) => row.map((value) => (typeof value === 'string' && /[",\r\n]/.test(value) ? quoted(value) : value)));
  return String(dfd.toCSV(new dfd.DataFrame(cells, { columns: [...columns] })));
}

function quoted(text: string): string {
  return `"${text.replaceAll('"', '""')}"`;
}
