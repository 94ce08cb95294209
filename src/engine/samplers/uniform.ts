import type { SamplerDefinition } from './taskSampler.js';

/** Every task equally often, whatever its size: the paper's schedule. */
export const uniform: SamplerDefinition = {
  options: [],
  readOptions: () => ({}),
  describe: () => 'uniform',
  create: (_config, sizes) => ({
    next: (rng) => rng.int(sizes.length),
  }),
};
