import type { SamplerConfig } from '../trainRequest.js';
import type { Rng } from '../../shared/random.js';

/** Chooses which task each multi-task step trains on: the index of a task in the request's order. */
export interface TaskSampler {
  next(rng: Rng): number;
}

/** Builds a sampler from its config and the tasks' training-set sizes (examples). */
export type TaskSamplerFactory = (config: SamplerConfig, sizes: readonly number[]) => TaskSampler;
