import type { CurveFeatureResult } from './curve/curveFeatures.js';
import type { DatasetFeatureResult } from './dataset/datasetFeatures.js';
import { DatasetFeatureNames, type TaskFeatures } from './taskFeatures.js';

/** Dataset features that are all absent for one reason (e.g. imported runs whose data is not at hand). */
export function absentDatasetFeatures(reason: string): DatasetFeatureResult {
  return { values: {}, missing: Object.fromEntries(DatasetFeatureNames.map((name) => [name, reason])) };
}

/** One task's record from its dataset and curve features. */
export function taskFeatureRecord(task: string, dataset: DatasetFeatureResult, curve: CurveFeatureResult): TaskFeatures {
  return {
    task,
    values: { ...dataset.values, ...curve.values },
    missing: { ...dataset.missing, ...curve.missing },
    curveFit: curve.curveFit,
  };
}
