import * as tf from '@tensorflow/tfjs';
import { expectState } from '../trainingState.js';
import type { Model } from './model.js';

/** Copies of every parameter's values by name (Model.parameters), dense variables and tables alike. */
export function snapshotParameters(model: Model): Record<string, Float32Array> {
  const { dense, tables } = model.parameters();
  return {
    // A copy: on the cpu backend dataSync returns the variable's own storage.
    ...Object.fromEntries(Object.entries(dense).map(([name, variable]) => [name, (variable.dataSync() as Float32Array).slice()])),
    ...Object.fromEntries(Object.entries(tables).map(([name, table]) => [name, table.values.slice()])),
  };
}

/** Sets every parameter of `model` to the values of a snapshot of the same model type and size. */
export function restoreParameters(model: Model, values: Record<string, Float32Array>): void {
  const { dense, tables } = model.parameters();
  const names = [...Object.keys(dense), ...Object.keys(tables)].sort();
  const saved = Object.keys(values).sort();
  expectState(names.join() === saved.join(), `parameters ${saved.join(', ')} were saved, the model has ${names.join(', ')}`);
  const fits = (name: string, size: number): void =>
    expectState(
      values[name] instanceof Float32Array && values[name].length === size,
      `parameter '${name}' should have ${size} values, has ${values[name].length}`,
    );
  for (const [name, variable] of Object.entries(dense)) {
    fits(name, variable.size);
    tf.tidy(() => variable.assign(tf.tensor(values[name], variable.shape)));
  }
  for (const [name, table] of Object.entries(tables)) {
    fits(name, table.values.length);
    table.values.set(values[name]);
  }
}
