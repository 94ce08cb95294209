import { FieldReader } from '../validate.js';
import { type CurveFeatureMode, type TaskFeatureName, TaskFeatureNames, taskFeatureNames } from './taskFeatures.js';

/**
 * The pair features: `main_X` (the main task's feature X), `aux_X` (the auxiliary task's) and `ratio_X`
 * (main_X / aux_X) for each task feature X of every curve-feature mode; a study's are one mode's 42.
 */
export const PairFeaturePrefixes = ['main', 'aux', 'ratio'] as const;
export type PairFeaturePrefix = (typeof PairFeaturePrefixes)[number];
export type PairFeatureName = `${PairFeaturePrefix}_${TaskFeatureName}`;
export const PairFeatureNames: readonly PairFeatureName[] = PairFeaturePrefixes.flatMap((prefix) =>
  TaskFeatureNames.map((name): PairFeatureName => `${prefix}_${name}`),
);

/** The 42 pair features of a curve-feature mode, in pairs.csv column order. */
export function pairFeatureNames(mode: CurveFeatureMode): PairFeatureName[] {
  const names = taskFeatureNames(mode);
  return PairFeatureNames.filter((name) => names.includes(taskFeatureOf(name)));
}

/** The task feature a pair feature is built from. */
export function taskFeatureOf(name: PairFeatureName): TaskFeatureName {
  return name.slice(name.indexOf('_') + 1) as TaskFeatureName;
}

/** One directed pair for the meta-model: did `aux` help `main`? */
export interface PairRow {
  main: string;
  aux: string;
  /** Absent when either task lacks the feature, or (ratios) when the aux value is 0. */
  features: Partial<Record<PairFeatureName, number>>;
  /** Relative gain of main's test F1 with aux over main alone, mean over seeds (GainRow.gain). */
  gain: number;
  pValue: number | null;
  /** 1 when the pair gained: gain > 0, and with `significantOnly` also p < 0.05. */
  label: 0 | 1;
}

/** Checks a PairRow read from JSON; `document` names its source in errors. */
export function validatePairRow(json: unknown, document: string): PairRow {
  const root = FieldReader.root(json, document).onlyKeys(['main', 'aux', 'features', 'gain', 'pValue', 'label']);
  const featureReader = root.field('features').onlyKeys(PairFeatureNames);
  const features: PairRow['features'] = {};
  for (const name of PairFeatureNames) {
    if (featureReader.field(name).present) features[name] = featureReader.field(name).number();
  }
  const pValue = root.field('pValue');
  return {
    main: root.field('main').string(),
    aux: root.field('aux').string(),
    features,
    gain: root.field('gain').number(),
    pValue: pValue.value === null ? null : pValue.number({ min: 0, max: 1 }),
    label: root.field('label').integer({ min: 0, max: 1 }) as 0 | 1,
  };
}
