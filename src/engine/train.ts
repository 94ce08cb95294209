import { selectBackend } from './backend.js';
import { evaluationBatches } from './batchStream.js';
import type { Batch } from './batch.js';
import { evaluateHead } from './evaluate.js';
import { HardSharing } from './hardSharing.js';
import { HeadRecorder } from './headRecorder.js';
import { inputImportance, inputWeights } from './inputImportance.js';
import type { Model } from './models/model.js';
import type { TrainRequest } from './trainRequest.js';
import type { Scores, TrainingResult } from './trainingResult.js';
import { type TrainingState, expectState, expectStep, restoring } from './trainingState.js';
import { validateTrainRequest } from './validateTrainRequest.js';

/** Examples per evaluation batch: no dropout or gradients there, so larger batches only save per-batch overhead. */
const EVALUATION_BATCH = 64;

interface TaskRun {
  name: string;
  outside: number;
  dev: Batch[];
  test: Batch[];
  /** Other tasks' test sets this head is also scored on at its best-dev checkpoints. */
  transfer: TransferSet[];
  recorder: HeadRecorder;
}

interface TransferSet {
  name: string;
  outside: number;
  test: Batch[];
}

/**
 * Trains one model on `request.tasks` by hard parameter sharing: each step the sampler draws a task, the model
 * takes a batch of it, and the shared layers plus that task's head are updated. One task is a single-task run.
 * Every head is evaluated on dev every `evalEvery` steps and at the end, and on test whenever its dev F1 improves
 * (then also on the transfer tasks' test sets that share its labels).
 *
 * With `patience`, training ends early once every head has gone that many evaluations without a better dev score.
 *
 * One seed fixes everything random, each from its own stream: initialisation, each task's batch order, task
 * sampling and dropout. The same seed on the same backend gives the same result.
 *
 * `checkpoint` is offered the run's state after any step but the last (after that step's evaluation); a run
 * given such a state as `resume` continues from there and ends exactly as the uninterrupted run.
 */
export async function train(request: TrainRequest): Promise<TrainingResult> {
  validateTrainRequest(request);
  const backend = await selectBackend(request.backend);
  const { resume, checkpoint } = request;
  const started = performance.now() - (resume?.seconds ?? 0) * 1000;
  const transferSets = (request.transferTasks ?? []).map((task) => ({
    name: task.name,
    outside: task.outside,
    labels: task.labels,
    test: evaluationBatches(task.test, task.kind, EVALUATION_BATCH),
  }));
  const runs: TaskRun[] = request.tasks.map((task) => ({
    name: task.name,
    outside: task.outside,
    dev: evaluationBatches(task.dev, task.kind, EVALUATION_BATCH, request.devLimit ?? 0),
    test: evaluationBatches(task.test, task.kind, EVALUATION_BATCH),
    transfer: transferSets.filter((set) => set.name !== task.name && sameLabels(set.labels, task.labels)),
    recorder: new HeadRecorder(request.curveEvery),
  }));
  const training = new HardSharing(request);
  let importance: TrainingResult['inputImportance'];
  let trained = 0;
  let earlyStop: TrainingResult['earlyStop'];
  const patience = request.patience ?? 0;
  try {
    const input = request.inputImportance ? inputWeights(training.model) : null;
    if (resume !== undefined) trained = restoring(() => restore(resume, training, runs, request.batches));
    for (let step = trained + 1; step <= request.batches && earlyStop === undefined; step++) {
      const { task, loss } = training.step();
      const run = runs[task];
      run.recorder.recordLoss(step, loss);
      request.onProgress?.({ step, batches: request.batches, task: run.name, loss });
      trained = step;
      if (step % request.evalEvery === 0 || step === request.batches) {
        evaluate(training.model, runs, step);
        if (patience > 0 && step < request.batches && runs.every((r) => r.recorder.stalled(patience))) earlyStop = { step, patience };
      }
      if (checkpoint !== undefined && step < request.batches && earlyStop === undefined && checkpoint.due(step)) {
        await checkpoint.save({
          step,
          seconds: (performance.now() - started) / 1000,
          training: training.state(),
          heads: runs.map((r) => r.recorder.state()),
        });
      }
      // Let timers and I/O (progress output, worker messages) run between steps.
      await new Promise((resolve) => setImmediate(resolve));
    }
    if (input !== null) importance = inputImportance(input);
  } finally {
    training.dispose();
  }
  return {
    backend,
    batches: trained,
    ...(earlyStop === undefined ? {} : { earlyStop }),
    seconds: (performance.now() - started) / 1000,
    heads: Object.fromEntries(runs.map((run) => [run.name, run.recorder.result()])),
    ...(importance === undefined ? {} : { inputImportance: importance }),
  };
}

/** Puts a run back into `state`; returns the step it was taken after. */
function restore(state: TrainingState, training: HardSharing, runs: readonly TaskRun[], batches: number): number {
  expectStep(state.step, batches);
  expectState(state.heads.length === runs.length, `${state.heads.length} heads were saved for ${runs.length} tasks`);
  training.restore(state.training);
  runs.forEach((run, i) => {
    run.recorder.restore(state.heads[i]);
  });
  return state.step;
}

function evaluate(model: Model, runs: readonly TaskRun[], step: number): void {
  for (const run of runs) {
    const dev = evaluateHead(model, run.name, run.dev, run.outside);
    const scoreTransfer = (): Record<string, Scores> =>
      Object.fromEntries(run.transfer.map((set) => [set.name, evaluateHead(model, run.name, set.test, set.outside)]));
    run.recorder.recordDev(
      step,
      dev,
      () => evaluateHead(model, run.name, run.test, run.outside),
      run.transfer.length > 0 ? scoreTransfer : undefined,
    );
  }
}

function sameLabels(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((label, i) => label === b[i]);
}
