import { CsvColumns } from '../../shared/csvColumns.js';
import type { CsvTable } from '../../shared/csv.js';
import { type ImportMetric, ImportFiles, ImportMetrics, ScoresColumns } from './importFormat.js';
import { readHead } from './readCurvesCsv.js';
import type { ImportedRun } from './readRunsCsv.js';
import { type LoggedPoint, type Restart, resolveRestarts, restartNote } from './restartedLog.js';

/** The metrics of one head at one step. */
export interface ScorePoint {
  step: number;
  metrics: Partial<Record<ImportMetric, number>>;
  /** Line of each metric, for error messages. */
  lines: Partial<Record<ImportMetric, number>>;
}

/** Each head's score points, and notes on restarted runs. */
export interface ImportedScores {
  scores: Map<string, ScorePoint[]>;
  notes: string[];
}

/**
 * scores.csv: each head's score points sorted by step. Each metric of a head is read in the order it was logged:
 * where its steps go back (a restarted run) the later attempt replaces the earlier values from there on, with a
 * note for the run.
 */
export function readScoresCsv(table: CsvTable, runs: readonly ImportedRun[]): ImportedScores {
  const columns = new CsvColumns(table, ScoresColumns.required);
  const byId = new Map(runs.map((run) => [run.id, run]));
  const series = new Map<string, { runId: string; task: string; metrics: Map<ImportMetric, LoggedPoint<number>[]> }>();
  for (const record of table.records) {
    const { runId, task, key } = readHead(columns, record, byId);
    const step = columns.integer(record, 'step');
    const metric = columns.string(record, 'metric');
    if (!(ImportMetrics as readonly string[]).includes(metric)) {
      throw columns.fail(record, 'metric', `one of ${ImportMetrics.join(', ')}`, metric);
    }
    const value = columns.number(record, 'value', { min: 0 });
    if (value > 1) throw columns.fail(record, 'value', 'a score between 0 and 1 (not a percentage)', String(value));
    const head = series.get(key) ?? { runId, task, metrics: new Map() };
    const logged = head.metrics.get(metric as ImportMetric) ?? [];
    logged.push({ step, value, line: record.line });
    head.metrics.set(metric as ImportMetric, logged);
    series.set(key, head);
  }
  const scores = new Map<string, ScorePoint[]>();
  const restartsByRun = new Map<string, { name: string; restarts: Restart[] }[]>();
  for (const [key, { runId, task, metrics }] of series) {
    const points = new Map<number, ScorePoint>();
    for (const [metric, logged] of metrics) {
      const { points: resolved, restarts } = resolveRestarts(logged);
      if (restarts.length > 0) restartsByRun.set(runId, [...(restartsByRun.get(runId) ?? []), { name: `${task} ${metric}`, restarts }]);
      for (const { step, value, line } of resolved) {
        const point = points.get(step) ?? { step, metrics: {}, lines: {} };
        point.metrics[metric] = value;
        point.lines[metric] = line;
        points.set(step, point);
      }
    }
    scores.set(
      key,
      [...points.values()].sort((a, b) => a.step - b.step),
    );
  }
  const notes = [...restartsByRun].flatMap(([runId, restarted]) => restartNote(ImportFiles.scores, runId, restarted) ?? []);
  return { scores, notes };
}
