import * as tf from '@tensorflow/tfjs';
import { EmbeddingTable } from '../models/embeddingTable.js';
import type { Gradients, Parameters } from '../models/model.js';
import { type OptimizerState, expectState } from '../trainingState.js';
import type { UpdateRule } from './updateRule.js';

interface ParameterState {
  slots: Float32Array[];
  step: number;
}

/** Values for some parameters: dense variables whole, tables in some rows (one row of `dim` values per entry of `rows`). */
export interface ParameterValues {
  dense: { variable: tf.Variable; values: Float32Array }[];
  rows: { table: EmbeddingTable; rows: Int32Array; values: Float32Array }[];
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

  /**
   * The values `apply(gradients)` would give the parameters, leaving the parameters and the optimiser's state as
   * they are: a lookahead step (inter-task affinity measures a step of one task's gradient, then undoes it).
   */
  preview(gradients: Gradients): ParameterValues {
    const dense = gradients.dense.map(({ variable, gradient }) => {
      const state = this.states.get(variable);
      const values = (variable.dataSync() as Float32Array).slice();
      const slots = state?.slots.map((slot) => slot.slice()) ?? this.freshSlots(values.length);
      this.rule.update(values, gradient.dataSync() as Float32Array, slots, (state?.step ?? 0) + 1, {
        starts: Int32Array.of(0),
        width: values.length,
      });
      return { variable, values };
    });
    const rows = gradients.rows.map(({ table, rows, gradient }) => {
      const state = this.states.get(table);
      // The rows and their state gathered into compact arrays, so nothing of table size is copied.
      const gather = (source: Float32Array): Float32Array => {
        const out = new Float32Array(rows.length * table.dim);
        rows.forEach((row, r) => {
          out.set(source.subarray(row * table.dim, (row + 1) * table.dim), r * table.dim);
        });
        return out;
      };
      const values = gather(table.values);
      const slots = state?.slots.map(gather) ?? this.freshSlots(values.length);
      const starts = Int32Array.from(rows, (_, r) => r * table.dim);
      this.rule.update(values, gradient, slots, (state?.step ?? 0) + 1, { starts, width: table.dim });
      return { table, rows, values };
    });
    return { dense, rows };
  }

  /** Copies of the state of every parameter of `parameters` that has been updated, by parameter name. */
  state(parameters: Parameters): OptimizerState {
    const saved: OptimizerState = {};
    for (const [name, parameter] of namedParameters(parameters)) {
      const state = this.states.get(parameter);
      if (state !== undefined) saved[name] = { step: state.step, slots: state.slots.map((slot) => slot.slice()) };
    }
    return saved;
  }

  /** Replaces all state with `saved` (from `state` over the same model's parameters). */
  restore(parameters: Parameters, saved: OptimizerState): void {
    const byName = new Map(namedParameters(parameters));
    const restored = new Map<object, ParameterState>();
    for (const [name, { step, slots }] of Object.entries(saved)) {
      const parameter = byName.get(name);
      expectState(parameter !== undefined, `the optimiser has state for '${name}', which the model lacks`);
      const size = parameter instanceof EmbeddingTable ? parameter.values.length : parameter.size;
      expectState(Number.isInteger(step) && step >= 1, `the optimiser's step count of '${name}' is ${step}`);
      expectState(
        slots.length === this.rule.slots && slots.every((slot) => slot instanceof Float32Array && slot.length === size),
        `the optimiser's state of '${name}' should be ${this.rule.slots} arrays of ${size} values`,
      );
      restored.set(parameter, { step, slots: slots.map((slot) => slot.slice()) });
    }
    this.states.clear();
    for (const [parameter, state] of restored) this.states.set(parameter, state);
  }

  private freshSlots(size: number): Float32Array[] {
    return Array.from({ length: this.rule.slots }, () => new Float32Array(size));
  }

  /** The parameter's state with its step count advanced for the update about to be applied. */
  private advance(parameter: object, size: number): ParameterState {
    let state = this.states.get(parameter);
    if (state === undefined) {
      state = { slots: this.freshSlots(size), step: 0 };
      this.states.set(parameter, state);
    }
    state.step++;
    return state;
  }
}

function namedParameters({ dense, tables }: Parameters): [string, tf.Variable | EmbeddingTable][] {
  return [...Object.entries(dense), ...Object.entries(tables)];
}
