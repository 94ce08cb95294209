import type { FieldReader } from '../../validate.js';
import type { OptimizerConfig } from '../trainRequest.js';

/**
 * Where an update applies: run r covers params[starts[r] …] for `width` elements and reads its gradient from
 * grads[r · width …]. A dense variable is one run over all of it; table rows are one run per row.
 */
export interface Runs {
  starts: Int32Array;
  width: number;
}

/**
 * An optimiser's arithmetic, shared by dense variables and table rows so both follow exactly the same rule.
 * `params` and each state array (indexed like `params`) are updated in place; `step` counts this parameter's
 * updates from 1. The loop over runs lives inside the rule: one call per row costs several times the arithmetic.
 */
export interface UpdateRule {
  /** How many per-element state arrays the rule keeps (moments, accumulators). */
  slots: number;
  update(params: Float32Array, grads: Float32Array, state: Float32Array[], step: number, runs: Runs): void;
}

/**
 * An optimiser, all in one place: how it reads its options from a spec's `optimizer` object (defaults,
 * constraints, messages), how the report names it, and its update rule. Register it in optimizers.ts.
 */
export interface OptimizerDefinition {
  readOptions(reader: FieldReader): { learningRate: number };
  describe(config: OptimizerConfig): string;
  create(config: OptimizerConfig): UpdateRule;
}

/**
 * `x`, or 0 when |x| < 1e-30. Optimiser state decays geometrically where gradients are (near) zero and would
 * reach float32 denormals, which cost ~100× per load and store on x86 (a microcode assist) and slowed whole
 * training steps several-fold. Below 1e-30 a moment or accumulator no longer changes any update.
 */
export function flushTiny(x: number): number {
  return Math.abs(x) < 1e-30 ? 0 : x;
}
