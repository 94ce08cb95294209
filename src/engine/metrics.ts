import type { Scores } from './trainingResult.js';

/** Label counts behind micro-F1 and accuracy; counts of several batches add up. */
export interface LabelCounts {
  total: number;
  correct: number;
  /** Gold labels other than the outside label. */
  gold: number;
  /** Predicted labels other than the outside label. */
  predicted: number;
  /** Correct predictions other than the outside label. */
  correctInside: number;
}

export const noCounts: LabelCounts = { total: 0, correct: 0, gold: 0, predicted: 0, correctInside: 0 };

/** Counts over the label slots whose weight is non-zero (padding has weight 0). `outside` is −1 when none. */
export function countLabels(gold: Int32Array, predicted: Int32Array, weights: Float32Array, outside: number): LabelCounts {
  const counts = { ...noCounts };
  for (let i = 0; i < gold.length; i++) {
    if (weights[i] === 0) continue;
    const right = gold[i] === predicted[i];
    counts.total++;
    if (right) counts.correct++;
    if (gold[i] !== outside) counts.gold++;
    if (predicted[i] !== outside) counts.predicted++;
    if (right && gold[i] !== outside) counts.correctInside++;
  }
  return counts;
}

export function addCounts(a: LabelCounts, b: LabelCounts): LabelCounts {
  return {
    total: a.total + b.total,
    correct: a.correct + b.correct,
    gold: a.gold + b.gold,
    predicted: a.predicted + b.predicted,
    correctInside: a.correctInside + b.correctInside,
  };
}

/**
 * The paper's metric: micro-averaged F1 over all labels but the outside one, 2·tp / (gold + predicted) with
 * tp the correct non-outside labels. Without an outside label every label counts, and F1 equals accuracy.
 * Scores are 0 when there is nothing to count.
 */
export function scoresOf({ total, correct, gold, predicted, correctInside }: LabelCounts): Scores {
  return {
    f1: gold + predicted === 0 ? 0 : (2 * correctInside) / (gold + predicted),
    accuracy: total === 0 ? 0 : correct / total,
  };
}
