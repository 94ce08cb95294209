import { type PairFeatureName, PairFeatureNames } from '../features/pairRow.js';
import { CurveFeatureModes } from '../features/taskFeatures.js';
import { FieldReader } from '../validate.js';
import type { CrossValidationResult, ScoreSummary } from './crossValidation.js';
import type { RankingResult } from './featureRanking.js';
import { FeatureSetNames } from './featureSets.js';
import type { LeaveOneMainTaskOutResult } from './leaveOneMainTaskOut.js';
import type { FittedPair, MetaModel } from './metaModel.js';
import type { MetaReport, Outcome, SetEvaluation } from './metaReport.js';

const feature = (r: FieldReader): PairFeatureName => r.oneOf(PairFeatureNames);
const features = (r: FieldReader): PairFeatureName[] => r.items({ allowEmpty: true }).map(feature);
const strings = (r: FieldReader): string[] => r.items({ allowEmpty: true }).map((item) => item.string());
const rate = (r: FieldReader): number => r.number({ min: 0, max: 1 });
const isTrue = (r: FieldReader): true => {
  if (r.boolean() !== true) throw r.fail('true');
  return true;
};
const nullable = <T>(r: FieldReader, read: (r: FieldReader) => T): T | null => (r.value === null ? null : read(r));

function outcome<T>(r: FieldReader, read: (r: FieldReader) => T): Outcome<T> {
  if (r.field('status').oneOf(['ok', 'unavailable'] as const) === 'unavailable') {
    r.onlyKeys(['status', 'reason']);
    return { status: 'unavailable', reason: r.field('reason').string() };
  }
  return { status: 'ok', ...read(r) };
}

const summary = (r: FieldReader): ScoreSummary => ({
  mean: rate(r.field('mean')),
  sd: r.field('sd').number({ min: 0 }),
});

const crossValidation = (r: FieldReader): CrossValidationResult => ({
  repetitions: r.field('repetitions').integer({ min: 1 }),
  folds: r.field('folds').integer({ min: 2 }),
  accuracy: summary(r.field('accuracy')),
  f1: nullable(r.field('f1'), summary),
  singleClassFolds: r.field('singleClassFolds').integer({ min: 0 }),
});

const leaveOneOut = (r: FieldReader): LeaveOneMainTaskOutResult => ({
  accuracy: rate(r.field('accuracy')),
  f1: nullable(r.field('f1'), rate),
  tasks: r
    .field('tasks')
    .items()
    .map((t) => ({
      main: t.field('main').string(),
      pairs: t.field('pairs').integer({ min: 1 }),
      gains: t.field('gains').integer({ min: 0 }),
      correct: t.field('correct').integer({ min: 0 }),
      singleClass: t.field('singleClass').boolean(),
      // Absent from meta.json written before per-pair predictions were kept; `taskrel analyze` writes them.
      predictions: t.field('predictions').present
        ? t
            .field('predictions')
            .items()
            .map((p) => ({ aux: p.field('aux').string(), probability: rate(p.field('probability')) }))
        : [],
    })),
});

const setEvaluation = (r: FieldReader): SetEvaluation => ({
  features: features(r.field('features')),
  crossValidation: outcome(r.field('crossValidation'), crossValidation),
  leaveOneMainTaskOut: outcome(r.field('leaveOneMainTaskOut'), leaveOneOut),
});

const ranking = (r: FieldReader): RankingResult => ({
  splits: r.field('splits').integer({ min: 1 }),
  trainFraction: r.field('trainFraction').number({ min: 0, max: 1, exclusiveMin: true }),
  ranks: r
    .field('ranks')
    .items()
    .map((f) => ({
      feature: feature(f.field('feature')),
      coefficientMean: f.field('coefficientMean').number(),
      coefficientSd: f.field('coefficientSd').number({ min: 0 }),
      eliminationRank: f.field('eliminationRank').number({ min: 1 }),
    })),
  ablation: r
    .field('ablation')
    .items()
    .map((a) => ({
      features: a.field('features').integer({ min: 1 }),
      accuracy: rate(a.field('accuracy')),
      f1: nullable(a.field('f1'), rate),
    })),
});

