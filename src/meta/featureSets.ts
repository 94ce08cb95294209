import { type PairFeatureName, PairFeatureNames, taskFeatureOf } from '../features/pairRow.js';
import { CurveFeatureNames, DatasetFeatureNames, type TaskFeatureName } from '../features/taskFeatures.js';

/** The feature sets the meta-model is evaluated on: everything, dataset features only, curve features only. */
export const FeatureSetNames = ['all', 'data', 'curve'] as const;
export type FeatureSetName = (typeof FeatureSetNames)[number];

const members: Record<FeatureSetName, readonly TaskFeatureName[]> = {
  all: [...DatasetFeatureNames, ...CurveFeatureNames],
  data: DatasetFeatureNames,
  curve: CurveFeatureNames,
};

/** The pair features (main_, aux_, ratio_) built from the set's task features. */
export function featureSet(name: FeatureSetName): PairFeatureName[] {
  return PairFeatureNames.filter((feature) => members[name].includes(taskFeatureOf(feature)));
}
