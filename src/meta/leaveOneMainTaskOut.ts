import { accuracy, confusion, gainF1 } from './classificationScores.js';
import type { FeatureMatrix } from './featureMatrix.js';
import { labelOf } from './logisticRegression.js';
import { MainTaskFolds } from './mainTaskFolds.js';

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
  const folds = new MainTaskFolds(matrix);
  const { probabilities, singleClass } = folds.fit(matrix.labels, C);
  const predicted = probabilities.map(labelOf);
  const tasks = folds.folds.map(
    ({ main, rows }, f): HeldOutTask => ({
      main,
      pairs: rows.length,
      gains: rows.filter((i) => matrix.labels[i] === 1).length,
      correct: rows.filter((i) => predicted[i] === matrix.labels[i]).length,
      singleClass: singleClass[f],
      predictions: rows.map((i) => ({ aux: matrix.auxes[i], probability: probabilities[i] })),
    }),
  );
  const counts = confusion(matrix.labels, predicted);
  return { accuracy: accuracy(counts), f1: gainF1(counts), tasks };
}
