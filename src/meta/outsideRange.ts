import { type PairFeatureName, type PairFeaturePrefix, taskFeatureOf } from '../features/pairRow.js';
import type { TaskFeatureName } from '../features/taskFeatures.js';
import type { MinMaxScaler } from './minMaxScaler.js';
import type { AuxCandidate } from './recommendAux.js';

/**
 * How far beyond the study's range (in units of that range) a value must lie to be named: a little outside is
 * ordinary for a new task, far outside is where a linear model extrapolates.
 */
export const OUTSIDE_MARGIN = 0.25;

/** One pair feature of a new task outside the range the model was fitted on. */
export interface OutsideFeature {
  feature: TaskFeatureName;
  /** main_ (the main task's own), aux_ (the candidate's) or ratio_ (main over candidate). */
  prefix: PairFeaturePrefix;
  value: number;
  min: number;
  max: number;
  /** Distance beyond the nearer end in units of max − min: positive above, negative below; null for a study-wide constant. */
  ranges: number | null;
}

/** A task with features outside the study's range, farthest first. */
export interface OutsideRange {
  task: string;
  role: 'main' | 'candidate';
  features: OutsideFeature[];
}

/**
 * The main task's main_ features, and each candidate's aux_ and ratio_ features, that lie more than
 * OUTSIDE_MARGIN of the training pairs' range outside it (model = the features and scaling the ranking used).
 */
export function outsideRange(
  model: MinMaxScaler & { features: readonly PairFeatureName[] },
  main: string,
  candidates: readonly AuxCandidate[],
): OutsideRange[] {
  const outside = (values: AuxCandidate['features'], prefixes: readonly PairFeaturePrefix[]): OutsideFeature[] =>
    model.features.flatMap((name, j): OutsideFeature[] => {
      const prefix = name.slice(0, name.indexOf('_')) as PairFeaturePrefix;
      const value = values[name];
      if (!prefixes.includes(prefix) || value === undefined) return [];
      const [min, max] = [model.min[j] as number, model.max[j] as number];
      const span = max - min;
      if (span === 0) return value === min ? [] : [{ feature: taskFeatureOf(name), prefix, value, min, max, ranges: null }];
      const ranges = value > max ? (value - max) / span : value < min ? (value - min) / span : 0;
      return Math.abs(ranges) > OUTSIDE_MARGIN ? [{ feature: taskFeatureOf(name), prefix, value, min, max, ranges }] : [];
    });
  const farthest = (a: OutsideFeature, b: OutsideFeature): number =>
    Math.abs(b.ranges ?? Infinity) - Math.abs(a.ranges ?? Infinity) || a.feature.localeCompare(b.feature, 'en');
  const entries: OutsideRange[] = [];
  if (candidates.length > 0) entries.push({ task: main, role: 'main', features: outside(candidates[0].features, ['main']).sort(farthest) });
  for (const candidate of candidates)
    entries.push({ task: candidate.aux, role: 'candidate', features: outside(candidate.features, ['aux', 'ratio']).sort(farthest) });
  return entries.filter((entry) => entry.features.length > 0);
}
