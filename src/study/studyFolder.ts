import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { writeFileAtomic } from '../shared/atomicWrite.js';
import { formatCsv, readCsv } from '../shared/csv.js';
import { CsvColumns } from '../shared/csvColumns.js';
import { readStoredJson } from '../shared/jsonFile.js';
import { TaskrelError } from '../errors.js';
import type { GainRow } from './gainRow.js';
import { checkpointFile } from './runCheckpoint.js';
import { type RunResult, parseRunResult } from './runResult.js';
import { type StudySpec, parseStudySpec } from './spec.js';

/**
 * The study folder is the unit of exchange: local, distributed and imported runs all produce these files,
 * and analysis and reports read only these files.
 */
export const StudyFiles = {
  spec: 'study.json',
  runs: 'runs',
  /** Checkpoints of runs in flight (`<run id>.ckpt`), each removed once its run is saved under runs/. */
  checkpoints: 'checkpoints',
  gains: 'gains.csv',
  features: 'features.csv',
  pairs: 'pairs.csv',
  /** Dataset features supplied with imported runs (for tasks whose data is not here). */
  taskFeatures: 'task_features.csv',
  meta: 'meta.json',
  /** The meta-model's ranking replayed on each study task as if it were new (recommend's "had each task been new"). */
  replay: 'replay.json',
  /** The model views (scores, input-word importance, transfer) from runs that keep their records. */
  views: 'views.json',
  /** Cheap affinity predictors from one joint run (taskrel affinity). */
  affinity: 'affinity.json',
  /** Every predictor scored against the gains (taskrel predictors). */
  predictors: 'predictors.json',
  report: 'index.html',
  figures: 'figures',
} as const;

/**
 * A file of the study folder, as an absolute path: a relative folder (a spec's `output`) resolves against the
 * working directory, and every message naming one of its files says which folder that was.
 */
export function studyPath(dir: string, file: keyof typeof StudyFiles): string {
  return join(resolve(dir), StudyFiles[file]);
}

export function writeStudySpec(dir: string, spec: StudySpec): void {
  writeFileAtomic(studyPath(dir, 'spec'), `${JSON.stringify(spec, null, 2)}\n`);
}

export function readStudySpec(dir: string): StudySpec {
  const file = studyPath(dir, 'spec');
  if (!existsSync(file))
    throw new TaskrelError(`${resolve(dir)}: not a study folder (no ${StudyFiles.spec}); run 'taskrel study' or 'taskrel import' first`);
  return parseStudySpec(readStoredJson(file), file, dir);
}

export function runFile(dir: string, runId: string): string {
  return join(studyPath(dir, 'runs'), `${runId}.json`);
}

export function writeRun(dir: string, run: RunResult): void {
  writeFileAtomic(runFile(dir, run.id), `${JSON.stringify(run)}\n`);
}

/** A run file that cannot be read (cut short by a full disk, edited by hand), and why, naming the file. */
export interface UnreadableRun {
  file: string;
  reason: string;
}

/** Every run file of the study folder: the runs that validate, and the files that do not. */
export function scanRuns(dir: string): { runs: RunResult[]; unreadable: UnreadableRun[] } {
  const folder = studyPath(dir, 'runs');
  const runs: RunResult[] = [];
  const unreadable: UnreadableRun[] = [];
  if (!existsSync(folder)) return { runs, unreadable };
  for (const name of readdirSync(folder)
    .filter((f) => f.endsWith('.json'))
    .sort()) {
    const file = join(folder, name);
    try {
      runs.push(parseRunResult(readStoredJson(file), file));
    } catch (error) {
      if (!(error instanceof TaskrelError)) throw error;
      unreadable.push({ file, reason: error.message });
    }
  }
  return { runs, unreadable };
}

export function checkpointFolder(dir: string): string {
  return studyPath(dir, 'checkpoints');
}

/** Removes a run's checkpoint, once its result is saved (no file: nothing to do). */
export function removeCheckpoint(dir: string, runId: string): void {
  rmSync(checkpointFile(checkpointFolder(dir), runId), { force: true });
}

