import * as tf from '@tensorflow/tfjs';
import type { ParameterValues } from '../engine/optimizers/optimizer.js';

/**
 * Runs `measure` with the parameters set to `values`, then puts back exactly the values they had (bit for bit),
 * also when `measure` throws: a lookahead step that training never sees.
 */
export function withValues<T>(values: ParameterValues, measure: () => T): T {
  const saved = substitute(values);
  try {
    return measure();
  } finally {
    substitute(saved);
  }
}

/** Writes `values` into the parameters and returns what they held before, in the same shape. */
function substitute({ dense, rows }: ParameterValues): ParameterValues {
  return {
    dense: dense.map(({ variable, values }) => {
      const previous = (variable.dataSync() as Float32Array).slice();
      tf.tidy(() => variable.assign(tf.tensor(values, variable.shape)));
      return { variable, values: previous };
    }),
    rows: rows.map(({ table, rows: indices, values }) => {
      const { dim } = table;
      const previous = new Float32Array(values.length);
      indices.forEach((row, r) => {
        previous.set(table.values.subarray(row * dim, (row + 1) * dim), r * dim);
        table.values.set(values.subarray(r * dim, (r + 1) * dim), row * dim);
      });
      return { table, rows: indices, values: previous };
    }),
  };
}
