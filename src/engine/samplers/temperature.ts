import { specError } from '../../errors.js';
import type { SamplerDefinition } from './taskSampler.js';

/** p(task) ∝ size^(1/T): T = 1 is proportional, large T approaches uniform. */
export const temperature: SamplerDefinition = {
  options: ['temperature'],
  readOptions: (reader) => ({ temperature: reader.field('temperature').number({ min: 0, exclusiveMin: true, fallback: 2 }) }),
  describe: (config) => `temperature (T = ${config.temperature})`,
  create: (config, sizes) => {
    const t = config.temperature;
    if (typeof t !== 'number' || !(t > 0))
      throw specError('sampler.temperature', `expected a positive number for sampler 'temperature', got ${t}`);
    const weights = sizes.map((size) => size ** (1 / t));
    return { next: (rng) => rng.weighted(weights) };
  },
};