/** Every finished run of the study folder, validated (a corrupt file is an error naming it). */
export function readRuns(dir: string): RunResult[] {
  const { runs, unreadable } = scanRuns(dir);
  if (unreadable.length > 0) {
    throw new TaskrelError(`${unreadable[0].reason} (taskrel study sets an unreadable run file aside and trains its run again)`);
  }
  return runs;
}

/** Moves run files that cannot be read to runs/unreadable/ (kept for a look, out of every analysis). */
export function setAsideUnreadableRuns(dir: string): (UnreadableRun & { movedTo: string })[] {
  return scanRuns(dir).unreadable.map(({ file, reason }) => {
    const movedTo = join(studyPath(dir, 'runs'), 'unreadable', `${basename(file, '.json')}.${Date.now()}.json`);
    mkdirSync(dirname(movedTo), { recursive: true });
    renameSync(file, movedTo);
    return { file, reason, movedTo };
  });
}

/**
 * Moves run files that no longer belong to the study's plan (a task was removed, a setting changed and the
 * run was not retrained) into runs/superseded/, out of the analysis but not deleted.
 */
export function setAsideRuns(dir: string, current: ReadonlyMap<string, string>): string[] {
  const moved: string[] = [];
  for (const run of readRuns(dir)) {
    if (current.get(run.id) === run.specHash) continue;
    const target = join(studyPath(dir, 'runs'), 'superseded', `${run.id}.${run.specHash}.json`);
    mkdirSync(dirname(target), { recursive: true });
    renameSync(runFile(dir, run.id), target);
    moved.push(run.id);
  }
  return moved;
}

const gainColumns: readonly (keyof GainRow)[] = [
  'main',
  'aux',
  'gain',
  'ciLow',
  'ciHigh',
  'pValue',
  'diff',
  'diffLow',
  'diffHigh',
  'singleF1',
  'pairF1',
  'seeds',
  'flag',
];

export function writeGains(dir: string, rows: GainRow[]): void {
  writeFileAtomic(
    studyPath(dir, 'gains'),
    formatCsv(
      gainColumns,
      rows.map((row) => gainColumns.map((column) => row[column])),
    ),
  );
}

/** Written since the first study; the absolute difference and the flag came later. */
const firstGainColumns: readonly (keyof GainRow)[] = ['main', 'aux', 'gain', 'ciLow', 'ciHigh', 'pValue', 'singleF1', 'pairF1', 'seeds'];

/** The rows of gains.csv, which analysing a study needs: an error naming the folder when it has none yet. */
export async function readStudyGains(dir: string): Promise<GainRow[]> {
  if (!existsSync(studyPath(dir, 'gains'))) {
    throw new TaskrelError(`${resolve(dir)}: no gains.csv yet; run the study (taskrel study) or import runs first`);
  }
  return readGains(dir);
}

/**
 * The rows of gains.csv. A file written before the absolute difference and the flag were recorded reads with
 * diff = pairF1 − singleF1 (the mean of the per-seed differences), no interval for it, and no flag.
 */
export async function readGains(dir: string): Promise<GainRow[]> {
  const file = studyPath(dir, 'gains');
  if (!existsSync(file)) return [];
  const later = gainColumns.filter((column) => !firstGainColumns.includes(column));
  const columns = new CsvColumns(await readCsv(file), firstGainColumns, later);
  return columns.table.records.map((record) => {
    const nullable = (column: keyof GainRow): number | null => columns.number(record, column, { optional: true }) ?? null;
    const singleF1 = columns.number(record, 'singleF1');
    const pairF1 = columns.number(record, 'pairF1');
    return {
      main: columns.string(record, 'main'),
      aux: columns.string(record, 'aux'),
      seeds: columns.integer(record, 'seeds', 1),
      singleF1,
      pairF1,
      gain: nullable('gain'),
      ciLow: nullable('ciLow'),
      ciHigh: nullable('ciHigh'),
      pValue: nullable('pValue'),
      diff: columns.has('diff') ? columns.number(record, 'diff') : pairF1 - singleF1,
      diffLow: nullable('diffLow'),
      diffHigh: nullable('diffHigh'),
      flag: columns.text(record, 'flag'),
    };
  });
}