const model = (r: FieldReader): MetaModel => {
  const result = {
    features: features(r.field('features')),
    intercept: r.field('intercept').number(),
    coefficients: r.field('coefficients').numbers(),
    min: r.field('min').numbers(),
    max: r.field('max').numbers(),
    C: r.field('C').number({ min: 0, exclusiveMin: true }),
  };
  const n = result.features.length;
  if ([result.coefficients, result.min, result.max].some((list) => list.length !== n)) {
    throw r.fail(`coefficients, min and max with one entry per feature (${n})`);
  }
  return result;
};

const fittedPair = (r: FieldReader): FittedPair => {
  r.onlyKeys(['main', 'aux', 'probability', 'gain', 'label']);
  const label = r.field('label').integer({ min: 0, max: 1 });
  return {
    main: r.field('main').string(),
    aux: r.field('aux').string(),
    probability: rate(r.field('probability')),
    gain: r.field('gain').number(),
    label: label === 1 ? 1 : 0,
  };
};

/** Checks a meta.json document (the shape buildMetaReport writes); `document` names the file in errors. */
export function validateMetaReport(json: unknown, document: string): MetaReport {
  const root = FieldReader.root(json, document).onlyKeys([
    'format',
    'protocol',
    'data',
    'features',
    'baselines',
    'evaluations',
    'ranking',
    'model',
    'fitted',
    'notes',
  ]);
  root.field('format').oneOf(['taskrel-meta/1'] as const);
  const p = root.field('protocol');
  const cv = p.field('crossValidation');
  const rk = p.field('ranking');
  const data = root.field('data');
  const evaluations = root.field('evaluations').onlyKeys(FeatureSetNames);
  return {
    format: 'taskrel-meta/1',
    protocol: {
      label: p.field('label').string(),
      significantOnly: p.field('significantOnly').boolean(),
      curveFeatures: p.field('curveFeatures').oneOf(CurveFeatureModes),
      model: p.field('model').string(),
      C: p.field('C').number({ min: 0, exclusiveMin: true }),
      scaling: p.field('scaling').string(),
      seed: p.field('seed').integer(),
      crossValidation: {
        repetitions: cv.field('repetitions').integer({ min: 1 }),
        folds: cv.field('folds').integer({ min: 2 }),
        stratified: isTrue(cv.field('stratified')),
        pooling: cv.field('pooling').string(),
      },
      leaveOneMainTaskOut: p.field('leaveOneMainTaskOut').string(),
      ranking: {
        splits: rk.field('splits').integer({ min: 1 }),
        trainFraction: rk.field('trainFraction').number({ min: 0, max: 1, exclusiveMin: true }),
        stratified: isTrue(rk.field('stratified')),
        method: rk.field('method').string(),
      },
    },
    data: {
      pairs: data.field('pairs').integer({ min: 1 }),
      tasks: data.field('tasks').integer({ min: 1 }),
      mainTasks: data.field('mainTasks').integer({ min: 1 }),
      gains: data.field('gains').integer({ min: 0 }),
      noGains: data.field('noGains').integer({ min: 0 }),
    },
    features: {
      used: features(root.field('features').field('used')),
      dropped: root
        .field('features')
        .field('dropped')
        .items({ allowEmpty: true })
        .map((d) => ({
          feature: feature(d.field('feature')),
          reason: d.field('reason').string(),
        })),
      constant: features(root.field('features').field('constant')),
    },
    baselines: {
      alwaysNoGainAccuracy: rate(root.field('baselines').field('alwaysNoGainAccuracy')),
      alwaysGainF1: nullable(root.field('baselines').field('alwaysGainF1'), rate),
      majorityAccuracy: rate(root.field('baselines').field('majorityAccuracy')),
    },
    evaluations: {
      all: outcome(evaluations.field('all'), setEvaluation),
      data: outcome(evaluations.field('data'), setEvaluation),
      curve: outcome(evaluations.field('curve'), setEvaluation),
    },
    ranking: outcome(root.field('ranking'), ranking),
    model: outcome(root.field('model'), model),
    fitted: root.field('fitted').present ? root.field('fitted').items({ allowEmpty: true }).map(fittedPair) : null,
    notes: strings(root.field('notes')),
  };
}
