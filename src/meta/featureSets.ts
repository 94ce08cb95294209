import { type PairFeatureName, pairFeatureNames, taskFeatureOf } from '../features/pairRow.js';
import { type CurveFeatureMode, curveFeatureNames, DatasetFeatureNames, type TaskFeatureName } from '../features/taskFeatures.js';

/** The feature sets the meta-model is evaluated on: everything, dataset features only, curve features only. */
export const FeatureSetNames = ['all', 'data', 'curve'] as const;
export type FeatureSetName = (typeof FeatureSetNames)[number];

function members(name: FeatureSetName, mode: CurveFeatureMode): readonly TaskFeatureName[] {
  if (name === 'data') return DatasetFeatureNames;
  if (name === 'curve') return curveFeatureNames(mode);
  return [...DatasetFeatureNames, ...curveFeatureNames(mode)];
}

/** The pair features (main_, aux_, ratio_) built from the set's task features in a curve-feature mode. */
export function featureSet(name: FeatureSetName, mode: CurveFeatureMode): PairFeatureName[] {
  const names = members(name, mode);
  return pairFeatureNames(mode).filter((feature) => names.includes(taskFeatureOf(feature)));
}
