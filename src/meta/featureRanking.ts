import { mean, sampleStandardDeviation } from 'simple-statistics';
import type { PairFeatureName } from '../features/pairRow.js';
import { accuracy, type Confusion, confusion, gainF1 } from './classificationScores.js';
import type { FeatureMatrix } from './featureMatrix.js';
import { stratifiedSplit } from './folds.js';
import { predictLabel } from './logisticRegression.js';
import { applyMinMax, fitMinMax } from './minMaxScaler.js';
import { Rng } from '../shared/random.js';
import { recursiveElimination } from './recursiveElimination.js';

export interface FeatureRank {
  feature: PairFeatureName;
  /** Coefficient on min-max scaled features with all features in, mean and sd over splits. */
  coefficientMean: number;
  coefficientSd: number;
  /** Recursive feature elimination rank (1 = eliminated last, the most useful), mean over splits. */
  eliminationRank: number;
}

/** Held-out scores with the k features recursive elimination kept on each split's training part. */
export interface AblationPoint {
  features: number;
  /** Pooled over all splits' test rows. */
  accuracy: number;
  f1: number | null;
}

export interface RankingResult {
  splits: number;
  trainFraction: number;
  /** Sorted by mean elimination rank, best first. */
  ranks: FeatureRank[];
  /** From all features down to one. */
  ablation: AblationPoint[];
}

export interface RankingOptions {
  splits: number;
  trainFraction: number;
  seed: number;
  C: number;
}

/**
 * Feature ranking over random stratified splits. On each split's training part (scaled on that part): the
 * all-feature model's coefficients, then recursive elimination, scoring every reduced model on the split's
 * held-out part — so the ablation curve never tests on rows that chose its features. Needs both classes and at
 * least three rows (the stratified split then keeps both classes in training and a row for testing).
 */
export function rankFeatures(matrix: FeatureMatrix, options: RankingOptions): RankingResult {
  const p = matrix.names.length;
  if (!matrix.labels.includes(0) || !matrix.labels.includes(1) || matrix.labels.length < 3) {
    throw new Error('rankFeatures needs both classes and at least three rows');
  }
  const random = new Rng(options.seed);
  const coefficients: number[][] = matrix.names.map(() => []);
  const ranks: number[][] = matrix.names.map(() => []);
  const pooled: Confusion[] = Array.from({ length: p + 1 }, () => ({ tp: 0, fp: 0, tn: 0, fn: 0 }));
  for (let split = 0; split < options.splits; split++) {
    const { train, test } = stratifiedSplit(matrix.labels, options.trainFraction, random);
    const y = train.map((i) => matrix.labels[i]);
    const scaler = fitMinMax(train.map((i) => matrix.rows[i]));
    const trainX = applyMinMax(
      scaler,
      train.map((i) => matrix.rows[i]),
    );
    const testX = applyMinMax(
      scaler,
      test.map((i) => matrix.rows[i]),
    );
    const truth = test.map((i) => matrix.labels[i]);
    const splitRanks = recursiveElimination(trainX, y, options.C, (active, model) => {
      if (active.length === p)
        model.coefficients.forEach((c, j) => {
          coefficients[j].push(c);
        });
      const counts = confusion(
        truth,
        testX.map((row) =>
          predictLabel(
            model,
            active.map((j) => row[j]),
          ),
        ),
      );
      const total = pooled[active.length];
      for (const key of ['tp', 'fp', 'tn', 'fn'] as const) total[key] += counts[key];
    });
    splitRanks.forEach((rank, j) => {
      ranks[j].push(rank);
    });
  }
  const sd = (values: number[]) => (values.length > 1 ? sampleStandardDeviation(values) : 0);
  const featureRanks = matrix.names.map((feature, j) => ({
    feature,
    coefficientMean: mean(coefficients[j]),
    coefficientSd: sd(coefficients[j]),
    eliminationRank: mean(ranks[j]),
  }));
  featureRanks.sort((a, b) => a.eliminationRank - b.eliminationRank || Math.abs(b.coefficientMean) - Math.abs(a.coefficientMean));
  const ablation = pooled
    .map((counts, k) => ({ features: k, accuracy: accuracy(counts), f1: gainF1(counts) }))
    .slice(1)
    .reverse();
  return { splits: options.splits, trainFraction: options.trainFraction, ranks: featureRanks, ablation };
}
