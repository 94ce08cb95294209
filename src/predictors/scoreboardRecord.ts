import type { Interval, IntervalStatistic } from './bootstrap.js';
import type { FixedChoiceComparison } from './versusFixedChoice.js';
import type { GroupingComparison } from './groupings.js';
import type { PredictorScores } from './heldOutScores.js';
import type { PermutationPValues } from './permutationTest.js';
import type { Cost, NewTaskNeed, PredictorFamily } from './predictor.js';
import type { StudyCost } from './studyCost.js';

/** One pair's held-out prediction next to what the study measured. */
export interface StoredPrediction {
  main: string;
  aux: string;
  score: number;
  /** Predicted sign: 1 = gain. */
  predicted: 0 | 1;
  gain: number;
  label: 0 | 1;
}

/** What every row of the scoreboard says about its predictor, available or not. */
export interface PredictorAbout {
  name: string;
  label: string;
  family: PredictorFamily;
  newTask: NewTaskNeed;
  definition: string;
}

export interface ScoredEntry extends PredictorAbout {
  status: 'ok';
  /** The score meaning "no effect"; null when the sign cut is fitted on the other main tasks. */
  neutral: number | null;
  reliability: number | null;
  cost: Cost;
  costNote: string;
  /** Cost over the pairwise study's; seconds null when the predictor's were not measured. */
  ratio: { batches: number; seconds: number | null };
  predictions: StoredPrediction[];
  scores: PredictorScores;
  /** Regret of the best fixed choice (the auxiliary task with the best mean gain on the other main tasks) on the same pairs. */
  fixedRegret: number;
  /** Its first choices against the best fixed choice's, main task by main task. */
  versusFixed: FixedChoiceComparison;
  intervals: Record<IntervalStatistic, Interval>;
  pValues: PermutationPValues;
  /** Holm-adjusted over the scoreboard's available predictors, per statistic. */
  adjustedPValues: PermutationPValues;
}

export type ScoreboardEntry = ScoredEntry | (PredictorAbout & { status: 'unavailable'; reason: string });

/** How the scoreboard was computed, so predictors.json can be read without the code. */
export interface ScoreboardProtocol {
  permutations: number;
  resamples: number;
  seed: number;
  alpha: number;
  /** The protocol in sentences. */
  description: string[];
}

/** What `taskrel predictors` stores as predictors.json: every predictor scored against the study's gains. */
export interface ScoreboardRecord {
  format: 'taskrel-predictors/1';
  study: string;
  createdAt: string;
  /** SHA-256 of the files it was computed from (null: absent), so a reader can tell when it is out of date. */
  inputs: ScoreboardInputs;
  protocol: ScoreboardProtocol;
  truth: {
    tasks: string[];
    pairs: number;
    mainTasks: number;
    gained: number;
    /** What counts as a gain (the study's label rule). */
    label: string;
    /** Pairs of gains.csv without a relative gain, left out of every score, and why. */
    excluded: { main: string; aux: string; reason: string }[];
    cost: StudyCost;
  };
  predictors: ScoreboardEntry[];
  groupings: GroupingComparison[];
  notes: string[];
}

export const ScoreboardInputFiles = ['gains', 'pairs', 'affinity'] as const;
export type ScoreboardInputs = Record<(typeof ScoreboardInputFiles)[number], string | null>;
