import type { SamplerConfig } from '../trainRequest.js';
import { proportional } from './proportional.js';
import type { TaskSamplerFactory } from './taskSampler.js';
import { temperature } from './temperature.js';
import { uniform } from './uniform.js';

/** Every task sampler by its config name; adding one means one file and one line here. */
export const samplers: Record<SamplerConfig['name'], TaskSamplerFactory> = { uniform, proportional, temperature };
