import type { Gradients } from '../engine/models/model.js';
import type { SharedParameters } from './sharedParameters.js';

/**
 * A gradient flattened into named pieces: each dense variable whole (`shared.lstm.input`), each table row on its
 * own (`shared.embeddings#812`). Rows a batch does not touch have gradient zero and are simply absent.
 */
export type GradientPieces = ReadonlyMap<string, Float32Array>;

/** The pieces of a shared-parameter gradient (see sharedPart); reads the dense tensors' values. */
export function gradientPieces(gradients: Gradients, names: SharedParameters): GradientPieces {
  const pieces = new Map<string, Float32Array>();
  for (const { variable, gradient } of gradients.dense) pieces.set(nameOf(names, variable), gradient.dataSync() as Float32Array);
  for (const { table, rows, gradient } of gradients.rows) {
    const name = nameOf(names, table);
    rows.forEach((row, r) => {
      pieces.set(`${name}#${row}`, gradient.subarray(r * table.dim, (r + 1) * table.dim));
    });
  }
  return pieces;
}

/**
 * Cosine similarity of two flattened gradients, a·b / (‖a‖ ‖b‖), summed in double precision; 0 when either is
 * zero (no direction to compare).
 */
export function cosineSimilarity(a: GradientPieces, b: GradientPieces): number {
  let dot = 0;
  for (const [name, x] of a) {
    const y = b.get(name);
    if (y !== undefined) for (let k = 0; k < x.length; k++) dot += x[k] * y[k];
  }
  const norms = squaredNorm(a) * squaredNorm(b);
  return norms === 0 ? 0 : dot / Math.sqrt(norms);
}

function squaredNorm(pieces: GradientPieces): number {
  let sum = 0;
  for (const x of pieces.values()) for (let k = 0; k < x.length; k++) sum += x[k] * x[k];
  return sum;
}

function nameOf(names: SharedParameters, parameter: object): string {
  const name = names.get(parameter);
  if (name === undefined) throw new Error('gradientPieces: a gradient of a parameter that is not shared');
  return name;
}
