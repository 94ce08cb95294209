import { TaskrelError } from '../errors.js';
import type { GainRow } from '../study/gainRow.js';
import type { PairRow } from './pairRow.js';
import { type FeatureValues, type TaskFeatures, TaskFeatureNames } from './taskFeatures.js';

export interface LabelOptions {
  /** Count a pair as gaining only when gain > 0 and p < 0.05 (needs several seeds for a p-value). */
  significantOnly: boolean;
}

/** A gain row whose relative gain is defined (its main task learned alone in every seed). */
export type RelativeGainRow = GainRow & { gain: number };

export function hasRelativeGain(row: GainRow): row is RelativeGainRow {
  return row.gain !== null;
}

/** Whether a directed pair counts as a gain. */
export function gainLabel(gain: RelativeGainRow, options: LabelOptions): 0 | 1 {
  if (!options.significantOnly) return gain.gain > 0 ? 1 : 0;
  if (gain.pValue === null) {
    throw new TaskrelError(
      `significantOnly needs a p-value, but pair ${gain.main}/${gain.aux} has ${gain.seeds} seed(s); run several seeds or turn it off`,
    );
  }
  return gain.gain > 0 && gain.pValue < 0.05 ? 1 : 0;
}

/**
 * The meta-model's rows: one per directed pair in `gains` with a relative gain (a pair whose main task did not
 * learn alone has none, and is left out: see `hasRelativeGain`), with main_, aux_ and ratio_ features from each task's
 * features. A ratio whose aux value is 0 (or that overflows) is left absent rather than made ±Infinity or NaN;
 * so is any feature one of the tasks lacks. The meta-model then uses only features present for every pair and
 * says which it dropped.
 */
export function pairRows(features: readonly TaskFeatures[], gains: readonly GainRow[], options: LabelOptions): PairRow[] {
  const byTask = new Map(features.map((f) => [f.task, f.values]));
  return gains.filter(hasRelativeGain).map((gain) => ({
    main: gain.main,
    aux: gain.aux,
    features: pairFeatures(byTask.get(gain.main) ?? {}, byTask.get(gain.aux) ?? {}),
    gain: gain.gain,
    pValue: gain.pValue,
    label: gainLabel(gain, options),
  }));
}

/** The 42 pair features of main and aux (absent where a task lacks a feature or a ratio is not finite). */
export function pairFeatures(main: FeatureValues, aux: FeatureValues): PairRow['features'] {
  const features: PairRow['features'] = {};
  for (const name of TaskFeatureNames) {
    const m = main[name];
    const a = aux[name];
    if (m !== undefined) features[`main_${name}`] = m;
    if (a !== undefined) features[`aux_${name}`] = a;
    const ratio = m !== undefined && a !== undefined && a !== 0 ? m / a : undefined;
    if (ratio !== undefined && Number.isFinite(ratio)) features[`ratio_${name}`] = ratio;
  }
  return features;
}
