import type { Curve } from '../../engine/trainingResult.js';
import { inputError } from '../../errors.js';
import { CsvColumns } from '../csvColumns.js';
import type { CsvRecord, CsvTable } from '../csvText.js';
import { CurvesColumns } from './importFormat.js';
import type { ImportedRun } from './readRunsCsv.js';

/** Key of one head: a run's task. */
export const headKey = (run: string, task: string): string => `${run}\u0000${task}`;

/** The head a curves.csv or scores.csv row belongs to: a run of runs.csv and one of that run's tasks. */
export function readHead(columns: CsvColumns, record: CsvRecord, runs: ReadonlyMap<string, ImportedRun>): { runId: string; task: string; key: string } {
  const runId = columns.string(record, 'run');
  const run = runs.get(runId);
  if (run === undefined) throw columns.fail(record, 'run', 'a run listed in runs.csv', runId);
  const task = columns.string(record, 'task');
  if (!run.tasks.includes(task)) throw columns.fail(record, 'task', `a task of run ${runId} (${run.tasks.join(', ')})`, task);
  return { runId, task, key: headKey(runId, task) };
}

/** curves.csv: loss points of each head, sorted by step; a step given twice for one head is an error. */
export function readCurvesCsv(table: CsvTable, runs: readonly ImportedRun[]): Map<string, Curve> {
  const columns = new CsvColumns(table, CurvesColumns.required);
  const byId = new Map(runs.map((run) => [run.id, run]));
  const points = new Map<string, Map<number, number>>();
  for (const record of table.records) {
    const { runId, task, key } = readHead(columns, record, byId);
    const step = columns.integer(record, 'step');
    const loss = columns.number(record, 'loss');
    const curve = points.get(key) ?? new Map<number, number>();
    if (curve.has(step)) {
      throw inputError(table.file, record.line, `step ${step} of run ${runId} task ${task} is given twice`);
    }
    curve.set(step, loss);
    points.set(key, curve);
  }
  const curves = new Map<string, Curve>();
  for (const [key, curve] of points) {
    const steps = [...curve.keys()].sort((a, b) => a - b);
    curves.set(key, { step: steps, loss: steps.map((s) => curve.get(s) as number) });
  }
  return curves;
}
