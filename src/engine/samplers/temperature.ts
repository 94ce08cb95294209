import { specError } from '../../errors.js';
import type { TaskSamplerFactory } from './taskSampler.js';

/** p(task) ∝ size^(1/T): T = 1 is proportional, large T approaches uniform. */
export const temperature: TaskSamplerFactory = (config, sizes) => {
  const t = config.temperature;
  if (t === undefined || !(t > 0)) throw specError('sampler.temperature', `expected a positive number for sampler 'temperature', got ${t}`);
  const weights = sizes.map((size) => size ** (1 / t));
  return { next: (rng) => rng.weighted(weights) };
};
