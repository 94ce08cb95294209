import type { TaskSamplerFactory } from './taskSampler.js';

/** Tasks in proportion to their training-set sizes, as if all examples were pooled. */
export const proportional: TaskSamplerFactory = (_config, sizes) => ({
  next: (rng) => rng.weighted(sizes),
});
