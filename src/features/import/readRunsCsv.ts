import { inputError } from '../../errors.js';
import { CsvColumns } from '../../shared/csvColumns.js';
import type { CsvTable } from '../../shared/csv.js';
import { RunsColumns, TaskNamePattern } from './importFormat.js';

export interface ImportedRun {
  id: string;
  /** One task, or two sorted task names for a pair run. */
  tasks: string[];
  seed: number;
  line: number;
}

/** runs.csv: each run once, and at most one run per kind, tasks and seed (which one would count otherwise?). */
export function readRunsCsv(table: CsvTable): ImportedRun[] {
  const columns = new CsvColumns(table, RunsColumns.required, RunsColumns.optional);
  const runs: ImportedRun[] = [];
  const ids = new Map<string, number>();
  const keys = new Map<string, number>();
  for (const record of table.records) {
    const id = columns.string(record, 'run');
    const tasks = columns
      .string(record, 'tasks')
      .split('+')
      .map((t) => t.trim());
    if (tasks.length > 2 || tasks.some((t) => !TaskNamePattern.test(t)) || tasks[0] === tasks[1]) {
      const expected = 'one task name or two different ones joined by + (letters, digits, - _ .)';
      throw columns.fail(record, 'tasks', expected, columns.text(record, 'tasks'));
    }
    const seed = columns.has('seed') ? columns.integer(record, 'seed') : 1;
    const earlier = ids.get(id);
    if (earlier !== undefined) {
      throw inputError(table.file, record.line, `run '${id}' was already listed on line ${earlier}`);
    }
    const key = `${[...tasks].sort().join('+')}|${seed}`;
    const same = keys.get(key);
    if (same !== undefined) {
      const problem = `a run of ${tasks.join('+')} with seed ${seed} is already on line ${same}`;
      throw inputError(table.file, record.line, `${problem}; expected one run per tasks and seed`);
    }
    ids.set(id, record.line);
    keys.set(key, record.line);
    runs.push({ id, tasks: [...tasks].sort(), seed, line: record.line });
  }
  if (runs.length === 0) throw inputError(table.file, undefined, 'no runs; expected one line per run after the header');
  return runs;
}
