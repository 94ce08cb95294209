import type { Gradients, Model } from '../engine/models/model.js';

/** Parameter names the model interface gives the shared layers; heads are `head.<task>.…`. */
const SHARED = 'shared.';

/**
 * The shared parameters of a hard-sharing model by object, with their names: what every task's gradient moves and
 * what an inter-task affinity is measured on. For the tagger that is the BiLSTM and the word embeddings (trained
 * by every task, row by row); for the classifier the hidden layer, whose input weights are a table as well.
 */
export type SharedParameters = ReadonlyMap<object, string>;

export function sharedParameters(model: Model): SharedParameters {
  const { dense, tables } = model.parameters();
  return new Map<object, string>(
    [...Object.entries(dense), ...Object.entries(tables)].flatMap(([name, parameter]) =>
      name.startsWith(SHARED) ? [[parameter, name]] : [],
    ),
  );
}

/** The part of `gradients` on shared parameters; its tensors are those of `gradients` (dispose that once). */
export function sharedPart(gradients: Gradients, shared: SharedParameters): Gradients {
  return {
    loss: gradients.loss,
    dense: gradients.dense.filter(({ variable }) => shared.has(variable)),
    rows: gradients.rows.filter(({ table }) => shared.has(table)),
  };
}
