import { existsSync, mkdirSync } from 'node:fs';
import { affinityPath, readAffinityRecord, writeAffinityRecord } from '../affinity/affinityFile.js';
import type { AffinityRecord } from '../affinity/affinityRecord.js';
import type { AffinityProgress } from '../affinity/affinityRun.js';
import { AFFINITY_RUN, type AffinityOptions, runAffinity } from '../affinity/runAffinity.js';
import { TaskrelError } from '../errors.js';
import { writeReport } from '../report/writeReport.js';
import type { CheckpointEvent } from '../study/checkpointEvent.js';
import { prepareStudy } from '../study/prepareStudy.js';
import type { StudySpec } from '../study/spec.js';
import { checkpointFolder, removeCheckpoint, studyPath } from '../study/studyFolder.js';

/** The affinity run's settings; `checkpointEverySeconds` 0 runs without checkpoints. */
export interface AffinityRunSettings extends Pick<AffinityOptions, 'every' | 'seed' | 'lookahead' | 'backend'> {
  checkpointEverySeconds: number;
}

/** The terminal's part of the affinity workflow: progress, signals, and the scoreboard with its own display. */
export interface AffinityPhases {
  onPrepare(task: string): void;
  onProgress(progress: AffinityProgress): void;
  onCheckpoint(event: CheckpointEvent): void;
  /** True once the process is asked to stop: the run saves its checkpoint after the step in progress. */
  saveNow(): boolean;
  /** The run is done and affinity.json written. */
  onMeasured(record: AffinityRecord, file: string): void;
  /** Scores every predictor, the affinity ones included, against the gains (predictors.json). */
  score(dir: string): Promise<void>;
}

/** 'untrained': the study has no gains yet to score the affinity predictors against. */
export type AffinityResult = { status: 'untrained'; record: AffinityRecord } | { status: 'scored'; record: AffinityRecord; report: string };

/**
 * `taskrel affinity`: measures the study's affinities in one joint run (or, with `run` undefined, takes the stored
 * affinity.json), then, once the study has gains, scores the predictors and rewrites the report.
 */
export async function affinityWorkflow(
  spec: StudySpec,
  run: AffinityRunSettings | undefined,
  phases: AffinityPhases,
): Promise<AffinityResult> {
  const record = run === undefined ? storedAffinity(spec.output) : await measureAffinity(spec, run, phases);
  if (!existsSync(studyPath(spec.output, 'gains')) || !existsSync(studyPath(spec.output, 'spec'))) return { status: 'untrained', record };
  await phases.score(spec.output);
  return { status: 'scored', record, report: await writeReport(spec.output) };
}

function storedAffinity(dir: string): AffinityRecord {
  const stored = readAffinityRecord(dir);
  if (stored === null) throw new TaskrelError(`taskrel affinity --rescore: no ${affinityPath(dir)} yet; run without --rescore first`);
  return stored;
}

/** Prepares the tasks, runs the affinity run (continuing from its checkpoint), writes affinity.json, removes the checkpoint. */
async function measureAffinity(spec: StudySpec, run: AffinityRunSettings, phases: AffinityPhases): Promise<AffinityRecord> {
  const { checkpointEverySeconds: everySeconds, ...settings } = run;
  await prepareStudy(spec, phases.onPrepare);
  const record = await runAffinity(spec, {
    ...settings,
    onProgress: phases.onProgress,
    checkpoints: everySeconds > 0 ? { folder: checkpointFolder(spec.output), everySeconds } : undefined,
    saveNow: phases.saveNow,
    onCheckpoint: phases.onCheckpoint,
  });
  mkdirSync(spec.output, { recursive: true });
  phases.onMeasured(record, writeAffinityRecord(spec.output, record));
  removeCheckpoint(spec.output, AFFINITY_RUN);
  return record;
}
