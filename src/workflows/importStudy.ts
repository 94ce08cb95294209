import { existsSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { writeFileAtomic } from '../shared/atomicWrite.js';
import { formatCsv, readCsv } from '../shared/csv.js';
import { TaskrelError } from '../errors.js';
import { computeGains, type UnscoredPair } from '../study/gains.js';
import { parseRunResult, type RunResult } from '../study/runResult.js';
import { parseStudySpec } from '../study/spec.js';
import { readRuns, runFile, StudyFiles, studyPath, writeGains, writeRun, writeStudySpec } from '../study/studyFolder.js';
import type { CurveFeatureMode } from '../features/taskFeatures.js';
import { importedRuns } from '../features/import/importedRuns.js';
import { ImportFiles, type ScoreStep } from '../features/import/importFormat.js';
import { readCurvesCsv } from '../features/import/readCurvesCsv.js';
import { readRunsCsv } from '../features/import/readRunsCsv.js';
import { readScoresCsv } from '../features/import/readScoresCsv.js';
import { type DatasetFeatureTable, readTaskFeaturesCsv } from '../features/import/readTaskFeaturesCsv.js';

export interface ImportOptions {
  /** Study name; the folder is `reports/<name>` unless `output` is given. */
  study: string;
  output?: string;
  scoreStep: ScoreStep;
  /** Curve-feature definitions, kept in the study folder's study.json (analysis.curveFeatures); taskrel's by default. */
  curveFeatures?: CurveFeatureMode;
}

export interface ImportSummary {
  dir: string;
  runs: RunResult[];
  tasks: string[];
  gains: number;
  unscored: UnscoredPair[];
  /** Pairs whose gain cannot be computed because a single-task run is missing, and similar. */
  warnings: string[];
  /** Whether task_features.csv gave dataset features. */
  datasetFeatures: boolean;
  /** What was taken from the logs as they came: left-out non-finite losses, restarted runs. */
  notes: string[];
}

async function table(dir: string, file: string) {
  const path = join(dir, file);
  return readCsv(path);
}

/** Pair runs without the single runs that their gains divide by. */
function missingSingles(runs: readonly RunResult[]): string[] {
  const singles = new Set(runs.filter((r) => r.kind === 'single').map((r) => `${r.tasks[0]}|${r.seed}`));
  return runs
    .filter((r) => r.kind === 'pair')
    .flatMap((r) => r.tasks.filter((t) => !singles.has(`${t}|${r.seed}`)).map((t) => ({ run: r, task: t })))
    .map(({ run, task }) => {
      const id = run.origin.slice('import:'.length);
      const label = `${id} (${run.tasks.join('+')}, seed ${run.seed})`;
      return `${label} has no single run of ${task} with seed ${run.seed}, so the gain of ${task} is not computed`;
    });
}

/** An existing folder may be replaced only if everything in it was imported too. */
function checkReplaceable(dir: string): void {
  if (!existsSync(join(dir, StudyFiles.spec))) return;
  const foreign = readRuns(dir).filter((run) => !run.origin.startsWith('import'));
  if (foreign.length > 0) {
    const found = `${resolve(dir)} holds ${foreign.length} run(s) trained by taskrel (e.g. ${foreign[0].id})`;
    throw new TaskrelError(`${found}; import into a new study name`);
  }
}

/**
 * Turns runs trained elsewhere (CSV files in `sourceDir`, see importFormatHelp) into a study folder: study.json,
 * runs/*.json, gains.csv and, when given, task_features.csv. Everything is read and checked before the first
 * file is written; a previous import into the same folder is replaced (and its analysis files removed).
 */
export async function importStudy(sourceDir: string, options: ImportOptions): Promise<ImportSummary> {
  const runsTable = await table(sourceDir, ImportFiles.runs);
  const runs = readRunsCsv(runsTable);
  const curves = readCurvesCsv(await table(sourceDir, ImportFiles.curves), runs);
  const scores = readScoresCsv(await table(sourceDir, ImportFiles.scores), runs);
  const tables = { dir: sourceDir, runs, curves: curves.curves, scores: scores.scores };
  const finishedAt = statSync(runsTable.file).mtime.toISOString();
  const results = importedRuns(tables, options.scoreStep, finishedAt).map((run) => parseRunResult(run, `imported run ${run.id}`));
  const tasks = [...new Set(runs.flatMap((run) => run.tasks))].sort();
  const featuresPath = join(sourceDir, ImportFiles.taskFeatures);
  const datasetTable: DatasetFeatureTable | undefined = existsSync(featuresPath)
    ? readTaskFeaturesCsv(await table(sourceDir, ImportFiles.taskFeatures), new Set(tasks))
    : undefined;
  const dir = options.output ?? `reports/${options.study}`;
  const singles = results.filter((r) => r.kind === 'single');
  const spec = parseStudySpec(
    {
      name: options.study,
      description: `Runs trained elsewhere, imported by taskrel import from ${sourceDir}.`,
      tasks: tasks.map((name) => ({ name, external: true })),
      budget: { singleBatches: Math.max(1, ...singles.map((r) => r.batches)) },
      seeds: [...new Set(results.map((r) => r.seed))].sort((a, b) => a - b),
      output: dir,
      ...(options.curveFeatures === undefined ? {} : { analysis: { curveFeatures: options.curveFeatures } }),
    },
    `import of ${sourceDir}`,
    sourceDir,
  );
  const gains = computeGains(results, tasks);
  checkReplaceable(dir);

  writeStudySpec(dir, spec);
  const keep = new Set(results.map((r) => r.id));
  for (const old of readRuns(dir)) if (!keep.has(old.id)) rmSync(runFile(dir, old.id));
  for (const run of results) writeRun(dir, run);
  writeGains(dir, gains.rows);
  // An earlier analysis described the earlier runs; analyzeStudy writes them anew.
  for (const file of ['features', 'pairs', 'meta', 'replay', 'views'] as const) rmSync(studyPath(dir, file), { force: true });
  const featuresFile = join(dir, ImportFiles.taskFeatures);
  if (datasetTable === undefined) rmSync(featuresFile, { force: true });
  else {
    const rows = [...datasetTable].flatMap(([task, values]) => Object.entries(values).map(([feature, value]) => [task, feature, value]));
    writeFileAtomic(featuresFile, formatCsv(['task', 'feature', 'value'], rows));
  }
  return {
    dir,
    runs: results,
    tasks,
    gains: gains.rows.length,
    unscored: gains.unscored,
    warnings: missingSingles(results),
    datasetFeatures: datasetTable !== undefined,
    notes: [...curves.notes, ...scores.notes],
  };
}
