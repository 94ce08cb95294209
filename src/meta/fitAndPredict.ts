import { fitLogisticRegression, predictLabel } from './logisticRegression.js';
import { applyMinMax, fitMinMax } from './minMaxScaler.js';

export interface FoldPrediction {
  predicted: (0 | 1)[];
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
  if (!labels.includes(0) || !labels.includes(1)) {
    return { predicted: test.map(() => labels[0]), singleClass: true };
  }
  const scaler = fitMinMax(train);
  const model = fitLogisticRegression(applyMinMax(scaler, train), labels, { C });
  return { predicted: applyMinMax(scaler, test).map((x) => predictLabel(model, x)), singleClass: false };
}
