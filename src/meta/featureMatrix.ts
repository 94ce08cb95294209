import type { PairFeatureName, PairRow } from '../features/pairRow.js';

/** Pair rows as the numbers the meta-model fits: one row per pair, one column per feature in `names`. */
export interface FeatureMatrix {
  names: PairFeatureName[];
  rows: number[][];
  labels: (0 | 1)[];
  /** Each row's main task, the group leave-one-main-task-out holds out. */
  mains: string[];
  /** Each row's auxiliary task. */
  auxes: string[];
}

export interface DroppedFeature {
  feature: PairFeatureName;
  reason: string;
}

/**
 * Keeps the candidate features present in every pair; the others are dropped with the reason (no imputation:
 * a made-up value would be a feature the tasks do not have).
 */
export function featureMatrix(
  pairs: readonly PairRow[],
  candidates: readonly PairFeatureName[],
): { matrix: FeatureMatrix; dropped: DroppedFeature[] } {
  const names: PairFeatureName[] = [];
  const dropped: DroppedFeature[] = [];
  for (const feature of candidates) {
    const lacking = pairs.filter((pair) => pair.features[feature] === undefined);
    if (lacking.length === 0) names.push(feature);
    else {
      const first = `${lacking[0].main}/${lacking[0].aux}`;
      dropped.push({ feature, reason: `missing for ${lacking.length} of ${pairs.length} pairs (e.g. ${first})` });
    }
  }
  const matrix: FeatureMatrix = {
    names,
    rows: pairs.map((pair) => names.map((name) => pair.features[name] as number)),
    labels: pairs.map((pair) => pair.label),
    mains: pairs.map((pair) => pair.main),
    auxes: pairs.map((pair) => pair.aux),
  };
  return { matrix, dropped };
}

/** Features with one value over all rows: kept (scaling maps them to 0) but worth saying. */
export function constantFeatures(matrix: FeatureMatrix): PairFeatureName[] {
  return matrix.names.filter((_, j) => matrix.rows.every((row) => row[j] === matrix.rows[0][j]));
}

/** The matrix restricted to some rows. */
export function selectRows(matrix: FeatureMatrix, indices: readonly number[]): FeatureMatrix {
  return {
    names: matrix.names,
    rows: indices.map((i) => matrix.rows[i]),
    labels: indices.map((i) => matrix.labels[i]),
    mains: indices.map((i) => matrix.mains[i]),
    auxes: indices.map((i) => matrix.auxes[i]),
  };
}
