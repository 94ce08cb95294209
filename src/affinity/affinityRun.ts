import { selectBackend } from '../engine/backend.js';
import { checkPositiveInteger } from '../engine/checks.js';
import { HardSharing } from '../engine/hardSharing.js';
import { type Model, disposeGradients } from '../engine/models/model.js';
import type { Optimizer } from '../engine/optimizers/optimizer.js';
import type { TrainProgress, TrainRequest } from '../engine/trainRequest.js';
import { type CheckpointHook, expectStep, restoring } from '../engine/trainingState.js';
import { validateTrainRequest } from '../engine/validateTrainRequest.js';
import { specError } from '../errors.js';
import { AffinityProbes } from './affinityProbes.js';
import type { AffinityState } from './affinityState.js';
import { cosineSimilarity, gradientPieces } from './gradientCosine.js';
import { type Probe, lookaheadAffinities } from './lookahead.js';
import { type LookaheadConfig, lookaheadOptimizer } from './lookaheadRules.js';
import { type SharedParameters, sharedParameters, sharedPart } from './sharedParameters.js';

/** One hard-sharing run over all tasks, as `train` takes it, plus when and how to measure affinities. */
export interface AffinityRequest
  extends Omit<
    TrainRequest,
    'curveEvery' | 'evalEvery' | 'devLimit' | 'onProgress' | 'transferTasks' | 'inputImportance' | 'resume' | 'checkpoint'
  > {
  /** Measure after every this many training steps. */
  every: number;
  lookahead: LookaheadConfig;
  onProgress?: (progress: AffinityProgress) => void;
  /** Continue from this state (offered to `checkpoint` by a run of this same request) instead of from step 0. */
  resume?: AffinityState;
  /** Offered the run's state between steps, to save it (as train's). */
  checkpoint?: CheckpointHook<AffinityState>;
}

/** Training progress, as `train` reports it, and the measurements taken so far. */
export interface AffinityProgress extends TrainProgress {
  measurements: number;
}

/** Affinities between every ordered pair of tasks, averaged over the run's measurements, and what they cost. */
export interface AffinityMeasurement {
  backend: string;
  tasks: string[];
  measurements: number;
  /** Names of the shared parameters the lookahead steps and the cosines cover. */
  sharedParameters: string[];
  /** lookahead[i][j]: mean of 1 − L_j(after a step on task i) / L_j(before). */
  lookahead: number[][];
  /** cosine[i][j]: mean cosine similarity of tasks i's and j's shared-parameter gradients. */
  cosine: number[][];
  /** Split-half reliability of each matrix (see HalfSums.reliability): is the run long enough to order the pairs? */
  reliability: { lookahead: number | null; cosine: number | null };
  cost: AffinityCost;
}

export interface AffinityCost {
  trainingBatches: number;
  /** Forward and backward passes of the measurements: one per task per measurement. */
  gradientPasses: number;
  /** Forward-only passes of the measurements: n before and n² after per measurement. */
  forwardPasses: number;
  seconds: number;
  /** Of `seconds`: the measurements' gradient passes and cosines, all the cosine predictor adds to training. */
  gradientSeconds: number;
  /** Of `seconds`: the lookahead steps and the forward passes before and after them. */
  lookaheadSeconds: number;
}

/**
 * Trains one model on all tasks by hard parameter sharing exactly as `train` would with the same request and
 * seed (same random streams), without evaluation, and after every `every` steps measures, on one fresh training
 * batch per task, TAG's lookahead affinity and the cosine of the tasks' shared-parameter gradients. Measuring
 * draws its batches and dropout from streams of its own and restores every parameter, so it leaves training as it
 * was: the run's losses are those of `train`. Checkpoints and resuming work as train's.
 */
export async function measureAffinity(request: AffinityRequest): Promise<AffinityMeasurement> {
  // The fields shared with training are checked as training checks them; curves and evaluation are not recorded.
  validateTrainRequest({ ...request, curveEvery: 1, evalEvery: 1, onProgress: undefined, resume: undefined, checkpoint: undefined });
  checkPositiveInteger('every', request.every);
  if (request.tasks.length < 2) throw specError('tasks', 'expected at least two tasks to relate');
  const backend = await selectBackend(request.backend);
  const { resume, checkpoint } = request;
  const started = performance.now() - (resume?.seconds ?? 0) * 1000;
  const training = new HardSharing(request);
  const { rng, model, optimizer, names } = training;
  const probes = new AffinityProbes(request.tasks, request.batchSize, rng);
  const stepper = lookaheadOptimizer(optimizer, request.lookahead);
  const n = names.length;
  const shared = sharedParameters(model);
  try {
    const done =
      resume === undefined
        ? 0
        : restoring(() => {
            expectStep(resume.step, request.batches);
            training.restore(resume.training);
            probes.restore(resume);
            return resume.step;
          });
    for (let step = done + 1; step <= request.batches; step++) {
      const { task, loss } = training.step();
      if (step % request.every === 0) measure(model, stepper, shared, probes);
      request.onProgress?.({ step, batches: request.batches, task: names[task], loss, measurements: probes.measurements });
      if (checkpoint !== undefined && step < request.batches && checkpoint.due(step)) {
        await checkpoint.save({ step, seconds: (performance.now() - started) / 1000, training: training.state(), ...probes.state() });
      }
      await new Promise((resolve) => setImmediate(resolve));
    }
  } finally {
    training.dispose();
  }
  const { measurements, sums, timing } = probes;
  return {
    backend,
    tasks: names,
    measurements,
    sharedParameters: [...shared.values()],
    lookahead: sums.lookahead.mean(),
    cosine: sums.cosine.mean(),
    reliability: { lookahead: sums.lookahead.reliability(), cosine: sums.cosine.reliability() },
    cost: {
      trainingBatches: request.batches,
      gradientPasses: measurements * n,
      forwardPasses: measurements * (n + n * n),
      seconds: (performance.now() - started) / 1000,
      ...timing,
    },
  };
}

/**
 * One measurement on one batch per task: each task's gradient (the cosines), then per task i a lookahead step
 * and every task's loss after it; the before-losses are taken once, on the same batches.
 */
function measure(model: Model, stepper: Optimizer, shared: SharedParameters, probes: AffinityProbes): void {
  const { sums, timing, dropout } = probes;
  const batches = probes.next();
  let start = performance.now();
  const gradients = batches.map(({ head, batch }) => model.gradients(head, batch, dropout));
  try {
    const parts = gradients.map((g) => sharedPart(g, shared));
    const pieces = parts.map((part) => gradientPieces(part, shared));
    sums.cosine.add((i, j) => cosineSimilarity(pieces[i], pieces[j]));
    timing.gradientSeconds += (performance.now() - start) / 1000;
    start = performance.now();
    const before: Probe[] = batches.map(({ head, batch }) => ({ head, batch, before: model.loss(head, batch) }));
    const affinities = parts.map((part) => lookaheadAffinities(model, stepper, part, before));
    sums.lookahead.add((i, j) => affinities[i][j]);
    timing.lookaheadSeconds += (performance.now() - start) / 1000;
  } finally {
    gradients.forEach(disposeGradients);
  }
  probes.measurements++;
}
