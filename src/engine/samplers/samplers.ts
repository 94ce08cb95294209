import type { SamplerConfig } from '../trainRequest.js';
import { proportional } from './proportional.js';
import type { SamplerDefinition } from './taskSampler.js';
import { temperature } from './temperature.js';
import { uniform } from './uniform.js';

/**
 * Every task sampler by its spec name: the spec reads a sampler's options, the engine builds it and the report
 * describes it through this table alone. Adding one means one file and one line here.
 */
export const samplers: Readonly<Record<string, SamplerDefinition>> = { uniform, proportional, temperature };

/** The names a spec may give, in registry order. */
export const samplerNames = (): string[] => Object.keys(samplers);

/** The sampler of a config; the name was checked when the spec or request was read. */
export function samplerOf(config: SamplerConfig): SamplerDefinition {
  return samplers[config.name] as SamplerDefinition;
}
