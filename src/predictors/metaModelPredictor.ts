import type { PairRow } from '../features/pairRow.js';
import { featureMatrix } from '../meta/featureMatrix.js';
import { type FeatureSetName, featureSet } from '../meta/featureSets.js';
import { labelOf } from '../meta/logisticRegression.js';
import { MainTaskFolds } from '../meta/mainTaskFolds.js';
import { PairSet, pairKey } from './pairSet.js';
import type { Predictor } from './predictor.js';
import { singleRunCost } from './studyCost.js';

const features: Record<FeatureSetName, string> = {
  all: 'all features',
  data: 'dataset features only',
  curve: 'learning-curve features only',
};
const described: Record<FeatureSetName, string> = {
  all: 'dataset and learning-curve features',
  data: 'dataset features',
  curve: 'learning-curve features',
};

/**
 * The meta-model (Bingel & Søgaard 2017) on one feature set, scored as a user meets it: P(gain) of each pair
 * from the logistic regression fitted on the other main tasks' pairs (leave-one-main-task-out, as meta.json's
 * held-out scores), refitted from the same features for every permutation of the gains.
 */
export function metaModelPredictor(set: FeatureSetName): Predictor {
  return {
    name: `meta-${set}`,
    label: `meta-model, ${features[set]}`,
    family: 'meta-model',
    newTask: set === 'data' ? 'no training' : 'single-task run',
    definition:
      `P(gain) of the logistic-regression meta-model (L2, features min-max scaled on the training part) on the ${described[set]} of ` +
      'main and auxiliary task, fitted on the pairs of the other main tasks; a gain is predicted above P = 0.5.',
    async prepare({ pairs, pairRows, runs, C, curveFeatures }) {
      if (pairRows === null) return { status: 'unavailable', reason: "no pairs.csv yet: run 'taskrel analyze' on the study folder" };
      const byKey = new Map(pairRows.map((row) => [pairKey(row.main, row.aux), row]));
      const rows = pairs.pairs.flatMap((p): PairRow[] => {
        const row = byKey.get(pairKey(p.main, p.aux));
        return row === undefined ? [] : [row];
      });
      if (rows.length === 0)
        return { status: 'unavailable', reason: "pairs.csv holds none of the pairs in gains.csv: run 'taskrel analyze' again" };
      const { matrix } = featureMatrix(rows, featureSet(set, curveFeatures));
      if (matrix.names.length === 0) return { status: 'unavailable', reason: `none of the ${features[set]} is present for every pair` };
      const scored = new PairSet(rows.map(({ main, aux }) => ({ main, aux })));
      if (scored.groups.length < 2) return { status: 'unavailable', reason: 'only one main task: nothing to hold out' };
      const folds = new MainTaskFolds(matrix);
      const curves = set !== 'data';
      return {
        status: 'ok',
        pairs: scored,
        heldOut(truth) {
          const { probabilities } = folds.fit(truth.labels, C);
          return { scores: probabilities, predicted: probabilities.map(labelOf) };
        },
        neutral: 0.5,
        reliability: null,
        cost: curves ? singleRunCost(runs, scored.tasks()) : { batches: 0, seconds: null },
        costNote: curves
          ? 'the single-task runs of these tasks (curve features); fitting needs the pairs of other main tasks, here this study’s'
          : 'no training: dataset features take seconds to compute (not counted); fitting needs the pairs of other main tasks, here this study’s',
      };
    },
  };
}
