import type { PairFeatureName, PairRow } from '../features/pairRow.js';
import { solvePositiveDefinite } from './cholesky.js';
import { applyMinMax, fitMinMax } from './minMaxScaler.js';

/**
 * Ridge penalty on the min-max scaled features (scikit-learn's Ridge default α = 1); the intercept is not
 * penalised. With tens of pairs and tens of features a penalty is needed, and a strong one pulls predictions
 * toward the mean gain, which is what little data supports.
 */
export const RIDGE_ALPHA = 1;

/** Coverage the interval around a predicted gain aims at. */
export const INTERVAL_LEVEL = 0.8;

/** A linear model of the relative gain itself (not only its sign), on the meta-model's features and scaling. */
export interface GainRegression {
  features: PairFeatureName[];
  intercept: number;
  coefficients: number[];
  min: number[];
  max: number[];
  alpha: number;
}

/** How the regression did on held-out main tasks: the errors that size its intervals, and a baseline. */
export interface GainRegressionCheck {
  /** Pairs predicted by a model fitted without their main task (neither as main nor as auxiliary task). */
  pairs: number;
  tasks: number;
  /** Mean absolute error of those predictions. */
  meanAbsoluteError: number;
  /** The same for predicting the mean gain of the training pairs, the no-feature baseline. */
  baselineMeanAbsoluteError: number;
  /**
   * Half-width of the split-conformal interval at INTERVAL_LEVEL: the ⌈(n + 1)·level⌉-th smallest absolute
   * held-out error. Null when there are too few held-out pairs for that order statistic to exist.
   */
  halfWidth: number | null;
  level: number;
}

/** Fits gain ~ intercept + Σ w_j · scaled x_j by ridge on the pairs' `features` (which every pair must have). */
export function fitGainRegression(
  pairs: readonly PairRow[],
  features: readonly PairFeatureName[],
  alpha = RIDGE_ALPHA,
): GainRegression | undefined {
  const raw = pairs.map((pair) => features.map((name) => pair.features[name] as number));
  const scaler = fitMinMax(raw);
  const x = applyMinMax(scaler, raw);
  const p = features.length;
  const m = p + 1;
  // Normal equations with a leading column of ones: (ZᵀZ + α·diag(0, 1, …, 1)) θ = Zᵀy.
  const a = new Float64Array(m * m);
  const b = new Float64Array(m);
  pairs.forEach((pair, i) => {
    const z = [1, ...x[i]];
    for (let r = 0; r < m; r++) {
      b[r] += z[r] * pair.gain;
      for (let c = 0; c < m; c++) a[r * m + c] += z[r] * z[c];
    }
  });
  for (let j = 1; j < m; j++) a[j * m + j] += alpha;
  const theta = solvePositiveDefinite(a, b, m);
  if (theta === undefined) return undefined;
  return { features: [...features], intercept: theta[0], coefficients: [...theta.slice(1)], ...scaler, alpha };
}

/** The predicted relative gain of a pair, or undefined when it lacks one of the model's features. */
export function predictGain(model: GainRegression, features: PairRow['features']): number | undefined {
  const values = model.features.map((name) => features[name]);
  if (values.some((v) => v === undefined)) return undefined;
  const [scaled] = applyMinMax(model, [values as number[]]);
  return scaled.reduce((sum, x, j) => sum + model.coefficients[j] * x, model.intercept);
}

/**
 * Each main task held out in turn, as a new task would be (its pairs removed wherever it appears), the
 * regression fitted on the rest and its pairs predicted; the absolute errors give the conformal interval.
 */
export function checkGainRegression(
  pairs: readonly PairRow[],
  features: readonly PairFeatureName[],
  alpha = RIDGE_ALPHA,
): GainRegressionCheck | undefined {
  const errors: number[] = [];
  const baseline: number[] = [];
  const mains = [...new Set(pairs.map((pair) => pair.main))];
  for (const main of mains) {
    const training = pairs.filter((pair) => pair.main !== main && pair.aux !== main);
    if (training.length < 2) continue;
    const model = fitGainRegression(training, features, alpha);
    if (model === undefined) continue;
    const meanGain = training.reduce((sum, pair) => sum + pair.gain, 0) / training.length;
    for (const pair of pairs.filter((p) => p.main === main)) {
      errors.push(Math.abs(pair.gain - (predictGain(model, pair.features) as number)));
      baseline.push(Math.abs(pair.gain - meanGain));
    }
  }
  if (errors.length === 0) return undefined;
  const mean = (values: number[]): number => values.reduce((s, v) => s + v, 0) / values.length;
  return {
    pairs: errors.length,
    tasks: mains.length,
    meanAbsoluteError: mean(errors),
    baselineMeanAbsoluteError: mean(baseline),
    halfWidth: conformalHalfWidth(errors, INTERVAL_LEVEL),
    level: INTERVAL_LEVEL,
  };
}

/** The ⌈(n + 1)·level⌉-th smallest of n absolute errors (split-conformal), or null when that exceeds n. */
export function conformalHalfWidth(errors: readonly number[], level: number): number | null {
  const k = Math.ceil((errors.length + 1) * level);
  if (k > errors.length) return null;
  return [...errors].sort((a, b) => a - b)[k - 1] as number;
}
