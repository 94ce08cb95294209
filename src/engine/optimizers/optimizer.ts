import * as tf from '@tensorflow/tfjs';
import type { Gradients } from '../models/model.js';
import type { UpdateRule } from './updateRule.js';

interface ParameterState {
  slots: Float32Array[];
  step: number;
}

/**
 * Applies an update rule to a model's gradients. Dense variables are updated whole; tables only in the rows
 * that have gradients (lazy: rows not in the batch keep their values and their state). Each parameter counts its
 * own steps, so a head that trains on half the steps gets the bias correction of its own step count.
 * State is kept in JavaScript, per parameter object.
 */
export class Optimizer {
  private readonly states = new Map<object, ParameterState>();

  constructor(private readonly rule: UpdateRule) {}

  apply(gradients: Gradients): void {
    for (const { variable, gradient } of gradients.dense) {
      const { slots, step } = this.advance(variable, variable.size);
      // A copy: on the cpu backend dataSync returns the variable's own storage.
      const params = (variable.dataSync() as Float32Array).slice();
      this.rule.update(params, gradient.dataSync() as Float32Array, slots, step, { starts: Int32Array.of(0), width: params.length });
      tf.tidy(() => variable.assign(tf.tensor(params, variable.shape)));
    }
    for (const { table, rows, gradient } of gradients.rows) {
      const { slots, step } = this.advance(table, table.values.length);
      this.rule.update(table.values, gradient, slots, step, { starts: rows.map((row) => row * table.dim), width: table.dim });
    }
  }

  /** The parameter's state with its step count advanced for the update about to be applied. */
  private advance(parameter: object, size: number): ParameterState {
    let state = this.states.get(parameter);
    if (state === undefined) {
      state = { slots: Array.from({ length: this.rule.slots }, () => new Float32Array(size)), step: 0 };
      this.states.set(parameter, state);
    }
    state.step++;
    return state;
  }
}
