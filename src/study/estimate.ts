import type { BackendName } from '../engine/backend.js';
import { train } from '../engine/train.js';
import { encodeTask } from '../tasks/encodeTask.js';
import type { Task } from '../tasks/task.js';
import { buildVocabulary } from '../tasks/vocabulary.js';
import type { RunPlan } from './runPlan.js';
import type { StudySpec } from './spec.js';

export interface StudyEstimate {
  /** Wall-clock seconds for the pending runs on the given number of workers. */
  seconds: number;
  /** Measured training speed per task, milliseconds per batch. */
  msPerBatch: Map<string, number>;
  /** Estimated seconds of each pending run. */
  runSeconds: Map<string, number>;
}

/** A forward pass costs about a third of a training step; evaluation is forward only. */
const FORWARD_SHARE = 0.35;
/** Starting a worker process (loading tfjs, the backend, the tasks). */
const WORKER_START_SECONDS = 3;

/**
 * Estimates how long the pending runs take: each task's training speed is measured here (a few batches of
 * the study's own model on the task's own sentences), evaluation is priced as forward passes over dev (every
 * `evalEvery` steps) and test, and runs are scheduled longest-first on `workers` parallel workers.
 */
export async function estimateStudy(
  spec: StudySpec,
  tasks: Task[],
  pending: RunPlan[],
  workers: number,
  backend?: BackendName,
  /** Share of its budget a pair run is expected to train (below 1 when pair runs stop early). */
  pairShare = 1,
): Promise<StudyEstimate> {
  const msPerBatch = new Map<string, number>();
  for (const task of tasks)
    if (pending.some((p) => p.tasks.includes(task.name))) msPerBatch.set(task.name, await measureMsPerBatch(spec, task, backend));
  const byName = new Map(tasks.map((t) => [t.name, t]));
  const runSeconds = new Map<string, number>();
  for (const plan of pending) {
    const ms = plan.tasks.reduce((sum, t) => sum + (msPerBatch.get(t) ?? 0), 0) / plan.tasks.length;
    const batches = plan.kind === 'pair' ? plan.batches * pairShare : plan.batches;
    const evaluations = Math.ceil(batches / spec.evaluation.evalEvery) + 1;
    const evaluated = plan.tasks.reduce((sum, name) => {
      const task = byName.get(name);
      if (!task) return sum;
      const dev = spec.evaluation.devLimit > 0 ? Math.min(spec.evaluation.devLimit, task.dev.length) : task.dev.length;
      // Test is evaluated only when dev improves; assume it does at half the evaluations.
      return sum + evaluations * (dev + task.test.length / 2);
    }, 0);
    const seconds = (batches * ms + (evaluated / spec.batchSize) * ms * FORWARD_SHARE) / 1000;
    runSeconds.set(plan.id, seconds);
  }
  return { seconds: schedule([...runSeconds.values()], workers), msPerBatch, runSeconds };
}

/** Makespan of longest-first list scheduling, plus worker start-up. */
export function schedule(durations: number[], workers: number): number {
  if (durations.length === 0) return 0;
  const loads = new Array<number>(Math.min(workers, durations.length)).fill(WORKER_START_SECONDS);
  for (const d of [...durations].sort((a, b) => b - a)) {
    const least = loads.indexOf(Math.min(...loads));
    loads[least] += d;
  }
  return Math.max(...loads);
}

async function measureMsPerBatch(spec: StudySpec, task: Task, backend?: BackendName): Promise<number> {
  const warmup = 5;
  const measured = 20;
  const vocabulary = buildVocabulary([task], { combine: 'union', maxSize: spec.vocabulary.maxSize });
  const encoded = encodeTask(task, vocabulary);
  // Tiny dev/test splits: only the training steps are timed here.
  const tiny = { tokens: encoded.dev.tokens.slice(0, 4), labels: encoded.dev.labels.slice(0, 4) };
  const stamps: number[] = [];
  await train({
    tasks: [{ ...encoded, dev: tiny, test: tiny }],
    vocabularySize: vocabulary.words.length,
    model: spec.model,
    optimizer: spec.optimizer,
    sampler: spec.sampler,
    batchSize: spec.batchSize,
    batches: warmup + measured,
    curveEvery: warmup + measured,
    evalEvery: warmup + measured,
    seed: 1,
    backend,
    onProgress: (p) => {
      if (p.step >= warmup) stamps.push(performance.now());
    },
  });
  return (stamps[stamps.length - 1] - stamps[0]) / (stamps.length - 1);
}
