import { quantileSorted } from 'simple-statistics';
import { Rng } from '../shared/random.js';
import { type PredictorScores, scoreHeldOut } from './heldOutScores.js';
import { PairSet, type PairTruth } from './pairSet.js';
import type { HeldOutPredictions } from './predictor.js';

/** The statistics given with an interval. */
export const IntervalStatistics = ['spearman', 'spearmanPerMain', 'accuracy', 'regret', 'topOnePrecision'] as const;
export type IntervalStatistic = (typeof IntervalStatistics)[number];

/** A 95 % percentile interval; null when fewer than half the resamples define the statistic. */
export type Interval = [number, number] | null;

/**
 * Percentile bootstrap intervals over main tasks: `resamples` times, draw as many main tasks as there are with
 * replacement and score the drawn tasks' held-out predictions again (not refitted: the interval is about which
 * main tasks happened to be in the study). With few main tasks the intervals are rough and too narrow.
 */
export function bootstrapIntervals(
  pairs: PairSet,
  truth: PairTruth,
  held: HeldOutPredictions,
  options: { resamples: number; seed: number },
): Record<IntervalStatistic, Interval> {
  const random = new Rng(options.seed).fork('bootstrap-main-tasks');
  const values: Record<IntervalStatistic, number[]> = { spearman: [], spearmanPerMain: [], accuracy: [], regret: [], topOnePrecision: [] };
  const { groups } = pairs;
  for (let b = 0; b < options.resamples; b++) {
    const rows: number[] = [];
    const drawn: { main: string; aux: string }[] = [];
    for (let k = 0; k < groups.length; k++) {
      const group = groups[random.int(groups.length)];
      // A task drawn twice counts as two main tasks.
      for (const i of group.rows) {
        rows.push(i);
        drawn.push({ main: `${group.main}#${k}`, aux: pairs.pairs[i].aux });
      }
    }
    const scores: PredictorScores = scoreHeldOut(
      new PairSet(drawn),
      { gains: rows.map((i) => truth.gains[i]), labels: rows.map((i) => truth.labels[i]) },
      { scores: rows.map((i) => held.scores[i]), predicted: rows.map((i) => held.predicted[i]) },
    );
    for (const statistic of IntervalStatistics) {
      const value = scores[statistic];
      if (value !== null) values[statistic].push(value);
    }
  }
  const interval = (sample: number[]): Interval => {
    if (sample.length < options.resamples / 2) return null;
    const sorted = [...sample].sort((a, b) => a - b);
    return [quantileSorted(sorted, 0.025), quantileSorted(sorted, 0.975)];
  };
  return {
    spearman: interval(values.spearman),
    spearmanPerMain: interval(values.spearmanPerMain),
    accuracy: interval(values.accuracy),
    regret: interval(values.regret),
    topOnePrecision: interval(values.topOnePrecision),
  };
}
