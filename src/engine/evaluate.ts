import { type Batch, labelWeights } from './batch.js';
import { addCounts, countLabels, noCounts, scoresOf } from './metrics.js';
import type { Model } from './models/model.js';
import type { Scores } from './trainingResult.js';

/** Scores of `head` on batches of a task whose outside label is `outside` (−1 for none); any head, any task. */
export function evaluateHead(model: Model, head: string, batches: readonly Batch[], outside: number): Scores {
  let counts = noCounts;
  for (const batch of batches) {
    counts = addCounts(counts, countLabels(batch.labels, model.predict(head, batch), labelWeights(batch), outside));
  }
  return scoresOf(counts);
}
