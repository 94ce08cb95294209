import { resolve } from 'node:path';
import type { TrainProgress } from '../../engine/trainRequest.js';
import { FieldReader } from '../../validate.js';
import type { CheckpointEvent } from '../checkpointEvent.js';
import type { RunPlan } from '../runPlan.js';
import { type StudySpec, parseStudySpec } from '../spec.js';
import { taskRefName } from '../taskRef.js';
import type { RunJob } from '../workerMessages.js';

/**
 * The data of one queued run: the run itself, and what a worker compares with its own install before training,
 * so that a machine with another taskrel version or other data refuses the run instead of returning numbers
 * that do not belong in the study.
 */
export interface RunJobData {
  /** taskrel version of the coordinator. */
  taskrel: string;
  /** Content hash of the prepared data of every task the run reads (its tasks; all tasks for a study vocabulary). */
  fingerprints: Record<string, string>;
  spec: StudySpec;
  plan: RunPlan;
  backend?: string;
  /**
   * The study folder's absolute path on the coordinator's machine: a worker that sees the folder there (the
   * same machine, or a shared one) keeps the run's checkpoint in it, so any such worker can continue the run.
   */
  studyFolder?: string;
}

/** What a worker reports while it holds a run: who it is, once training the latest step, and checkpoint events. */
export interface RunJobProgress {
  /** `host:pid` of the process training the run. */
  worker: string;
  progress: TrainProgress | null;
  checkpoint?: CheckpointEvent;
}

export function runJobData(job: RunJob, taskrel: string, fingerprints: ReadonlyMap<string, string>): RunJobData {
  const read = job.spec.vocabulary.scope === 'study' ? job.spec.tasks.map(taskRefName) : job.plan.tasks;
  const data: RunJobData = {
    taskrel,
    fingerprints: Object.fromEntries(read.map((name) => [name, requireFingerprint(fingerprints, name)])),
    spec: job.spec,
    plan: job.plan,
    studyFolder: resolve(job.spec.output),
  };
  if (job.backend !== undefined) data.backend = job.backend;
  return data;
}

export function toRunJob(data: RunJobData): RunJob {
  return { spec: data.spec, plan: data.plan, backend: data.backend };
}

/**
 * The coordinator's taskrel version and study name, read on their own first: a worker of another version then
 * says so, rather than failing on a field that version added or changed.
 */
export function readJobOrigin(json: unknown, document: string): { taskrel: string; study: string } {
  const root = FieldReader.root(json, document);
  return { taskrel: root.field('taskrel').string(), study: root.field('spec').field('name').string() };
}

/** Validates a job's data as a worker receives it (`document` names the job in errors). */
export function parseRunJobData(json: unknown, document: string): RunJobData {
  const root = FieldReader.root(json, document).onlyKeys(['taskrel', 'fingerprints', 'spec', 'plan', 'backend', 'studyFolder']);
  const fingerprints: Record<string, string> = {};
  for (const name of Object.keys(root.field('fingerprints').object())) fingerprints[name] = root.field('fingerprints').field(name).string();
  // File paths in a stored spec are already absolute, so no folder is needed to resolve them.
  const spec = parseStudySpec(root.field('spec').object(), `${document}: spec`, '/');
  const data: RunJobData = { taskrel: root.field('taskrel').string(), fingerprints, spec, plan: readPlan(root.field('plan')) };
  if (root.field('backend').present) data.backend = root.field('backend').string();
  if (root.field('studyFolder').present) data.studyFolder = root.field('studyFolder').string();
  return data;
}

/** Validates a job's progress as the coordinator receives it. */
export function parseRunJobProgress(json: unknown, document: string): RunJobProgress {
  const root = FieldReader.root(json, document).onlyKeys(['worker', 'progress', 'checkpoint']);
  const worker = root.field('worker').string();
  const checkpoint = root.field('checkpoint').present ? { checkpoint: readCheckpointEvent(root.field('checkpoint')) } : {};
  const p = root.field('progress');
  if (p.value === null) return { worker, progress: null, ...checkpoint };
  p.onlyKeys(['step', 'batches', 'task', 'loss']);
  const progress = {
    step: p.field('step').integer({ min: 0 }),
    batches: p.field('batches').integer({ min: 1 }),
    task: p.field('task').string(),
    // A diverged run reports a non-finite loss, which JSON carries as null.
    loss: p.field('loss').value === null ? Number.NaN : p.field('loss').number(),
  };
  return { worker, progress, ...checkpoint };
}

function readCheckpointEvent(reader: FieldReader): CheckpointEvent {
  const kind = reader.field('kind').oneOf(['resumed', 'saved', 'set-aside', 'not-saved'] as const);
  const step = (): number => reader.field('step').integer({ min: 1 });
  const batches = (): number => reader.field('batches').integer({ min: 1 });
  switch (kind) {
    case 'resumed':
      return { kind, step: step(), batches: batches(), savedAt: reader.field('savedAt').string() };
    case 'saved':
      return { kind, step: step(), batches: batches() };
    case 'set-aside':
      return { kind, reason: reader.field('reason').string(), movedTo: reader.field('movedTo').string() };
    case 'not-saved':
      return { kind, reason: reader.field('reason').string() };
  }
}

function readPlan(reader: FieldReader): RunPlan {
  reader.onlyKeys(['id', 'kind', 'tasks', 'seed', 'batches', 'specHash']);
  const kind = reader.field('kind').oneOf(['single', 'pair'] as const);
  const tasks = reader
    .field('tasks')
    .items()
    .map((t) => t.string());
  if (tasks.length !== (kind === 'single' ? 1 : 2))
    throw reader.field('tasks').fail(`${kind === 'single' ? 1 : 2} task names for a ${kind} run`);
  return {
    id: reader.field('id').string(),
    kind,
    tasks,
    seed: reader.field('seed').integer({ min: 0 }),
    batches: reader.field('batches').integer({ min: 1 }),
    specHash: reader.field('specHash').string(),
  };
}

function requireFingerprint(fingerprints: ReadonlyMap<string, string>, name: string): string {
  const fingerprint = fingerprints.get(name);
  if (fingerprint === undefined) throw new Error(`no fingerprint for task ${name}`);
  return fingerprint;
}
