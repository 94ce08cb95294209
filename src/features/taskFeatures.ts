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

/** Loss-curve gradients at 10/20/30/50/70 % of training, and a, c of the fitted L(i) = a·ln(c·i + 1) + b. */
export const GradientPercents = [10, 20, 30, 50, 70] as const;
export const CurveFeatureNames = [
  'gradient_10',
  'gradient_20',
  'gradient_30',
  'gradient_50',
  'gradient_70',
  'curve_a',
  'curve_c',
] as const;
export type CurveFeatureName = (typeof CurveFeatureNames)[number];

export const TaskFeatureNames = [...DatasetFeatureNames, ...CurveFeatureNames] as const;
export type TaskFeatureName = (typeof TaskFeatureNames)[number];

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
  const fit = root.field('curveFit').onlyKeys(['status', 'curves', 'fitted', 'rmse', 'failures']);
  const curveFit: CurveFitStatus = {
    status: fit.field('status').oneOf(fitStatuses),
    curves: fit.field('curves').integer({ min: 0 }),
    fitted: fit.field('fitted').integer({ min: 0 }),
    rmse: fit.field('rmse').numbers(),
    failures: fit.field('failures').items({ allowEmpty: true }).map((item) => item.string()),
  };
  if (curveFit.fitted > curveFit.curves || curveFit.rmse.length !== curveFit.fitted) {
    throw fit.fail('fitted ≤ curves and one rmse per fitted curve');
  }
  return { task: root.field('task').string(), values, missing, curveFit };
}
