import type { SamplerDefinition } from './taskSampler.js';

/** Tasks in proportion to their training-set sizes, as if all examples were pooled. */
export const proportional: SamplerDefinition = {
  options: [],
  readOptions: () => ({}),
  describe: () => 'proportional',
  create: (_config, sizes) => ({
    next: (rng) => rng.weighted(sizes),
  }),
};
