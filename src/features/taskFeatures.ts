import { FieldReader } from '../validate.js';

/**
 * Feature names as they appear in features.csv and (prefixed) in pairs.csv. Dataset features are computed on
 * the training split (js_divergence compares train with test); curve features on the single-task loss curve.
 */
export const DatasetFeatureNames = [
  'sentences',
  'labels',
  'tokens_per_type',
  'oov_rate',
  'label_entropy',
  'frobenius_norm',
  'js_divergence',
] as const;
export type DatasetFeatureName = (typeof DatasetFeatureNames)[number];

/**
 * How the curve features are defined (`analysis.curveFeatures`, `--curve-features`):
 * - `taskrel`: gradients at the recorded point nearest p % of the last step; L(x) = a·ln(x + k) + b (k ≥ 0) fitted
 *   to the whole curve, features a and the knee x₀ + k, the steps from the logarithm's origin to the first point x₀
 *   (always defined and positive: a curve logarithmic from its first point has k = 0, knee x₀);
 * - `paper`: the notebook of Bingel & Søgaard (2017) exactly: gradients at index ⌊n·p/100⌋ of the n points;
 *   L(x) = a + b·ln(c·x + d) fitted by Levenberg–Marquardt from a = b = c = d = 1 to every 10th of the first
 *   5,000 points, features b and c (c depends on the optimiser's path: only c/d is identified).
 */
export const CurveFeatureModes = ['taskrel', 'paper'] as const;
export type CurveFeatureMode = (typeof CurveFeatureModes)[number];

/** Loss-curve gradients at 10/20/30/50/70 % of training, in every mode. */
export const GradientPercents = [10, 20, 30, 50, 70] as const;
const GradientFeatureNames = ['gradient_10', 'gradient_20', 'gradient_30', 'gradient_50', 'gradient_70'] as const;

/** The two parameters of each mode's log-curve fit. */
export const LogFitFeatureNames = {
  taskrel: ['curve_a', 'curve_knee'],
  paper: ['curve_b', 'curve_c'],
} as const satisfies Record<CurveFeatureMode, readonly string[]>;

/** Curve features of every mode; a study's features are one mode's (`curveFeatureNames`). */
export const CurveFeatureNames = [...GradientFeatureNames, ...LogFitFeatureNames.taskrel, ...LogFitFeatureNames.paper] as const;
export type CurveFeatureName = (typeof CurveFeatureNames)[number];

export function curveFeatureNames(mode: CurveFeatureMode): readonly CurveFeatureName[] {
  return [...GradientFeatureNames, ...LogFitFeatureNames[mode]];
}

export const TaskFeatureNames = [...DatasetFeatureNames, ...CurveFeatureNames] as const;
export type TaskFeatureName = (typeof TaskFeatureNames)[number];

/** The 14 task features of a mode: 7 dataset features, 5 gradients and the log fit's two parameters. */
export function taskFeatureNames(mode: CurveFeatureMode): readonly TaskFeatureName[] {
  return [...DatasetFeatureNames, ...curveFeatureNames(mode)];
}

/** The mode whose log-fit features a table's columns hold (features.csv, pairs.csv), or undefined. */
export function curveModeOfColumns(columns: readonly string[]): CurveFeatureMode | undefined {
  const has = (name: string): boolean => columns.some((column) => column === name || column.endsWith(`_${name}`));
  const modes = CurveFeatureModes.filter((mode) => LogFitFeatureNames[mode].every(has));
  return modes.length === 1 ? modes[0] : undefined;
}

/** Feature values of one task. A feature that could not be computed is absent (never 0), with a reason. */
export type FeatureValues = Partial<Record<TaskFeatureName, number>>;

/** How the log-curve fit went over the task's single-run curves (one per seed). */
export interface CurveFitStatus {
  /** `ok`: every curve fitted; `partial`: some failed (features average the rest); `failed`; `absent`: no curve. */
  status: 'ok' | 'partial' | 'failed' | 'absent';
  curves: number;
  fitted: number;
  /** Root-mean-square residual of each successful fit, in loss units. */
  rmse: number[];
  /** Why fits failed, one entry per failed curve. */
  failures: string[];
  /** What a reader should know about the successful fits, e.g. "2 of 3 curves: logarithmic from its first point". */
  notes: string[];
}

export interface TaskFeatures {
  task: string;
  values: FeatureValues;
  /** Why each absent feature is absent. */
  missing: Partial<Record<TaskFeatureName, string>>;
  curveFit: CurveFitStatus;
}

const fitStatuses = ['ok', 'partial', 'failed', 'absent'] as const;

/** Checks a TaskFeatures record read from JSON; `document` names its source in errors. */
export function validateTaskFeatures(json: unknown, document: string): TaskFeatures {
  const root = FieldReader.root(json, document).onlyKeys(['task', 'values', 'missing', 'curveFit']);
  const values: FeatureValues = {};
  const missing: TaskFeatures['missing'] = {};
  const valueReader = root.field('values').onlyKeys(TaskFeatureNames);
  const missingReader = root.field('missing').onlyKeys(TaskFeatureNames);
  for (const name of TaskFeatureNames) {
    if (valueReader.field(name).present) values[name] = valueReader.field(name).number();
    if (missingReader.field(name).present) missing[name] = missingReader.field(name).string();
    if (values[name] !== undefined && missing[name] !== undefined) {
      throw valueReader.field(name).fail(`either a value or a reason it is missing, not both`);
    }
  }
  const fit = root.field('curveFit').onlyKeys(['status', 'curves', 'fitted', 'rmse', 'failures', 'notes']);
  const strings = (reader: FieldReader): string[] => reader.items({ allowEmpty: true }).map((item) => item.string());
  const curveFit: CurveFitStatus = {
    status: fit.field('status').oneOf(fitStatuses),
    curves: fit.field('curves').integer({ min: 0 }),
    fitted: fit.field('fitted').integer({ min: 0 }),
    rmse: fit.field('rmse').numbers(),
    failures: strings(fit.field('failures')),
    // Records written before fits had notes have none.
    notes: fit.field('notes').present ? strings(fit.field('notes')) : [],
  };
  if (curveFit.fitted > curveFit.curves || curveFit.rmse.length !== curveFit.fitted) {
    throw fit.fail('fitted ≤ curves and one rmse per fitted curve');
  }
  return { task: root.field('task').string(), values, missing, curveFit };
}
