import type { PairFeatureName } from '../features/pairRow.js';
import type { CurveFeatureMode } from '../features/taskFeatures.js';
import type { Baselines } from './baselines.js';
import type { CrossValidationResult } from './crossValidation.js';
import type { DroppedFeature } from './featureMatrix.js';
import type { RankingResult } from './featureRanking.js';
import type { FeatureSetName } from './featureSets.js';
import type { LeaveOneMainTaskOutResult } from './leaveOneMainTaskOut.js';
import type { FittedPair, MetaModel } from './metaModel.js';

/** A result that could not be computed, and why (one class only, too few pairs, no features of the set…). */
export interface Unavailable {
  status: 'unavailable';
  reason: string;
}
export type Outcome<T> = ({ status: 'ok' } & T) | Unavailable;

/** How the meta-model was fitted and evaluated, so meta.json can be read without the code. */
export interface MetaProtocol {
  label: string;
  significantOnly: boolean;
  /** The curve features' definitions: taskrel's own or the paper notebook's. */
  curveFeatures: CurveFeatureMode;
  model: string;
  C: number;
  scaling: string;
  seed: number;
  crossValidation: { repetitions: number; folds: number; stratified: true; pooling: string };
  leaveOneMainTaskOut: string;
  ranking: { splits: number; trainFraction: number; stratified: true; method: string };
}

export interface SetEvaluation {
  features: PairFeatureName[];
  crossValidation: Outcome<CrossValidationResult>;
  leaveOneMainTaskOut: Outcome<LeaveOneMainTaskOutResult>;
}

/** Everything meta.json holds. */
export interface MetaReport {
  format: 'taskrel-meta/1';
  protocol: MetaProtocol;
  data: { pairs: number; tasks: number; mainTasks: number; gains: number; noGains: number };
  features: {
    /** Pair features present for every pair, the ones the model uses. */
    used: PairFeatureName[];
    dropped: DroppedFeature[];
    /** Used features with one value over all pairs (they cannot inform the model). */
    constant: PairFeatureName[];
  };
  baselines: Baselines;
  evaluations: Record<FeatureSetName, Outcome<SetEvaluation>>;
  ranking: Outcome<RankingResult>;
  /** Fitted on all pairs with all used features. */
  model: Outcome<MetaModel>;
  /**
   * Each pair's in-sample P(gain) under `model` (empty without one); null in a meta.json written before taskrel
   * stored them (`taskrel analyze` writes them).
   */
  fitted: FittedPair[] | null;
  /** Plain statements a reader should not miss (missing features, single-class folds, small data). */
  notes: string[];
}
