import { type PairScores, bestPartition, partitionBenefit } from '../affinity/taskGrouping.js';
import { Rng } from '../shared/random.js';
import type { PairSet } from './pairSet.js';

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
  predictors: { name: string; partition: NamedPartition; benefitUnderGains: number }[];
}

/** A predictor's held-out scores for grouping: centred on its neutral value, so 0 means "no effect". */
export interface GroupingScores {
  name: string;
  pairs: PairSet;
  scores: readonly number[];
  neutral: number;
}

/**
 * Which tasks to train together (TAG's network selection, Fifty et al. 2021): for each k of `groupCounts`, the partition of the tasks with the largest benefit under the measured gains, and the one each predictor would
 * choose from its scores, valued by the gains. Pairs a predictor does not score count as neutral.
 */
export function compareGroupings(
  tasks: readonly string[],
  truth: { pairs: PairSet; gains: readonly number[] },
  predictors: readonly GroupingScores[],
  groupCounts: readonly number[],
  seed: number,
): GroupingComparison[] {
  const measured = pairMatrix(tasks, truth.pairs, truth.gains, 0);
  return groupCounts.map((k) => {
    const rng = new Rng(seed).fork(`grouping:${k}`);
    const best = bestPartition(measured, k, rng);
    return {
      k,
      method: best.method,
      truth: named(tasks, best),
      predictors: predictors.map(({ name, pairs, scores, neutral }) => {
        const chosen = bestPartition(pairMatrix(tasks, pairs, scores, neutral), k, rng);
        return { name, partition: named(tasks, chosen), benefitUnderGains: partitionBenefit(measured, chosen.groups) };
      }),
    };
  });
}

/** scores[aux][main] = value − neutral, 0 for pairs without a value. */
function pairMatrix(tasks: readonly string[], pairs: PairSet, values: readonly number[], neutral: number): PairScores {
  const matrix = tasks.map(() => tasks.map(() => 0));
  pairs.pairs.forEach(({ main, aux }, i) => {
    const [a, m] = [tasks.indexOf(aux), tasks.indexOf(main)];
    if (a >= 0 && m >= 0) matrix[a][m] = values[i] - neutral;
  });
  return matrix;
}

function named(tasks: readonly string[], partition: { groups: number[][]; benefit: number }): NamedPartition {
  return { groups: partition.groups.map((g) => g.map((i) => tasks[i])), benefit: partition.benefit };
}
