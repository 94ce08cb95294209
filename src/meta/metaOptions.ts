import type { CurveFeatureMode } from '../features/taskFeatures.js';
import type { MetaProtocol } from './metaReport.js';

export interface MetaOptions {
  /** Inverse L2 strength, scikit-learn's C. */
  C: number;
  repetitions: number;
  folds: number;
  rankingSplits: number;
  trainFraction: number;
  seed: number;
  /** Recorded in the protocol; the labels in the pair rows already follow it. */
  significantOnly: boolean;
  /** Which definitions the pair rows' curve features follow; the feature sets take that mode's features. */
  curveFeatures: CurveFeatureMode;
}

export const defaultMetaOptions: MetaOptions = {
  C: 1,
  repetitions: 100,
  folds: 5,
  rankingSplits: 100,
  trainFraction: 0.8,
  seed: 1,
  significantOnly: false,
  curveFeatures: 'taskrel',
};

/** The protocol as meta.json states it, in words a reader can check against the numbers. */
export function describeProtocol(o: MetaOptions): MetaProtocol {
  return {
    label: o.significantOnly ? 'gain: relative gain > 0 and paired t-test p < 0.05' : 'gain: relative gain > 0',
    significantOnly: o.significantOnly,
    curveFeatures: o.curveFeatures,
    model: 'logistic regression, L2 penalty ½‖w‖² + C·Σ log-loss, intercept unpenalised (scikit-learn defaults)',
    C: o.C,
    scaling: 'min-max, fitted on each training part only',
    seed: o.seed,
    crossValidation: {
      repetitions: o.repetitions,
      folds: o.folds,
      stratified: true,
      pooling: 'out-of-fold predictions pooled per repetition; mean and sd over repetitions',
    },
    leaveOneMainTaskOut: 'all pairs of one main task held out together and predicted from the other pairs; scores over all pairs',
    ranking: {
      splits: o.rankingSplits,
      trainFraction: o.trainFraction,
      stratified: true,
      method:
        'coefficients of the all-feature model and recursive elimination (drop the smallest |coefficient|), ' +
        "averaged over splits; ablation scored on each split's held-out part",
    },
  };
}
