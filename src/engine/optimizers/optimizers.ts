import type { OptimizerConfig } from '../trainRequest.js';
import { adadelta } from './adadelta.js';
import { adam } from './adam.js';
import type { OptimizerDefinition } from './updateRule.js';

/**
 * Every optimiser by its spec name: the spec reads an optimiser's options, the engine builds it and the report
 * describes it through this table alone. Adding one means one file and one line here.
 */
export const optimizers: Readonly<Record<string, OptimizerDefinition>> = { adam, adadelta };

/** The names a spec may give, in registry order. */
export const optimizerNames = (): string[] => Object.keys(optimizers);

/** The optimiser of a config; the name was checked when the spec or request was read. */
export function optimizerOf(config: OptimizerConfig): OptimizerDefinition {
  return optimizers[config.name] as OptimizerDefinition;
}
