import { type BackendName, selectBackend } from '../engine/backend.js';
import { train } from '../engine/train.js';
import type { TrainProgress, TrainRequest } from '../engine/trainRequest.js';
import type { TrainingResult } from '../engine/trainingResult.js';
import type { TrainingState } from '../engine/trainingState.js';
import { type CheckpointOptions, runWithCheckpoints } from './runWithCheckpoints.js';
import { runInputs } from './runInputs.js';
import type { RunResult } from './runResult.js';
import { transferTasks } from './transferTasks.js';
import { runVersions } from './versions.js';
import type { RunJob } from './workerMessages.js';

export interface ExecuteOptions extends CheckpointOptions {
  /** Recorded in the result: `local`, `redis:<worker>`, … */
  origin: string;
  onProgress?: (progress: TrainProgress) => void;
}

/**
 * Trains one planned run (a single task or a pair) exactly as the study spec says and returns its record. With
 * checkpoints, a run whose checkpoint is there continues from it and ends as the uninterrupted run would; the
 * checkpoint is left for the caller to remove once the result is safe.
 */
export async function executeRun(job: RunJob, options: ExecuteOptions): Promise<RunResult> {
  const { spec, plan } = job;
  const { vocabulary, ...inputs } = await runInputs(spec, plan.tasks, plan.seed);
  const started = Date.now();
  const backend = await selectBackend(job.backend as BackendName | undefined);
  const versions = await runVersions(backend);
  const request: TrainRequest = {
    ...inputs,
    model: spec.model,
    optimizer: spec.optimizer,
    sampler: spec.sampler,
    batchSize: spec.batchSize,
    batches: plan.batches,
    patience: plan.kind === 'pair' ? spec.budget.pairPatience : 0,
    curveEvery: spec.evaluation.curveEvery,
    evalEvery: spec.evaluation.evalEvery,
    devLimit: spec.evaluation.devLimit,
    seed: plan.seed,
    transferTasks: spec.records.transfer ? await transferTasks(spec, inputs.tasks, vocabulary) : undefined,
    inputImportance: spec.records.inputImportance,
    backend,
    onProgress: options.onProgress,
  };
  const elapsed = (): number => (Date.now() - started) / 1000;
  const identity = { run: plan.id, specHash: plan.specHash, versions, batches: plan.batches };
  const { result, earlier } = await runWithCheckpoints<TrainingState, TrainingResult>(identity, options, elapsed, (resume, checkpoint) =>
    train({ ...request, resume, checkpoint }),
  );
  return {
    id: plan.id,
    kind: plan.kind,
    tasks: plan.tasks,
    seed: plan.seed,
    specHash: plan.specHash,
    backend: result.backend,
    versions,
    origin: options.origin,
    finishedAt: new Date().toISOString(),
    seconds: earlier + elapsed(),
    batches: result.batches,
    ...(result.earlyStop === undefined ? {} : { earlyStop: result.earlyStop }),
    heads: result.heads,
    ...(result.inputImportance === undefined ? {} : { inputImportance: { words: vocabulary.words, ...result.inputImportance } }),
  };
}
