import { mean, sampleRankCorrelation } from 'simple-statistics';
import type { PairRow } from '../features/pairRow.js';
import { groupsOf } from './folds.js';
import { type RankingOptions, recommendAux } from './recommendAux.js';

export interface HeldOutAux {
  aux: string;
  probability: number;
  /** Observed relative gain of the held-out task with this auxiliary task, and its label. */
  gain: number;
  label: 0 | 1;
}

/** How the recommendation for one held-out main task compares with its measured gains. */
export interface HeldOutRanking {
  main: string;
  /** Pairs the model was fitted on: those involving the held-out task neither as main nor as auxiliary task. */
  trainingPairs: number;
  /** Its auxiliary tasks, most recommended first. */
  ranked: HeldOutAux[];
  /** 1 when the top recommendation gained (label 1). */
  precisionAtOne: 0 | 1;
  /** Share of its auxiliary tasks that gained: what picking one at random scores on average. */
  randomPrecision: number;
  /** Spearman ρ (ties get mean ranks) of P(gain) against the observed gain; null below three auxiliary tasks or when either is constant. */
  spearman: number | null;
}

export type HeldOutResult = ({ status: 'ok' } & HeldOutRanking) | { status: 'unavailable'; main: string; reason: string };

export interface RecommendationEvaluation {
  tasks: HeldOutResult[];
  /** Held-out tasks that could be ranked. */
  evaluated: number;
  /** Means over the evaluated tasks (null when none was). */
  precisionAtOne: number | null;
  randomPrecision: number | null;
  /** Mean of the defined per-task ρ, over `spearmanTasks` tasks. */
  spearman: number | null;
  spearmanTasks: number;
}

/** Spearman's ρ needs a few ranks before it says anything (with two it is always ±1). */
const MIN_RANKED_FOR_SPEARMAN = 3;

/**
 * What `recommendAux` would have told a user about each task of a finished study had that task been new: the
 * task is removed entirely (as main and as auxiliary task), the meta-model is fitted on the remaining pairs, the
 * task's auxiliary tasks are ranked, and the ranking is compared with the gains the study measured.
 */
export function evaluateRecommendations(pairs: readonly PairRow[], options: RankingOptions): RecommendationEvaluation {
  const tasks = groupsOf(pairs.map((p) => p.main)).map(({ key: main, rows }): HeldOutResult => {
    const own = rows.map((i) => pairs[i]);
    const training = pairs.filter((p) => p.main !== main && p.aux !== main);
    const ranking = recommendAux(
      training,
      own.map((p) => ({ aux: p.aux, features: p.features })),
      options,
    );
    if (ranking.status !== 'ok') return { status: 'unavailable', main, reason: ranking.reason };
    const byAux = new Map(own.map((p) => [p.aux, p]));
    const ranked = ranking.ranked.map(({ aux, probability }) => {
      const pair = byAux.get(aux) as PairRow;
      return { aux, probability, gain: pair.gain, label: pair.label };
    });
    return { status: 'ok', main, trainingPairs: training.length, ranked, ...rankingAgreement(ranked) };
  });
  const ok = tasks.flatMap((t) => (t.status === 'ok' ? [t] : []));
  const rhos = ok.flatMap((t) => (t.spearman === null ? [] : [t.spearman]));
  const meanOrNull = (values: number[]): number | null => (values.length === 0 ? null : mean(values));
  return {
    tasks,
    evaluated: ok.length,
    precisionAtOne: meanOrNull(ok.map((t) => t.precisionAtOne)),
    randomPrecision: meanOrNull(ok.map((t) => t.randomPrecision)),
    spearman: meanOrNull(rhos),
    spearmanTasks: rhos.length,
  };
}

export type RankingAgreement = Pick<HeldOutRanking, 'precisionAtOne' | 'randomPrecision' | 'spearman'>;

/** How a ranking (most recommended first, at least one entry) agrees with the gains measured for it. */
export function rankingAgreement(ranked: readonly Omit<HeldOutAux, 'aux'>[]): RankingAgreement {
  return {
    precisionAtOne: ranked[0].label,
    randomPrecision: ranked.filter((r) => r.label === 1).length / ranked.length,
    spearman: spearman(
      ranked.map((r) => r.probability),
      ranked.map((r) => r.gain),
    ),
  };
}

function spearman(x: number[], y: number[]): number | null {
  if (x.length < MIN_RANKED_FOR_SPEARMAN) return null;
  const rho = sampleRankCorrelation(x, y);
  return Number.isFinite(rho) ? rho : null;
}
