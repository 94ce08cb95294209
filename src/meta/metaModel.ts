import type { PairFeatureName, PairRow } from '../features/pairRow.js';
import type { FeatureMatrix } from './featureMatrix.js';
import { fitLogisticRegression, predictProbability } from './logisticRegression.js';
import { applyMinMax, fitMinMax } from './minMaxScaler.js';

/**
 * The meta-model fitted on all pairs, with its scaling, so a new pair can be scored:
 * P(gain) = σ(intercept + Σ coefficient_j · (x_j − min_j)/(max_j − min_j)).
 */
export interface MetaModel {
  features: PairFeatureName[];
  intercept: number;
  /** On min-max scaled features, so magnitudes compare across features. */
  coefficients: number[];
  min: number[];
  max: number[];
  C: number;
}

/** Fits on every row of the matrix (which must hold both classes). */
export function fitMetaModel(matrix: FeatureMatrix, C: number): MetaModel {
  const scaler = fitMinMax(matrix.rows);
  const model = fitLogisticRegression(applyMinMax(scaler, matrix.rows), matrix.labels, { C });
  return { features: matrix.names, intercept: model.intercept, coefficients: model.coefficients, ...scaler, C };
}

/** P(gain) for a pair, or undefined when it lacks one of the model's features. */
export function gainProbability(model: MetaModel, features: PairRow['features']): number | undefined {
  const values = model.features.map((name) => features[name]);
  if (values.some((v) => v === undefined)) return undefined;
  const [scaled] = applyMinMax(model, [values as number[]]);
  return predictProbability(model, scaled);
}

/** One pair's P(gain) under the model fitted on all pairs, this one included (in-sample), beside what it measured. */
export interface FittedPair {
  main: string;
  aux: string;
  probability: number;
  gain: number;
  label: 0 | 1;
}

/** The model's P(gain) for every pair that has all of the model's features. */
export function fittedPairs(model: MetaModel, pairs: readonly PairRow[]): FittedPair[] {
  return pairs.flatMap((pair) => {
    const probability = gainProbability(model, pair.features);
    return probability === undefined ? [] : [{ main: pair.main, aux: pair.aux, probability, gain: pair.gain, label: pair.label }];
  });
}
