import type { TaskSamplerFactory } from './taskSampler.js';

/** Every task equally often, whatever its size: the paper's schedule. */
export const uniform: TaskSamplerFactory = (_config, sizes) => ({
  next: (rng) => rng.int(sizes.length),
});
