import type { Batch } from '../../src/engine/batch.js';
import type { Model } from '../../src/engine/models/model.js';

/** The classifier's parameters as plain float64 arrays: input table [V, H], hidden bias [H], heads [H, L] + [L]. */
export interface ClassifierValues {
  hidden: Float64Array;
  bias: Float64Array;
  heads: Record<string, { weights: Float64Array; bias: Float64Array; labels: number }>;
  dim: number;
}

export function classifierValues(model: Model, labels: Record<string, number>): ClassifierValues {
  const { dense, tables } = model.parameters();
  const table = tables['shared.hidden.weights'];
  return {
    hidden: Float64Array.from(table.values),
    bias: Float64Array.from(dense['shared.hidden.bias'].dataSync()),
    heads: Object.fromEntries(
      Object.entries(labels).map(([name, count]) => [
        name,
        {
          weights: Float64Array.from(dense[`head.${name}.weights`].dataSync()),
          bias: Float64Array.from(dense[`head.${name}.bias`].dataSync()),
          labels: count,
        },
      ]),
    ),
    dim: table.dim,
  };
}

/**
 * The bag-of-words classifier by hand, without dropout, in double precision: mean cross-entropy of `head` on
 * `batch`, and its gradient with respect to the shared parameters (input table rows and hidden bias), derived
 * by hand: dlogits = (softmax − onehot) / N, dh = dlogits · Woᵀ, dz = dh · h(1 − h).
 */
export function manualClassifier(
  values: ClassifierValues,
  head: string,
  batch: Batch,
): { loss: number; dTable: Map<number, Float64Array>; dBias: Float64Array } {
  const H = values.dim;
  const { weights, bias, labels: L } = values.heads[head];
  const dTable = new Map<number, Float64Array>();
  const dBias = new Float64Array(H);
  let loss = 0;
  for (let e = 0; e < batch.size; e++) {
    const words: number[] = [];
    for (let t = 0; t < batch.time; t++) if (batch.tokens[t * batch.size + e] !== 0) words.push(batch.tokens[t * batch.size + e]);
    const h = Array.from(
      { length: H },
      (_, k) => 1 / (1 + Math.exp(-(values.bias[k] + words.reduce((s, w) => s + values.hidden[w * H + k], 0)))),
    );
    const logits = Array.from({ length: L }, (_, c) => bias[c] + h.reduce((s, hk, k) => s + hk * weights[k * L + c], 0));
    const top = Math.max(...logits);
    const z = logits.reduce((s, l) => s + Math.exp(l - top), 0);
    const gold = batch.labels[e];
    loss += (Math.log(z) + top - logits[gold]) / batch.size;
    const dLogits = logits.map((l, c) => (Math.exp(l - top) / z - (c === gold ? 1 : 0)) / batch.size);
    const dz = h.map((hk, k) => dLogits.reduce((s, d, c) => s + d * weights[k * L + c], 0) * hk * (1 - hk));
    dz.forEach((d, k) => {
      dBias[k] += d;
    });
    for (const w of words) {
      const row = dTable.get(w) ?? new Float64Array(H);
      dz.forEach((d, k) => {
        row[k] += d;
      });
      dTable.set(w, row);
    }
  }
  return { loss, dTable, dBias };
}

/** `values` with the shared parameters moved by `update(parameter value, gradient)` where the gradient is non-zero. */
export function steppedValues(
  values: ClassifierValues,
  gradient: { dTable: Map<number, Float64Array>; dBias: Float64Array },
  update: (value: number, g: number) => number,
): ClassifierValues {
  const hidden = values.hidden.slice();
  for (const [row, g] of gradient.dTable)
    g.forEach((gk, k) => {
      hidden[row * values.dim + k] = update(hidden[row * values.dim + k], gk);
    });
  return { ...values, hidden, bias: values.bias.map((b, k) => update(b, gradient.dBias[k])) };
}
