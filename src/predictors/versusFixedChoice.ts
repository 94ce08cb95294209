import { mean, quantileSorted } from 'simple-statistics';
import { Rng } from '../shared/random.js';
import type { Interval } from './bootstrap.js';
import type { MainTaskScores } from './heldOutScores.js';

/**
 * A predictor's first choices against the best fixed choice (the auxiliary task with the best mean gain on the other
 * main tasks), main task by main task. A predictor that beats a random choice may still do no better than this
 * choice, which needs no model at all.
 */
export interface FixedChoiceComparison {
  /** Mean over main tasks of (the predictor's regret@1 − the fixed choice's); negative: the predictor chose better. */
  meanDifference: number;
  /** 95 % percentile bootstrap interval over main tasks of the mean difference; null with fewer than 2 main tasks. */
  interval: Interval;
  /** Main tasks where the predictor's first choice gained more than the fixed choice, less, or as much. */
  better: number;
  worse: number;
  same: number;
  /**
   * One-sided paired sign-flip test (under no difference each main task's difference is as likely negated): the
   * share of sign assignments whose mean difference is at most the observed one. Exact up to 16 main tasks.
   */
  pValue: number;
}

const EXACT_LIMIT = 16;

/** Compares per main task; both lists hold the same main tasks (the scorer's groups), in any order. */
export function versusFixedChoice(
  predictor: readonly MainTaskScores[],
  fixed: readonly MainTaskScores[],
  options: { resamples: number; seed: number },
): FixedChoiceComparison {
  const fixedRegret = new Map(fixed.map((m) => [m.main, m.regret]));
  const differences = predictor.map((m) => {
    const other = fixedRegret.get(m.main);
    if (other === undefined) throw new Error(`the fixed choice was not scored on main task ${m.main}`);
    return m.regret - other;
  });
  const observed = mean(differences);
  // Differences within rounding of zero are the same choice (or choices of equal gain).
  const tolerance = 1e-12;
  return {
    meanDifference: observed,
    interval: bootstrapMean(differences, options),
    better: differences.filter((d) => d < -tolerance).length,
    worse: differences.filter((d) => d > tolerance).length,
    same: differences.filter((d) => Math.abs(d) <= tolerance).length,
    pValue: signFlipPValue(differences, observed + tolerance, options),
  };
}

function signFlipPValue(differences: readonly number[], threshold: number, options: { resamples: number; seed: number }): number {
  const n = differences.length;
  const meanWithSigns = (negated: (i: number) => boolean): number => differences.reduce((s, d, i) => s + (negated(i) ? -d : d), 0) / n;
  if (n <= EXACT_LIMIT) {
    let atMost = 0;
    for (let mask = 0; mask < 2 ** n; mask++) if (meanWithSigns((i) => ((mask >> i) & 1) === 1) <= threshold) atMost++;
    return atMost / 2 ** n;
  }
  const random = new Rng(options.seed).fork('sign-flip-versus-fixed');
  let atMost = 1;
  for (let r = 0; r < options.resamples; r++) if (meanWithSigns(() => random.int(2) === 1) <= threshold) atMost++;
  return atMost / (options.resamples + 1);
}

function bootstrapMean(differences: readonly number[], options: { resamples: number; seed: number }): Interval {
  if (differences.length < 2) return null;
  const random = new Rng(options.seed).fork('bootstrap-versus-fixed');
  const means: number[] = [];
  for (let b = 0; b < options.resamples; b++) {
    let sum = 0;
    for (let k = 0; k < differences.length; k++) sum += differences[random.int(differences.length)];
    means.push(sum / differences.length);
  }
  means.sort((a, b) => a - b);
  return [quantileSorted(means, 0.025), quantileSorted(means, 0.975)];
}
