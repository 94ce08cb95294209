import { heldOutThresholdPredictions } from './heldOutThreshold.js';
import type { PairSet } from './pairSet.js';
import type { Scorer } from './predictor.js';

/**
 * A scorer whose scores do not depend on the gains (a measurement, a similarity, a size). With a neutral value it
 * predicts a gain above it; without one, above a cut fitted on the other main tasks (refitted per permutation).
 */
export function fixedScores(
  pairs: PairSet,
  scores: readonly number[],
  neutral: number | null,
  about: Pick<Scorer, 'reliability' | 'cost' | 'costNote'>,
): Scorer {
  const predicted = neutral === null ? undefined : scores.map((s): 0 | 1 => (s > neutral ? 1 : 0));
  return {
    pairs,
    heldOut: (truth) => ({ scores, predicted: predicted ?? heldOutThresholdPredictions(pairs, scores, truth.labels) }),
    neutral,
    ...about,
  };
}
