import { mean, sampleStandardDeviation } from 'simple-statistics';
import { accuracy, confusion, gainF1 } from './classificationScores.js';
import type { FeatureMatrix } from './featureMatrix.js';
import { fitAndPredict } from './fitAndPredict.js';
import { stratifiedFolds } from './folds.js';
import { Rng } from '../shared/random.js';

export interface ScoreSummary {
  mean: number;
  /** Sample standard deviation over repetitions (0 with one repetition). */
  sd: number;
}

export interface CrossValidationResult {
  repetitions: number;
  folds: number;
  accuracy: ScoreSummary;
  /** F1 of "gain"; repetitions where it is undefined (no gain predicted or present) are left out of the mean. */
  f1: ScoreSummary | null;
  /** Training folds with a single class, where that class was predicted for the whole test fold. */
  singleClassFolds: number;
}

export interface CrossValidationOptions {
  repetitions: number;
  folds: number;
  seed: number;
  C: number;
}

const summary = (values: number[]): ScoreSummary => ({
  mean: mean(values),
  sd: values.length > 1 ? sampleStandardDeviation(values) : 0,
});

/**
 * Repeated shuffled stratified k-fold CV. Each repetition's out-of-fold predictions are pooled over its folds
 * into one accuracy and one F1 (a test fold of six pairs may hold no gain, which makes per-fold F1 undefined);
 * the report gives their mean and sd over repetitions. All repetitions draw from one generator seeded `seed`.
 */
export function repeatedCrossValidation(matrix: FeatureMatrix, options: CrossValidationOptions): CrossValidationResult {
  const random = new Rng(options.seed);
  const accuracies: number[] = [];
  const f1s: number[] = [];
  let singleClassFolds = 0;
  for (let repetition = 0; repetition < options.repetitions; repetition++) {
    const predicted: (0 | 1)[] = new Array(matrix.rows.length);
    for (const testRows of stratifiedFolds(matrix.labels, options.folds, random)) {
      const inTest = new Set(testRows);
      const trainRows = matrix.rows.flatMap((_, i) => (inTest.has(i) ? [] : [i]));
      const fold = fitAndPredict(
        trainRows.map((i) => matrix.rows[i]),
        trainRows.map((i) => matrix.labels[i]),
        testRows.map((i) => matrix.rows[i]),
        options.C,
      );
      if (fold.singleClass) singleClassFolds += 1;
      testRows.forEach((row, k) => {
        predicted[row] = fold.predicted[k];
      });
    }
    const counts = confusion(matrix.labels, predicted);
    accuracies.push(accuracy(counts));
    const f1 = gainF1(counts);
    if (f1 !== null) f1s.push(f1);
  }
  return {
    repetitions: options.repetitions,
    folds: options.folds,
    accuracy: summary(accuracies),
    f1: f1s.length > 0 ? summary(f1s) : null,
    singleClassFolds,
  };
}
