import type { Curve, HeadResult } from '../../engine/trainingResult.js';
import { inputError, TaskrelError } from '../../errors.js';
import type { RunResult } from '../../study/runResult.js';
import { sha256, stableStringify } from '../../shared/stableJson.js';
import { chooseScorePoint } from './chooseScorePoint.js';
import { ImportFiles, type ScoreStep } from './importFormat.js';
import { headKey } from './readCurvesCsv.js';
import type { ImportedRun } from './readRunsCsv.js';
import type { ScorePoint } from './readScoresCsv.js';

export interface ImportTables {
  /** The import folder, for error messages. */
  dir: string;
  runs: ImportedRun[];
  curves: Map<string, Curve>;
  scores: Map<string, ScorePoint[]>;
}

function head(tables: ImportTables, run: ImportedRun, task: string, scoreStep: ScoreStep): HeadResult {
  const key = headKey(run.id, task);
  const curve = tables.curves.get(key) ?? { step: [], loss: [] };
  const points = tables.scores.get(key) ?? [];
  const scoresFile = `${tables.dir}/${ImportFiles.scores}`;
  const where = `run ${run.id} (runs.csv line ${run.line}) task ${task}`;
  if (points.length === 0) {
    throw inputError(scoresFile, undefined, `no scores for ${where}; expected at least its test scores`);
  }
  const chosen = chooseScorePoint(points, scoreStep);
  if (typeof chosen === 'string') throw inputError(scoresFile, undefined, `${where}: ${chosen}`);
  const devPoints = points.filter((p) => p.metrics.dev_f1 !== undefined && p.metrics.dev_accuracy !== undefined);
  const m = chosen.metrics;
  const dev = m.dev_f1 !== undefined && m.dev_accuracy !== undefined ? { f1: m.dev_f1, accuracy: m.dev_accuracy } : null;
  return {
    batches: Math.max(curve.step[curve.step.length - 1] ?? 0, points[points.length - 1].step),
    curve,
    dev: {
      step: devPoints.map((p) => p.step),
      f1: devPoints.map((p) => p.metrics.dev_f1 as number),
      accuracy: devPoints.map((p) => p.metrics.dev_accuracy as number),
    },
    best: {
      step: chosen.step,
      dev,
      test: { f1: m.test_f1 as number, accuracy: m.test_accuracy as number },
    },
  };
}

/**
 * taskrel run records from imported tables. Ids follow taskrel's own (`single--pos--s1`, `pair--ner+pos--s1`);
 * `origin` keeps the user's run id; the spec hash covers the imported content, so a changed import is a new run.
 */
export function importedRuns(tables: ImportTables, scoreStep: ScoreStep, finishedAt: string): RunResult[] {
  const anyDev = [...tables.scores.values()].some((points) => points.some((p) => p.metrics.dev_f1 !== undefined));
  if (scoreStep === 'best-dev' && !anyDev) {
    throw new TaskrelError(
      `${tables.dir}/${ImportFiles.scores}: no dev_f1 for any run, and --score-step best-dev picks each head's step with the best dev F1; ` +
        'with test scores only, use --score-step last (the default) or a step number',
    );
  }
  return tables.runs.map((run) => {
    const heads = Object.fromEntries(run.tasks.map((task) => [task, head(tables, run, task, scoreStep)]));
    const kind = run.tasks.length === 1 ? 'single' : 'pair';
    return {
      id: `${kind}--${run.tasks.join('+')}--s${run.seed}`,
      kind,
      tasks: run.tasks,
      seed: run.seed,
      specHash: sha256(stableStringify({ format: 'import', heads, seed: run.seed })).slice(0, 16),
      backend: 'import',
      versions: {},
      origin: `import:${run.id}`,
      finishedAt,
      seconds: 0,
      batches: Math.max(...Object.values(heads).map((h) => h.batches)),
      heads,
    };
  });
}
