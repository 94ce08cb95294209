import { Optimizer } from '../engine/optimizers/optimizer.js';
import type { UpdateRule } from '../engine/optimizers/updateRule.js';

export const LookaheadRuleNames = ['sgd', 'optimizer'] as const;
export type LookaheadRuleName = (typeof LookaheadRuleNames)[number];

/**
 * How the lookahead step moves the shared parameters. `sgd`: θ − η·∇L_i, TAG's definition (Fifty et al. 2021,
 * eq. 1). `optimizer`: the update the training optimiser would make from its current state, as TAG's code does;
 * with Adam that update carries the momentum of every task's past gradients, the same for every i.
 */
export type LookaheadConfig = { rule: 'sgd'; learningRate: number } | { rule: 'optimizer' };

/** The optimiser whose `preview` is the lookahead step, given the one training uses. */
export const lookaheadRules: {
  [R in LookaheadRuleName]: (training: Optimizer, config: Extract<LookaheadConfig, { rule: R }>) => Optimizer;
} = {
  sgd: (_training, { learningRate }) => new Optimizer(sgd(learningRate)),
  optimizer: (training) => training,
};

export function lookaheadOptimizer(training: Optimizer, config: LookaheadConfig): Optimizer {
  // The mapped type pairs each rule with its config; TypeScript cannot follow that through an index.
  return (lookaheadRules[config.rule] as (training: Optimizer, config: LookaheadConfig) => Optimizer)(training, config);
}

/** Plain gradient descent, stateless. */
function sgd(learningRate: number): UpdateRule {
  return {
    slots: 0,
    update(params, grads, _state, _step, { starts, width }) {
      for (let r = 0; r < starts.length; r++) {
        for (let k = 0; k < width; k++) params[starts[r] + k] -= learningRate * grads[r * width + k];
      }
    },
  };
}
