import { Rng } from '../shared/random.js';
import { type PredictorScores, scoreHeldOut } from './heldOutScores.js';
import type { PairSet, PairTruth } from './pairSet.js';
import type { Scorer } from './predictor.js';

/**
 * The statistics the permutation test asks "better than chance?" about: which direction is better, and which
 * gains are shuffled. Sign accuracy shuffles over all pairs (any pair's gain could be any other's). Ranking and
 * regret compare the auxiliary tasks of one main task, so each main task keeps its own gains, reassigned to its
 * auxiliary tasks at random: a shuffle over all pairs would mix main tasks whose gains differ in spread and make
 * a random choice look worse than it is.
 */
export const TestedStatistics = {
  accuracy: { better: 'higher', shuffle: 'all' },
  spearmanPerMain: { better: 'higher', shuffle: 'within-main' },
  regret: { better: 'lower', shuffle: 'within-main' },
} as const;
export type TestedStatistic = keyof typeof TestedStatistics;
type Shuffle = (typeof TestedStatistics)[TestedStatistic]['shuffle'];

/** One-sided permutation p-value per statistic; null where the observed statistic is undefined. */
export type PermutationPValues = Record<TestedStatistic, number | null>;

const statistics = Object.keys(TestedStatistics) as TestedStatistic[];

/**
 * The label-permutation test (Ojala & Garriga 2010, test 1): the measured gains, each with its label, are
 * shuffled and the whole held-out protocol runs again — fitted predictors refit on the shuffled gains, main task
 * by main task — `permutations` times per kind of shuffle. p = (1 + #{permuted at least as good}) / (1 +
 * permutations); a permutation where the statistic is undefined counts as at least as good (conservative). Every
 * scorer draws the same shuffles from `seed`, so predictors on the same pairs face the same permutations.
 */
export function permutationTest(
  scorer: Scorer,
  truth: PairTruth,
  observed: PredictorScores,
  options: { permutations: number; seed: number; onProgress?: (done: number) => void },
): PermutationPValues {
  const asGood = { accuracy: 0, spearmanPerMain: 0, regret: 0 };
  const shuffles: Shuffle[] = ['all', 'within-main'];
  const streams = shuffles.map((shuffle) => new Rng(options.seed).fork(`label-permutation:${shuffle}`));
  for (let k = 0; k < options.permutations; k++) {
    shuffles.forEach((shuffle, s) => {
      const shuffled = shuffleTruth(scorer.pairs, truth, shuffle, streams[s]);
      const permuted = scoreHeldOut(scorer.pairs, shuffled, scorer.heldOut(shuffled));
      for (const statistic of statistics) {
        const { better, shuffle: kind } = TestedStatistics[statistic];
        const reference = observed[statistic];
        if (kind !== shuffle || reference === null) continue;
        const value = permuted[statistic];
        const tolerance = 1e-12;
        if (value === null || (better === 'higher' ? value >= reference - tolerance : value <= reference + tolerance))
          asGood[statistic] += 1;
      }
    });
    if ((k + 1) % 25 === 0 || k + 1 === options.permutations) options.onProgress?.(k + 1);
  }
  const p = (statistic: TestedStatistic): number | null =>
    observed[statistic] === null ? null : (1 + asGood[statistic]) / (1 + options.permutations);
  return { accuracy: p('accuracy'), spearmanPerMain: p('spearmanPerMain'), regret: p('regret') };
}

/** The truth with its (gain, label) pairs permuted over all pairs, or within each main task's pairs. */
export function shuffleTruth(pairs: PairSet, truth: PairTruth, shuffle: Shuffle, random: Rng): PairTruth {
  const source = truth.gains.map((_, i) => i);
  const blocks = shuffle === 'all' ? [source] : pairs.groups.map((g) => [...g.rows]);
  const order = new Array<number>(source.length);
  for (const rows of blocks) {
    const drawn = random.shuffle([...rows]);
    rows.forEach((row, k) => {
      order[row] = drawn[k];
    });
  }
  return { gains: order.map((i) => truth.gains[i]), labels: order.map((i) => truth.labels[i]) };
}

/**
 * Holm's step-down adjustment of p-values for testing several predictors at once (null entries are not tests):
 * the k-th smallest of m is multiplied by m − k + 1, kept monotone, capped at 1.
 */
export function holmAdjusted(pValues: readonly (number | null)[]): (number | null)[] {
  const tested = pValues.flatMap((p, i) => (p === null ? [] : [{ p, i }])).sort((a, b) => a.p - b.p);
  const adjusted: (number | null)[] = pValues.map(() => null);
  let running = 0;
  tested.forEach(({ p, i }, k) => {
    running = Math.max(running, Math.min(1, (tested.length - k) * p));
    adjusted[i] = running;
  });
  return adjusted;
}
