import { type DelimitedRecord, parseDelimited } from '../data/delimitedText.js';
import { inputError } from '../errors.js';

/** A record of a CSV file: its fields and the 1-based line of its start, for error messages. */
export type CsvRecord = DelimitedRecord;

export interface CsvTable {
  file: string;
  header: string[];
  records: CsvRecord[];
}

/**
 * Parses comma-separated text (RFC 4180: fields may be double-quoted, with "" for a quote and line breaks
 * inside quotes; CRLF or LF). The first record is the header; blank lines are skipped; every record must have
 * as many fields as the header.
 */
export function parseCsv(text: string, file: string): CsvTable {
  const records = parseDelimited(text, file, ',');
  const [header, ...rest] = records;
  if (header === undefined) throw inputError(file, 1, 'the file is empty; expected a header line');
  for (const record of rest) {
    if (record.fields.length !== header.fields.length) {
      const found = record.fields.length;
      throw inputError(file, record.line, `${found} fields; expected ${header.fields.length} as in the header`);
    }
  }
  return { file, header: header.fields.map((name) => name.trim()), records: rest };
}

/** A value as a CSV field: quoted when it holds a comma, quote or line break; empty for null/undefined. */
export function csvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
