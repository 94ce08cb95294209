import type { Curve } from '../../engine/trainingResult.js';
import { CsvColumns } from '../../shared/csvColumns.js';
import type { CsvRecord, CsvTable } from '../../shared/csv.js';
import { CurvesColumns, ImportFiles } from './importFormat.js';
import type { ImportedRun } from './readRunsCsv.js';
import { type LoggedPoint, type Restart, resolveRestarts, restartNote } from './restartedLog.js';

/** Key of one head: a run's task. */
export const headKey = (run: string, task: string): string => `${run}\u0000${task}`;

/** The head a curves.csv or scores.csv row belongs to: a run of runs.csv and one of that run's tasks. */
export function readHead(
  columns: CsvColumns,
  record: CsvRecord,
  runs: ReadonlyMap<string, ImportedRun>,
): { runId: string; task: string; key: string } {
  const runId = columns.string(record, 'run');
  const run = runs.get(runId);
  if (run === undefined) throw columns.fail(record, 'run', 'a run listed in runs.csv', runId);
  const task = columns.string(record, 'task');
  if (!run.tasks.includes(task)) throw columns.fail(record, 'task', `a task of run ${runId} (${run.tasks.join(', ')})`, task);
  return { runId, task, key: headKey(runId, task) };
}

/** What training logs write for a loss that blew up: nan, inf, -Infinity… */
const NON_FINITE = /^[+-]?(nan|inf|infinity)$/i;

/** Each head's curve, and notes on what was left out. */
export interface ImportedCurves {
  curves: Map<string, Curve>;
  notes: string[];
}

/**
 * curves.csv: loss points of each head, in the order they were logged. Logs come as they are: a non-finite loss
 * (a `nan` now and then) is left out, and where a head's steps go back (a restarted run) the later attempt
 * replaces the earlier points from there on; each run with either gets a note.
 */
export function readCurvesCsv(table: CsvTable, runs: readonly ImportedRun[]): ImportedCurves {
  const columns = new CsvColumns(table, CurvesColumns.required);
  const byId = new Map(runs.map((run) => [run.id, run]));
  const logged = new Map<string, { runId: string; task: string; points: LoggedPoint<number>[] }>();
  for (const record of table.records) {
    const { runId, task, key } = readHead(columns, record, byId);
    const step = columns.integer(record, 'step');
    const text = columns.text(record, 'loss');
    const loss = NON_FINITE.test(text) ? Number.NaN : columns.number(record, 'loss');
    const head = logged.get(key) ?? { runId, task, points: [] };
    head.points.push({ step, value: loss, line: record.line });
    logged.set(key, head);
  }
  const curves = new Map<string, Curve>();
  const byRun = new Map<string, { restarts: { name: string; restarts: Restart[] }[]; nonFinite: string[] }>();
  for (const [key, { runId, task, points }] of logged) {
    const { points: resolved, restarts } = resolveRestarts(points);
    const finite = resolved.filter((p) => Number.isFinite(p.value));
    curves.set(key, { step: finite.map((p) => p.step), loss: finite.map((p) => p.value) });
    const notes = byRun.get(runId) ?? { restarts: [], nonFinite: [] };
    if (restarts.length > 0) notes.restarts.push({ name: task, restarts });
    const dropped = resolved.filter((p) => !Number.isFinite(p.value));
    if (dropped.length > 0) notes.nonFinite.push(`${task} at ${stepList(dropped.map((p) => p.step))}`);
    byRun.set(runId, notes);
  }
  const notes: string[] = [];
  for (const [runId, { restarts, nonFinite }] of byRun) {
    const restarted = restartNote(ImportFiles.curves, runId, restarts);
    if (restarted !== undefined) notes.push(restarted);
    if (nonFinite.length > 0) notes.push(`run ${runId}: non-finite training losses left out of its curve (${nonFinite.join('; ')})`);
  }
  return { curves, notes };
}

/** "step 120", "steps 120, 340 and 560", "steps 120, 340, 560 and 7 more". */
function stepList(steps: number[]): string {
  if (steps.length === 1) return `step ${steps[0]}`;
  const shown = steps.slice(0, 3);
  const rest = steps.length - shown.length;
  return rest > 0 ? `steps ${shown.join(', ')} and ${rest} more` : `steps ${shown.slice(0, -1).join(', ')} and ${shown.at(-1)}`;
}
