import type { CurveFeatureMode } from '../features/taskFeatures.js';
import type { AffinityRecord } from '../affinity/affinityRecord.js';
import type { PairRow } from '../features/pairRow.js';
import type { Outcome } from '../meta/metaReport.js';
import type { RunResult } from '../study/runResult.js';
import type { StudySpec } from '../study/spec.js';
import type { PairSet, PairTruth } from './pairSet.js';
import type { TaskWordCounts, TrainingSamples } from './trainingSamples.js';

/** What a predictor's scores for these tasks cost: training batches and seconds (null: not measured). */
export interface Cost {
  batches: number;
  seconds: number | null;
}

/** A predictor's held-out output for each pair of its pair set, in that order. */
export interface HeldOutPredictions {
  /** Higher means "helps more"; only the order within a main task matters for ranking. */
  scores: readonly number[];
  /** The predicted sign: 1 = the pair gains. */
  predicted: readonly (0 | 1)[];
}

/** A predictor prepared on a study, ready to be scored against its gains. */
export interface Scorer {
  /** The pairs it scores: the study's, or fewer when its inputs cover fewer tasks. */
  pairs: PairSet;
  /**
   * Its held-out predictions when `truth` is what the study measured. A predictor fitted on gains (the
   * meta-model, a fitted threshold, the best mean gain) refits on `truth` leaving each main task out, so the
   * permutation test can rerun the whole protocol on shuffled gains.
   */
  heldOut(truth: PairTruth): HeldOutPredictions;
  /** The score meaning "no effect" (0 for an affinity, 0.5 for P(gain)); null when only its order means something. */
  neutral: number | null;
  /** Split-half reliability of the scores, when they are a mean over measurements. */
  reliability: number | null;
  cost: Cost;
  /** How the cost was counted, for a reader. */
  costNote: string;
}

/** Everything a predictor may draw on, read once from the study folder. */
export interface PredictorInputs {
  spec: StudySpec;
  /** The pairs with a relative gain: what every predictor is scored on (or a subset of it). */
  pairs: PairSet;
  /** The study's runs (of its seeds). */
  runs: readonly RunResult[];
  /** pairs.csv (task features per pair), or null before `taskrel analyze`. */
  pairRows: readonly PairRow[] | null;
  /** The meta-model's inverse L2 strength, as meta.json records it. */
  C: number;
  /** The curve-feature definitions pairs.csv was written with, as meta.json records them. */
  curveFeatures: CurveFeatureMode;
  /** affinity.json, or null before `taskrel affinity`. */
  affinity: AffinityRecord | null;
  /** Each task's training data as each seed's runs saw it. */
  samples: TrainingSamples;
  /** The same, counted per word type and label. */
  wordCounts: TaskWordCounts;
}

/** What scoring a new candidate main task takes. */
export const NewTaskNeeds = ['no training', 'single-task run', 'joint run'] as const;
export type NewTaskNeed = (typeof NewTaskNeeds)[number];

export const PredictorFamilies = ['meta-model', 'affinity', 'similarity', 'baseline'] as const;
export type PredictorFamily = (typeof PredictorFamilies)[number];

/** A method that predicts which auxiliary tasks help a main task: one file each, listed in the registry. */
export interface Predictor {
  /** Identifier in predictors.json (and on the command line). */
  name: string;
  label: string;
  family: PredictorFamily;
  /** What it needs of a new main task: `no training` predictors can rank candidates before any run. */
  newTask: NewTaskNeed;
  /** What the score is, in a sentence or two (the definition implemented, with its source). */
  definition: string;
  prepare(inputs: PredictorInputs): Promise<Outcome<Scorer>>;
}
