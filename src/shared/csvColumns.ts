import { inputError } from '../errors.js';
import type { CsvRecord, CsvTable } from './csv.js';

/** Column access by name for a parsed CSV, with errors that name the file, line, column and expectation. */
export class CsvColumns {
  private readonly index: Map<string, number>;

  /** Checks the header: every `required` column present, nothing outside `required` and `optional`. */
  constructor(
    readonly table: CsvTable,
    required: readonly string[],
    optional: readonly string[] = [],
  ) {
    const optionalText = optional.length > 0 ? ` (optional: ${optional.join(', ')})` : '';
    const expected = `columns ${required.join(', ')}${optionalText}`;
    for (const name of required) {
      if (!table.header.includes(name)) throw inputError(table.file, 1, `header lacks '${name}'; expected ${expected}`);
    }
    for (const name of table.header) {
      if (!required.includes(name) && !optional.includes(name)) {
        throw inputError(table.file, 1, `unknown column '${name}'; expected ${expected}`);
      }
    }
    const duplicate = table.header.find((name, i) => table.header.indexOf(name) !== i);
    if (duplicate !== undefined) throw inputError(table.file, 1, `column '${duplicate}' appears twice`);
    this.index = new Map(table.header.map((name, i) => [name, i]));
  }

  has(column: string): boolean {
    return this.index.has(column);
  }

  /** The raw (trimmed) text of a column; '' when the column is absent. */
  text(record: CsvRecord, column: string): string {
    const i = this.index.get(column);
    return i === undefined ? '' : record.fields[i].trim();
  }

  string(record: CsvRecord, column: string): string {
    const value = this.text(record, column);
    if (value === '') throw this.fail(record, column, 'a non-empty value', value);
    return value;
  }

  /** A finite number; undefined for an empty cell when `optional`. */
  number(record: CsvRecord, column: string, options: { optional: true; min?: number }): number | undefined;
  number(record: CsvRecord, column: string, options?: { optional?: false; min?: number }): number;
  number(record: CsvRecord, column: string, options: { optional?: boolean; min?: number } = {}): number | undefined {
    const text = this.text(record, column);
    if (text === '' && options.optional) return undefined;
    const value = Number(text);
    const expected = `a number${options.min === undefined ? '' : ` ≥ ${options.min}`}`;
    if (text === '' || !Number.isFinite(value) || (options.min !== undefined && value < options.min)) {
      throw this.fail(record, column, expected, text);
    }
    return value;
  }

  integer(record: CsvRecord, column: string, min = 0): number {
    const value = this.number(record, column, { min });
    if (!Number.isInteger(value)) throw this.fail(record, column, `an integer ≥ ${min}`, this.text(record, column));
    return value;
  }

  fail(record: CsvRecord, column: string, expected: string, found: string) {
    return inputError(this.table.file, record.line, `column '${column}': expected ${expected}, got '${found}'`);
  }
}
