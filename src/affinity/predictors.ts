import type { AffinityRecord } from './affinityRecord.js';

/** The two predictors one affinity run measures. */
export const AffinityKinds = ['lookahead', 'cosine'] as const;
export type AffinityKind = (typeof AffinityKinds)[number];

/** One affinity predictor's pair scores from affinity.json, and what measuring them cost. */
export interface AffinityScores {
  /** How much `aux` helps `main` by this measure; undefined for a task the run did not cover. */
  score(main: string, aux: string): number | undefined;
  /** Split-half reliability of the mean over measurements. */
  reliability: number | null;
  cost: { batches: number; seconds: number };
  /** How the cost was counted, for a reader. */
  costNote: string;
}

/**
 * The pair scores of one affinity run. For the pair (main j, aux i): the lookahead affinity of a step on i onto
 * j, and the cosine of i's and j's gradients. Both predict a gain above 0.
 */
export function affinityScores(record: AffinityRecord, kind: AffinityKind): AffinityScores {
  const { tasks, cost } = record;
  const matrix = record[kind];
  const score = (main: string, aux: string): number | undefined => {
    const i = tasks.indexOf(aux);
    const j = tasks.indexOf(main);
    return i < 0 || j < 0 || i === j ? undefined : matrix[i][j];
  };
  if (kind === 'lookahead') {
    return {
      score,
      reliability: record.reliability.lookahead,
      cost: { batches: cost.trainingBatches + cost.gradientPasses + cost.forwardPasses, seconds: cost.seconds },
      costNote:
        `${cost.trainingBatches} training batches + ${cost.gradientPasses} gradient passes + ${cost.forwardPasses} forward-only ` +
        'passes, each pass counted as a batch (a forward pass costs less, so this overstates); seconds as measured',
    };
  }
  return {
    score,
    reliability: record.reliability.cosine,
    cost: { batches: cost.trainingBatches + cost.gradientPasses, seconds: cost.seconds - cost.lookaheadSeconds },
    costNote: `the same run without the lookahead: ${cost.trainingBatches} training batches + ${cost.gradientPasses} gradient passes`,
  };
}
