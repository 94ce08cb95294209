import type { SamplerDefinition } from '../../../src/engine/samplers/taskSampler.js';

/**
 * A toy sampler for the registry test: the first task `turns` steps in a row, then every other task one step, over
 * and over. It counts its own steps (no random stream), so a run resumed from a checkpoint would restart its cycle.
 */
export const roundRobin: SamplerDefinition = {
  options: ['turns'],
  readOptions: (reader) => ({ turns: reader.field('turns').integer({ min: 1, fallback: 1 }) }),
  describe: (config) => `round-robin (the first task ${config.turns} turns in a row)`,
  create: (config, sizes) => {
    const cycle = [...Array<number>(config.turns as number).fill(0), ...sizes.slice(1).map((_, i) => i + 1)];
    let step = 0;
    return { next: () => cycle[step++ % cycle.length] as number };
  },
};
