import { fitLogisticRegression, labelOf, predictProbability } from './logisticRegression.js';
import { applyMinMax, fitMinMax } from './minMaxScaler.js';

export interface FoldPrediction {
  predicted: (0 | 1)[];
  /** P(gain) of each test row; the single class (0 or 1) when `singleClass`. */
  probabilities: number[];
  /** The training rows had one class: no model can be fitted, so that class is predicted for every row. */
  singleClass: boolean;
}

/** One train/test round: scale on the training rows only, fit, predict the test rows. */
export function fitAndPredict(
  train: readonly (readonly number[])[],
  labels: readonly (0 | 1)[],
  test: readonly (readonly number[])[],
  C: number,
): FoldPrediction {
  const scaler = fitMinMax(train);
  return fitScaledAndPredict(applyMinMax(scaler, train), labels, applyMinMax(scaler, test), C);
}

/** Fits already scaled training rows and predicts already scaled test rows (scaling does not depend on the labels). */
export function fitScaledAndPredict(
  train: readonly (readonly number[])[],
  labels: readonly (0 | 1)[],
  test: readonly (readonly number[])[],
  C: number,
): FoldPrediction {
  if (!labels.includes(0) || !labels.includes(1)) {
    return { predicted: test.map(() => labels[0]), probabilities: test.map(() => labels[0]), singleClass: true };
  }
  const model = fitLogisticRegression(train, labels, { C });
  const probabilities = test.map((x) => predictProbability(model, x));
  return { predicted: probabilities.map(labelOf), probabilities, singleClass: false };
}
