import type { Rng } from '../../shared/random.js';
import type { FieldReader } from '../../validate.js';
import type { SamplerConfig } from '../trainRequest.js';

/** Chooses which task each multi-task step trains on: the index of a task in the request's order. */
export interface TaskSampler {
  next(rng: Rng): number;
}

/**
 * A sampler, all in one place: the options it takes in a spec's `sampler` object (defaults, constraints and their
 * messages), how the report names it, and how it is built. Register it in samplers.ts; nothing else names it.
 */
export interface SamplerDefinition {
  /** Its option fields beside `name` (none for most). */
  readonly options: readonly string[];
  /** Reads those options from the spec's `sampler` object, defaults filled in. */
  readOptions(reader: FieldReader): Record<string, number>;
  /** How the report says it, e.g. `temperature (T = 2)`. */
  describe(config: SamplerConfig): string;
  /** Builds it from its config and the tasks' training-set sizes (examples). */
  create(config: SamplerConfig, sizes: readonly number[]): TaskSampler;
}
