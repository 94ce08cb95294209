import * as dfd from 'danfojs-node';
import { csvField } from './csvText.js';

export type CsvValue = string | number | null;

/**
 * A table as CSV text through a danfojs DataFrame. danfo's toCSV writes strings verbatim, so strings that need
 * quoting are quoted here first; null becomes an empty field. A table without rows is its header alone (danfo
 * cannot build an empty frame).
 */
export function tableCsv(columns: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  if (rows.length === 0) return `${columns.join(',')}\n`;
  const cells = rows.map((row) => row.map((value) => (typeof value === 'string' ? csvField(value) : value)));
  const frame = new dfd.DataFrame(cells, { columns: [...columns] });
  const text = String(dfd.toCSV(frame));
  return text.endsWith('\n') ? text : `${text}\n`;
}
