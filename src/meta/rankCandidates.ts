import type { PairRow } from '../features/pairRow.js';
import { type GainRegression, type GainRegressionCheck, checkGainRegression, fitGainRegression, predictGain } from './gainRegression.js';
import type { Outcome } from './metaReport.js';
import { type OutsideRange, outsideRange } from './outsideRange.js';
import type { PredictedGain } from './recommendation.js';
import { type AuxCandidate, type AuxRanking, type RankingOptions, recommendAux } from './recommendAux.js';

/** The meta-model's view of a main task's candidates: P(gain), predicted gain, and where it extrapolates. */
export interface CandidateRanking extends AuxRanking {
  gainModel: (GainRegression & { check: GainRegressionCheck | null }) | null;
  /** By candidate; absent when the gain regression could not be fitted. */
  predicted: Map<string, PredictedGain>;
  outside: OutsideRange[];
}

/**
 * Ranks the candidates by P(gain) of the meta-model fitted on `training` (see recommendAux), predicts each
 * one's relative gain by ridge regression on the same features and scaling with a split-conformal interval from
 * held-out main tasks, and names the tasks whose features lie far outside the training pairs' range.
 */
export function rankCandidates(
  training: readonly PairRow[],
  main: string,
  candidates: readonly AuxCandidate[],
  options: RankingOptions,
): Outcome<CandidateRanking> {
  const ranking = recommendAux(training, candidates, options);
  if (ranking.status !== 'ok') return ranking;
  const features = ranking.model.features;
  const fitted = fitGainRegression(training, features);
  const gainModel = fitted === undefined ? null : { ...fitted, check: checkGainRegression(training, features) ?? null };
  const predicted = new Map<string, PredictedGain>();
  if (gainModel !== null) {
    for (const candidate of candidates) {
      const gain = predictGain(gainModel, candidate.features) as number;
      const half = gainModel.check?.halfWidth ?? null;
      predicted.set(candidate.aux, { gain, low: half === null ? null : gain - half, high: half === null ? null : gain + half });
    }
  }
  return { ...ranking, gainModel, predicted, outside: outsideRange(ranking.model, main, candidates) };
}
