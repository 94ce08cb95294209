import { Rng } from '../engine/rng.js';
import { hasRelativeGain } from '../features/pairRows.js';
import type { MetaReport } from '../meta/metaReport.js';
import type { GainRow } from '../study/gainRow.js';
import type { RunResult } from '../study/runResult.js';
import type { AffinityRecord } from './affinityRecord.js';
import { type PairPrediction, type PredictorScores, scorePredictions } from './predictorScores.js';
import { type Cost, type PredictorName, type PredictorOutcome, affinityPredictors, metaPredictor, pairKey, pairwiseCost } from './predictors.js';
import { type PairScores, bestPartition, partitionBenefit } from './taskGrouping.js';

export interface ScoredPredictor {
  status: 'ok';
  name: PredictorName;
  threshold: number;
  reliability: number | null;
  predictions: PairPrediction[];
  scores: PredictorScores;
  cost: Cost;
  costNote: string;
  /** Cost over the pairwise study's: batches / batches and seconds / seconds. */
  ratio: Cost;
}

export type PredictorResult = ScoredPredictor | { status: 'unavailable'; name: PredictorName; reason: string };

/** A partition by task name and its benefit under the scores it was chosen with. */
export interface NamedPartition {
  groups: string[][];
  benefit: number;
}

/** For k groups: the best partition under the measured gains, and each predictor's choice valued by the gains. */
export interface GroupingComparison {
  k: number;
  method: 'exhaustive' | 'search';
  truth: NamedPartition;
  predictors: { name: PredictorName; partition: NamedPartition; benefitUnderGains: number }[];
}

export interface AffinityComparison {
  /** Tasks of the affinity run with measured gains, sorted. */
  tasks: string[];
  study: Cost & { runs: number };
  predictors: PredictorResult[];
  groupings: GroupingComparison[];
}

/**
 * The predictors (lookahead affinity, gradient cosine, held-out meta-model) scored against the study's directed
 * gains, their costs next to the pairwise study's, and the task groupings each would choose. `groups`: the numbers
 * of groups to partition into (default 2 … min(4, n − 1)). Null when no gain involves two of the run's tasks.
 */
export function compareAffinity(
  record: AffinityRecord,
  study: { gains: readonly GainRow[]; runs: readonly RunResult[]; meta: MetaReport | null },
  groups?: readonly number[],
): AffinityComparison | null {
  const measured = study.gains.filter(hasRelativeGain).filter((g) => record.tasks.includes(g.main) && record.tasks.includes(g.aux));
  if (measured.length === 0) return null;
  const tasks = [...new Set(measured.flatMap((g) => [g.main, g.aux]))].sort((a, b) => a.localeCompare(b, 'en'));
  const cost = pairwiseCost(study.runs, tasks);
  const outcomes: PredictorOutcome[] = [
    ...affinityPredictors(record).map((p) => ({ status: 'ok' as const, ...p })),
    metaPredictor(study.meta, study.runs, tasks),
  ];
  const predictors = outcomes.map((outcome): PredictorResult => {
    if (outcome.status !== 'ok') return outcome;
    const predictions = measured.flatMap(({ main, aux, gain }) => {
      const predicted = outcome.scores.get(pairKey(main, aux));
      return predicted === undefined ? [] : [{ main, aux, predicted, gain }];
    });
    if (predictions.length === 0) return { status: 'unavailable', name: outcome.name, reason: 'it scores none of the pairs in gains.csv' };
    return {
      status: 'ok',
      name: outcome.name,
      threshold: outcome.threshold,
      reliability: outcome.reliability,
      predictions,
      scores: scorePredictions(predictions, outcome.threshold),
      cost: outcome.cost,
      costNote: outcome.costNote,
      ratio: { batches: outcome.cost.batches / cost.batches, seconds: outcome.cost.seconds / cost.seconds },
    };
  });
  const ks = groups ?? defaultGroupCounts(tasks.length);
  const truth = pairMatrix(tasks, measured.map(({ main, aux, gain }) => ({ main, aux, predicted: gain })), 0);
  const scored = predictors.flatMap((p) => (p.status === 'ok' ? [p] : []));
  const groupings = ks.map((k): GroupingComparison => {
    const rng = new Rng(record.settings.seed).fork(`grouping:${k}`);
    const best = bestPartition(truth, k, rng);
    return {
      k,
      method: best.method,
      truth: named(tasks, best),
      predictors: scored.map(({ name, predictions, threshold }) => {
        const chosen = bestPartition(pairMatrix(tasks, predictions, threshold), k, rng);
        return { name, partition: named(tasks, chosen), benefitUnderGains: partitionBenefit(truth, chosen.groups) };
      }),
    };
  });
  return { tasks, study: cost, predictors, groupings };
}

/** 2 … min(4, n − 1) groups: one group is the single joint model and n groups no sharing at all. */
function defaultGroupCounts(n: number): number[] {
  const counts: number[] = [];
  for (let k = 2; k <= Math.min(4, n - 1); k++) counts.push(k);
  return counts;
}

/** scores[aux][main] = predicted − threshold (so 0 is neutral), 0 for pairs without a score. */
function pairMatrix(tasks: string[], pairs: readonly Pick<PairPrediction, 'main' | 'aux' | 'predicted'>[], threshold: number): PairScores {
  const scores = tasks.map(() => tasks.map(() => 0));
  for (const { main, aux, predicted } of pairs) scores[tasks.indexOf(aux)][tasks.indexOf(main)] = predicted - threshold;
  return scores;
}

function named(tasks: string[], partition: { groups: number[][]; benefit: number }): NamedPartition {
  return { groups: partition.groups.map((g) => g.map((i) => tasks[i])), benefit: partition.benefit };
}
