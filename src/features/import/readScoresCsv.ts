import { inputError } from '../../errors.js';
import { CsvColumns } from '../csvColumns.js';
import type { CsvTable } from '../csvText.js';
import { type ImportMetric, ImportMetrics, ScoresColumns } from './importFormat.js';
import { readHead } from './readCurvesCsv.js';
import type { ImportedRun } from './readRunsCsv.js';

/** The metrics of one head at one step. */
export interface ScorePoint {
  step: number;
  metrics: Partial<Record<ImportMetric, number>>;
  /** Line of each metric, for error messages. */
  lines: Partial<Record<ImportMetric, number>>;
}

/** scores.csv: each head's score points sorted by step; one value per head, step and metric. */
export function readScoresCsv(table: CsvTable, runs: readonly ImportedRun[]): Map<string, ScorePoint[]> {
  const columns = new CsvColumns(table, ScoresColumns.required);
  const byId = new Map(runs.map((run) => [run.id, run]));
  const heads = new Map<string, Map<number, ScorePoint>>();
  for (const record of table.records) {
    const { runId, task, key } = readHead(columns, record, byId);
    const step = columns.integer(record, 'step');
    const metric = columns.string(record, 'metric');
    if (!(ImportMetrics as readonly string[]).includes(metric)) {
      throw columns.fail(record, 'metric', `one of ${ImportMetrics.join(', ')}`, metric);
    }
    const value = columns.number(record, 'value', { min: 0 });
    if (value > 1) throw columns.fail(record, 'value', 'a score between 0 and 1 (not a percentage)', String(value));
    const points = heads.get(key) ?? new Map<number, ScorePoint>();
    const point = points.get(step) ?? { step, metrics: {}, lines: {} };
    const name = metric as ImportMetric;
    const earlier = point.lines[name];
    if (earlier !== undefined) {
      const problem = `${metric} of run ${runId} task ${task} at step ${step} is already on line ${earlier}`;
      throw inputError(table.file, record.line, problem);
    }
    point.metrics[name] = value;
    point.lines[name] = record.line;
    points.set(step, point);
    heads.set(key, points);
  }
  return new Map([...heads].map(([key, points]) => [key, [...points.values()].sort((a, b) => a.step - b.step)]));
}
