import { inputError } from '../errors.js';

export interface CsvRecord {
  /** 1-based line of the record's start in the file, for error messages. */
  line: number;
  fields: string[];
}

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
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  let fieldStarted = false;
  const endRecord = () => {
    if (fields.length > 0 || fieldStarted || field !== '') {
      records.push({ line: recordLine, fields: [...fields, field] });
    }
    fields = [];
    field = '';
    fieldStarted = false;
  };
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if (quoted) {
      if (ch === '"' && body[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') {
        quoted = false;
      } else {
        if (ch === '\n') line++;
        field += ch;
      }
    } else if (ch === '"' && field === '') {
      quoted = true;
      fieldStarted = true;
    } else if (ch === ',') {
      fields.push(field);
      field = '';
      fieldStarted = true;
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && body[i + 1] === '\n') i++;
      endRecord();
      line++;
      recordLine = line;
    } else {
      field += ch;
    }
  }
  if (quoted) throw inputError(file, recordLine, 'a quoted field is never closed; expected a closing "');
  endRecord();
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
