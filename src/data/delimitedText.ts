import { inputError } from '../errors.js';

/** One record of a delimited file: its fields and the 1-based line where it starts (for error messages). */
export interface DelimitedRecord {
  line: number;
  fields: string[];
}

/**
 * Splits comma- or tab-separated text into records, reading RFC 4180 quoting as spreadsheet and Python csv
 * writers produce it: a field that starts with a double quote runs to the next lone quote, with "" for a quote
 * and line breaks inside; LF or CRLF line ends; a leading byte-order mark is dropped; blank lines are skipped.
 */
export function parseDelimited(text: string, file: string, delimiter: ',' | '\t'): DelimitedRecord[] {
  const records: DelimitedRecord[] = [];
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
    } else if (ch === delimiter) {
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
  return records;
}
