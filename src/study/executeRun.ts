import type { BackendName } from '../engine/backend.js';
import { train } from '../engine/train.js';
import type { TrainProgress } from '../engine/trainRequest.js';
import { runInputs } from './runInputs.js';
import type { RunResult } from './runResult.js';
import { transferTasks } from './transferTasks.js';
import { runVersions } from './versions.js';
import type { RunJob } from './workerMessages.js';

export interface ExecuteOptions {
  /** Recorded in the result: `local`, `redis:<worker>`, … */
  origin: string;
  onProgress?: (progress: TrainProgress) => void;
}

/** Trains one planned run (a single task or a pair) exactly as the study spec says and returns its record. */
export async function executeRun(job: RunJob, options: ExecuteOptions): Promise<RunResult> {
  const { spec, plan } = job;
  const { vocabulary, ...inputs } = await runInputs(spec, plan.tasks, plan.seed);
  const started = Date.now();
  const result = await train({
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
    backend: job.backend as BackendName | undefined,
    onProgress: options.onProgress,
  });
  return {
    id: plan.id,
    kind: plan.kind,
    tasks: plan.tasks,
    seed: plan.seed,
    specHash: plan.specHash,
    backend: result.backend,
    versions: await runVersions(result.backend),
    origin: options.origin,
    finishedAt: new Date().toISOString(),
    seconds: (Date.now() - started) / 1000,
    batches: result.batches,
    ...(result.earlyStop === undefined ? {} : { earlyStop: result.earlyStop }),
    heads: result.heads,
    ...(result.inputImportance === undefined ? {} : { inputImportance: { words: vocabulary.words, ...result.inputImportance } }),
  };
}
