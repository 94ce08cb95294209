import type { TaskFeatures } from '../features/taskFeatures.js';
import type { SplitName, TaskKind } from '../tasks/task.js';
import type { Baselines } from './baselines.js';
import type { DroppedFeature } from './featureMatrix.js';
import type { MetaModel } from './metaModel.js';
import type { Outcome } from './metaReport.js';
import type { RankedAux } from './recommendAux.js';
import { type RankingAgreement, type RecommendationEvaluation, rankingAgreement } from './recommendationEvaluation.js';

/** The gain measured by training the pair (`--verify`), as gains.csv states it, with the study's label rule. */
export interface VerifiedGain {
  gain: number;
  pValue: number | null;
  singleF1: number;
  pairF1: number;
  seeds: number;
  label: 0 | 1;
}

export interface RecommendedAux extends RankedAux {
  /** null: not trained; unavailable: trained but not scored, or not trainable here (with the reason). */
  verified: Outcome<VerifiedGain> | null;
}

/**
 * Everything `<study>/recommend-<task>.json` holds: which of a study's tasks to train with a new main task,
 * why, how far to trust it and, when verified, what training the pairs showed.
 */
export interface Recommendation {
  format: 'taskrel-recommendation/1';
  /** The study's name; the file sits in its folder. */
  study: string;
  task: {
    name: string;
    kind: TaskKind;
    description: string;
    source: string;
    /** Examples per split. */
    sizes: Record<SplitName, number>;
    /** Test F1 of its single-task runs (best dev checkpoint), mean over the study's seeds. */
    singleF1: number;
  };
  /** Its dataset features and the curve features of its single-task runs. */
  features: TaskFeatures;
  /** The meta-model fitted on all the study's pairs, with the features the new task has too. */
  model: MetaModel & { trainingPairs: number; dropped: DroppedFeature[] };
  /** Every study task as auxiliary task, most likely to help first. */
  ranking: RecommendedAux[];
  trust: {
    /** The study's meta-model (all features) on held-out main tasks, from meta.json. */
    leaveOneMainTaskOut: Outcome<{ accuracy: number; f1: number | null }>;
    baselines: Baselines;
    /** This ranking procedure replayed on each of the study's own tasks as if it were new. */
    heldOut: RecommendationEvaluation;
  };
  /** Plain statements a reader should not miss (dropped features, extrapolation, untrainable pairs). */
  notes: string[];
}

/**
 * How the ranking agrees with the gains measured by `--verify`, over the trained pairs in rank order (so
 * precision is that of the best-ranked trained pair); null when no pair was measured.
 */
export function verificationAgreement(ranking: readonly RecommendedAux[]): (RankingAgreement & { pairs: number; topRank: number }) | null {
  const measured = ranking.flatMap((r) => (r.verified?.status === 'ok' ? [{ rank: r.rank, probability: r.probability, ...r.verified }] : []));
  if (measured.length === 0) return null;
  return { ...rankingAgreement(measured), pairs: measured.length, topRank: measured[0].rank };
}
