import type { Batch } from '../engine/batch.js';
import type { Gradients, Model } from '../engine/models/model.js';
import type { Optimizer } from '../engine/optimizers/optimizer.js';
import { withValues } from './substituteValues.js';

/** A task's batch that affinities onto the task are measured on, and the task's loss on it before any step. */
export interface Probe {
  head: string;
  batch: Batch;
  before: number;
}

/**
 * TAG's inter-task affinity of one step (Fifty et al. 2021, eq. 2): the shared parameters take one step of task
 * i's gradient `shared` (see sharedPart; heads do not move), each task j's loss on its probe batch is measured again
 * without dropout, and Z(i→j) = 1 − L_j(after) / L_j(before); then every parameter gets its exact value back.
 * Positive: the step on task i lowered task j's loss. `stepper.preview` takes the step (see lookaheadRules).
 */
export function lookaheadAffinities(model: Model, stepper: Optimizer, shared: Gradients, probes: readonly Probe[]): number[] {
  return withValues(stepper.preview(shared), () =>
    probes.map(({ head, batch, before }) => (before > 0 ? 1 - model.loss(head, batch) / before : 0)),
  );
}
