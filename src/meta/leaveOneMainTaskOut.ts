import { accuracy, confusion, gainF1 } from './classificationScores.js';
import type { FeatureMatrix } from './featureMatrix.js';
import { fitAndPredict } from './fitAndPredict.js';
import { groupsOf } from './folds.js';

/** P(gain) of one held-out pair, from the model fitted without its main task's pairs. */
export interface HeldOutPrediction {
  aux: string;
  probability: number;
}

export interface HeldOutTask {
  main: string;
  pairs: number;
  gains: number;
  correct: number;
  /** The other tasks' pairs had one class, so that class was predicted. */
  singleClass: boolean;
  /** Each of its pairs' predicted P(gain) (0 or 1 when `singleClass`): a score to rank or correlate with the gains. */
  predictions: HeldOutPrediction[];
}

export interface LeaveOneMainTaskOutResult {
  /** Over all pairs, each predicted by a model that never saw a pair with its main task. */
  accuracy: number;
  f1: number | null;
  tasks: HeldOutTask[];
}

/**
 * Holds out all pairs of one main task at a time and predicts them from the rest: the honest estimate for a
 * new main task, whose pairs share the main_ features and so leak between ordinary CV folds. (The held-out
 * task still appears as an auxiliary task in training pairs, as a new task would once its features are known.)
 */
export function leaveOneMainTaskOut(matrix: FeatureMatrix, C: number): LeaveOneMainTaskOutResult {
  const predicted: (0 | 1)[] = new Array(matrix.rows.length);
  const tasks: HeldOutTask[] = [];
  for (const { key, rows } of groupsOf(matrix.mains)) {
    const held = new Set(rows);
    const train = matrix.rows.flatMap((_, i) => (held.has(i) ? [] : [i]));
    const fold = fitAndPredict(
      train.map((i) => matrix.rows[i]),
      train.map((i) => matrix.labels[i]),
      rows.map((i) => matrix.rows[i]),
      C,
    );
    rows.forEach((row, k) => (predicted[row] = fold.predicted[k]));
    tasks.push({
      main: key,
      pairs: rows.length,
      gains: rows.filter((i) => matrix.labels[i] === 1).length,
      correct: rows.filter((i) => predicted[i] === matrix.labels[i]).length,
      singleClass: fold.singleClass,
      predictions: rows.map((i, k) => ({ aux: matrix.auxes[i], probability: fold.probabilities[k] })),
    });
  }
  const counts = confusion(matrix.labels, predicted);
  return { accuracy: accuracy(counts), f1: gainF1(counts), tasks };
}
