import { mean, sampleRankCorrelation } from 'simple-statistics';
import type { PairSet, PairTruth } from './pairSet.js';
import type { HeldOutPredictions } from './predictor.js';

export interface MainTaskScores {
  main: string;
  pairs: number;
  /** Spearman ρ over its auxiliary tasks; null below three or when either side is constant. */
  spearman: number | null;
  /** The auxiliary task(s) ranked first (all of them when tied, by name) and their mean measured gain. */
  top: string[];
  topGain: number;
  /** The auxiliary task that gained most, and its gain. */
  best: string;
  bestGain: number;
  /** bestGain − topGain: what following the predictor's first choice costs against the best available. */
  regret: number;
  /** bestGain − the mean gain: what a random choice costs on average. */
  randomRegret: number;
}

/** How well one predictor's held-out predictions agree with the measured gains. */
export interface PredictorScores {
  pairs: number;
  mainTasks: number;
  /** Spearman ρ (mid-ranks for ties) over all pairs; null when undefined. It mixes main tasks of different scales. */
  spearman: number | null;
  /** Mean of the defined per-main-task ρ (over `spearmanTasks` main tasks): the ranking a user of one main task sees. */
  spearmanPerMain: number | null;
  spearmanTasks: number;
  /** Share of pairs whose predicted sign is the measured label. */
  accuracy: number;
  /** What always predicting the more frequent label scores: what `accuracy` must beat. */
  majorityAccuracy: number;
  /** Mean over main tasks of MainTaskScores.regret (ties at the top: their mean gain). */
  regret: number;
  /** Mean over main tasks of the regret of a random choice. */
  randomRegret: number;
  /** Share of main tasks whose top-ranked auxiliary task gained (ties: the share of the tied ones that gained). */
  topOnePrecision: number;
  /** The same for a random choice: the mean share of gaining auxiliary tasks per main task. */
  randomTopOnePrecision: number;
  mains: MainTaskScores[];
}

/** Spearman's ρ needs a few ranks before it says anything (with two it is always ±1). */
const MIN_RANKED = 3;

/** Scores held-out predictions for the pairs of `pairs` against `truth` (both aligned with the pair set). */
export function scoreHeldOut(pairs: PairSet, truth: PairTruth, held: HeldOutPredictions): PredictorScores {
  if (pairs.size === 0) throw new Error('scoreHeldOut: no pairs');
  const { gains, labels } = truth;
  const { scores, predicted } = held;
  const topPrecision: number[] = [];
  const randomPrecision: number[] = [];
  const mains = pairs.groups.map(({ main, rows }): MainTaskScores => {
    const top = Math.max(...rows.map((i) => scores[i]));
    const tied = rows.filter((i) => scores[i] === top);
    const best = rows.reduce((a, b) => (gains[b] > gains[a] ? b : a));
    const topGain = mean(tied.map((i) => gains[i]));
    topPrecision.push(mean(tied.map((i) => labels[i])));
    randomPrecision.push(mean(rows.map((i) => labels[i])));
    return {
      main,
      pairs: rows.length,
      spearman: spearman(
        rows.map((i) => scores[i]),
        rows.map((i) => gains[i]),
      ),
      top: tied.map((i) => pairs.pairs[i].aux).sort((a, b) => a.localeCompare(b, 'en')),
      topGain,
      best: pairs.pairs[best].aux,
      bestGain: gains[best],
      regret: gains[best] - topGain,
      randomRegret: gains[best] - mean(rows.map((i) => gains[i])),
    };
  });
  const rhos = mains.flatMap((m) => (m.spearman === null ? [] : [m.spearman]));
  const gained = labels.filter((l) => l === 1).length;
  return {
    pairs: pairs.size,
    mainTasks: mains.length,
    spearman: spearman([...scores], [...gains]),
    spearmanPerMain: rhos.length === 0 ? null : mean(rhos),
    spearmanTasks: rhos.length,
    accuracy: labels.filter((l, i) => predicted[i] === l).length / pairs.size,
    majorityAccuracy: Math.max(gained, pairs.size - gained) / pairs.size,
    regret: mean(mains.map((m) => m.regret)),
    randomRegret: mean(mains.map((m) => m.randomRegret)),
    topOnePrecision: mean(topPrecision),
    randomTopOnePrecision: mean(randomPrecision),
    mains,
  };
}

function spearman(x: number[], y: number[]): number | null {
  if (x.length < MIN_RANKED) return null;
  const rho = sampleRankCorrelation(x, y);
  // Rounding can put a perfect (anti-)correlation a hair outside [−1, 1].
  return Number.isFinite(rho) ? Math.max(-1, Math.min(1, rho)) : null;
}
