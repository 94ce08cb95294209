import type { TaskFeatures } from '../features/taskFeatures.js';
import type { RelativeGainRow } from '../features/pairRows.js';
import type { TaskKind } from '../tasks/task.js';
import type { Baselines } from './baselines.js';
import type { DroppedFeature } from './featureMatrix.js';
import type { GainRegression, GainRegressionCheck } from './gainRegression.js';
import type { MetaModel } from './metaModel.js';
import type { Outcome } from './metaReport.js';
import type { OutsideRange } from './outsideRange.js';
import type { PredictorColumn } from './predictorColumn.js';
import type { RankedAux } from './recommendAux.js';
import { type RankingAgreement, type RecommendationEvaluation, rankingAgreement } from './recommendationEvaluation.js';

/** A gain as gains.csv states it: mean relative gain over seeds, its 95 % interval and paired t-test. */
export type MeasuredGain = Pick<RelativeGainRow, 'gain' | 'ciLow' | 'ciHigh' | 'pValue' | 'singleF1' | 'pairF1' | 'seeds'>;

/** The gain measured by training the pair (`--verify`), with the knowledge study's label rule. */
export interface VerifiedGain extends MeasuredGain {
  label: 0 | 1;
}

/** A predicted relative gain with its split-conformal interval (null bounds: too few held-out pairs to size it). */
export interface PredictedGain {
  gain: number;
  low: number | null;
  high: number | null;
}

export interface RecommendedAux extends RankedAux {
  /** By the gain regression on the same features; null when it could not be fitted. */
  predictedGain: PredictedGain | null;
  /** The knowledge study's own measurement of this directed pair (at its caps), when it has both tasks. */
  measuredInStudy: MeasuredGain | null;
  /** null: not trained; unavailable: trained but not scored, or not trainable here (with the reason). */
  verified: Outcome<VerifiedGain> | null;
}

/** The main task or a candidate, as its runs saw it. */
export interface RecommendTask {
  name: string;
  kind: TaskKind;
  description: string;
  source: string;
  /**
   * Examples per split as its runs saw them: for a knowledge-study task, the training split at the study's cap
   * (features.csv), dev and test not recorded (null).
   */
  sizes: { train: number; dev: number | null; test: number | null };
  /** Test F1 of its single-task runs (best dev checkpoint), mean over `seeds` of them; null if it has none. */
  singleF1: number | null;
  seeds: number;
  /** `recommend`: trained (or reused) for recommendations; `study`: the knowledge study's own runs. */
  runs: 'recommend' | 'study';
}

/** What producing the recommendation cost. */
export interface RecommendCost {
  /** Seeds of the single-task runs. */
  seeds: number[];
  /** The single-task runs the ranking needs: how many, how many this call trained, and all their run seconds. */
  singles: { runs: number; trained: number; runSeconds: number };
  /** Training some predictors need (the joint run of TAG's lookahead), by predictor column id. */
  predictors: { id: string; batches: number; seconds: number; reused: boolean }[];
  verification: { runs: number; trained: number; runSeconds: number; seeds: number[] } | null;
  /** This call from start to finish, preparation and analysis included. */
  wallSeconds: number;
}

/**
 * Everything `recommend-<task>.json` holds: which candidate auxiliary tasks to train a main task with, ranked by
 * the meta-model fitted on a knowledge study's pairs, next to other predictors, with how far each is trusted
 * and, when verified, what training the pairs showed.
 */
export interface Recommendation {
  format: 'taskrel-recommendation/2';
  knowledge: {
    study: string;
    folder: string;
    /** The study shipped with taskrel (used when no --study is given). */
    shipped: boolean;
    tasks: number;
    pairs: number;
    /** Smallest and largest training split among its tasks, as its runs saw them (features.csv `sentences`). */
    trainRange: { min: number; max: number } | null;
  };
  /** `given`: the user's candidates, each at its own size; `study`: the knowledge study's tasks at its caps. */
  candidatesFrom: 'given' | 'study';
  main: RecommendTask;
  candidates: RecommendTask[];
  /** Dataset and curve features of the tasks trained for this recommendation (the study's are in its features.csv). */
  features: TaskFeatures[];
  /** The meta-model fitted on the knowledge study's pairs with the features every candidate pair has too. */
  model: MetaModel & {
    trainingPairs: number;
    dropped: DroppedFeature[];
    /** A knowledge-study task of the main task's name, whose pairs were left out so the main task is new to the model. */
    leftOut: string | null;
  };
  /** The relative gain modelled on the same pairs and features, and its check on held-out main tasks. */
  gainModel: (GainRegression & { check: GainRegressionCheck | null }) | null;
  /** Every candidate, most likely to help first by the meta-model's P(gain). */
  ranking: RecommendedAux[];
  /** The ranking table's columns: the meta-model's first, then every other predictor that could score the candidates. */
  predictors: PredictorColumn[];
  trust: {
    /** The study's meta-model (all features) on held-out main tasks, from meta.json. */
    leaveOneMainTaskOut: Outcome<{ accuracy: number; f1: number | null }>;
    baselines: Baselines;
    /** This ranking procedure replayed on each of the study's own tasks as if it were new. */
    heldOut: RecommendationEvaluation;
  };
  /** Tasks whose features lie far outside the pairs the model was fitted on. */
  outsideRange: OutsideRange[];
  /** Plain statements a reader should not miss (dropped features, a left-out study task, untrainable pairs). */
  notes: string[];
  cost: RecommendCost;
}

/**
 * How the ranking agrees with the gains measured by `--verify`, over the trained pairs in rank order (so
 * precision is that of the best-ranked trained pair); null when no pair was measured.
 */
export function verificationAgreement(ranking: readonly RecommendedAux[]): (RankingAgreement & { pairs: number; topRank: number }) | null {
  const measured = ranking.flatMap((r) =>
    r.verified?.status === 'ok' ? [{ rank: r.rank, probability: r.probability, ...r.verified }] : [],
  );
  if (measured.length === 0) return null;
  return { ...rankingAgreement(measured), pairs: measured.length, topRank: measured[0].rank };
}
