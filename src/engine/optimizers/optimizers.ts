import type { OptimizerConfig } from '../trainRequest.js';
import { adadelta } from './adadelta.js';
import { adam } from './adam.js';
import type { UpdateRuleFactory } from './updateRule.js';

/** Every optimiser by its config name; adding one means one file and one line here. */
export const optimizers: Record<OptimizerConfig['name'], UpdateRuleFactory> = { adam, adadelta };
