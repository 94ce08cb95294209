import { specError } from '../errors.js';
import type { EmbeddingTable } from './models/embeddingTable.js';
import type { Model } from './models/model.js';
import type { InputImportance } from './trainingResult.js';

/**
 * The parameter whose row w holds input word w's weights into the first hidden layer: the classifier's. A
 * tagger's embeddings feed a BiLSTM through other weights, so a row sum there says nothing about the word.
 */
export const INPUT_WEIGHTS = 'shared.hidden.weights';

/** The model's input weight layer; a spec error naming `inputImportance` when the model has none. */
export function inputWeights(model: Model): EmbeddingTable {
  const table = model.parameters().tables[INPUT_WEIGHTS];
  if (table === undefined)
    throw specError('inputImportance', `expected a model with an input weight layer (${INPUT_WEIGHTS}: the classifier)`);
  return table;
}

/** Per row (input word) of the table: Σ_k W[w, k] and Σ_k |W[w, k]|, summed in double precision. */
export function inputImportance({ rows, dim, values }: EmbeddingTable): InputImportance {
  const sum = new Array<number>(rows).fill(0);
  const absSum = new Array<number>(rows).fill(0);
  for (let w = 0; w < rows; w++) {
    for (let k = w * dim; k < (w + 1) * dim; k++) {
      sum[w] += values[k];
      absSum[w] += Math.abs(values[k]);
    }
  }
  return { sum, absSum };
}
