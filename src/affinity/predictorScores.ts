import { mean, sampleRankCorrelation } from 'simple-statistics';

/** A predictor's score for one directed pair (how much `aux` helps `main`) next to the gain the study measured. */
export interface PairPrediction {
  main: string;
  aux: string;
  predicted: number;
  gain: number;
}

export interface MainTaskScores {
  main: string;
  /** Spearman ρ over its auxiliary tasks; null below three or when either side is constant. */
  spearman: number | null;
  /** The auxiliary task the predictor ranks first (ties: the first by name) and its measured gain. */
  top: string;
  topGain: number;
}

/** How well one predictor's scores agree with the measured gains. */
export interface PredictorScores {
  pairs: number;
  /** Spearman ρ (mid-ranks for ties) over all directed pairs; null when undefined. */
  spearman: number | null;
  /** Mean of the per-main-task ρ that are defined (over `spearmanTasks` main tasks). */
  spearmanPerMain: number | null;
  spearmanTasks: number;
  /** Share of pairs where "score above the threshold" agrees with "gain > 0". */
  signAccuracy: number;
  /** The sign accuracy of always predicting the more frequent sign: what `signAccuracy` must beat. */
  majoritySignAccuracy: number;
  /** Share of main tasks whose top-ranked auxiliary task gained (gain > 0). */
  topOnePrecision: number;
  /** What picking an auxiliary task at random scores on average: the mean share of gaining ones per main task. */
  randomTopOnePrecision: number;
  mains: MainTaskScores[];
}

/** Spearman's ρ needs a few ranks before it says anything (with two it is always ±1). */
const MIN_RANKED = 3;

/** Scores a predictor's pair scores against the gains; `threshold` separates predicted gains (above) from the rest. */
export function scorePredictions(predictions: readonly PairPrediction[], threshold: number): PredictorScores {
  if (predictions.length === 0) throw new Error('scorePredictions: no pairs');
  const byMain = new Map<string, PairPrediction[]>();
  for (const p of predictions) byMain.set(p.main, [...(byMain.get(p.main) ?? []), p]);
  const mains = [...byMain].sort(([a], [b]) => a.localeCompare(b, 'en')).map(([main, own]): MainTaskScores => {
    const ranked = [...own].sort((a, b) => b.predicted - a.predicted || a.aux.localeCompare(b.aux, 'en'));
    return { main, spearman: spearman(own.map((p) => p.predicted), own.map((p) => p.gain)), top: ranked[0].aux, topGain: ranked[0].gain };
  });
  const rhos = mains.flatMap((m) => (m.spearman === null ? [] : [m.spearman]));
  const agree = predictions.filter((p) => p.predicted > threshold === p.gain > 0).length;
  const gained = predictions.filter((p) => p.gain > 0).length;
  return {
    pairs: predictions.length,
    spearman: spearman(predictions.map((p) => p.predicted), predictions.map((p) => p.gain)),
    spearmanPerMain: rhos.length === 0 ? null : mean(rhos),
    spearmanTasks: rhos.length,
    signAccuracy: agree / predictions.length,
    majoritySignAccuracy: Math.max(gained, predictions.length - gained) / predictions.length,
    topOnePrecision: mains.filter((m) => m.topGain > 0).length / mains.length,
    randomTopOnePrecision: mean([...byMain.values()].map((own) => own.filter((p) => p.gain > 0).length / own.length)),
    mains,
  };
}

function spearman(x: number[], y: number[]): number | null {
  if (x.length < MIN_RANKED) return null;
  const rho = sampleRankCorrelation(x, y);
  return Number.isFinite(rho) ? rho : null;
}
