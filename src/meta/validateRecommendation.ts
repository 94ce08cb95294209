import { type PairFeatureName, PairFeatureNames } from '../features/pairRow.js';
import { validateTaskFeatures } from '../features/taskFeatures.js';
import { TaskKinds } from '../tasks/task.js';
import { FieldReader } from '../validate.js';
import type { Outcome } from './metaReport.js';
import type { RecommendedAux, Recommendation, VerifiedGain } from './recommendation.js';
import type { HeldOutResult, RecommendationEvaluation } from './recommendationEvaluation.js';

const feature = (r: FieldReader): PairFeatureName => r.oneOf(PairFeatureNames);
const rate = (r: FieldReader): number => r.number({ min: 0, max: 1 });
const label = (r: FieldReader): 0 | 1 => r.integer({ min: 0, max: 1 }) as 0 | 1;
const nullable = <T>(r: FieldReader, read: (r: FieldReader) => T): T | null => (r.value === null ? null : read(r));
const count = (r: FieldReader): number => r.integer({ min: 0 });

function outcome<T>(r: FieldReader, read: (r: FieldReader) => T): Outcome<T> {
  if (r.field('status').oneOf(['ok', 'unavailable'] as const) === 'unavailable') {
    r.onlyKeys(['status', 'reason']);
    return { status: 'unavailable', reason: r.field('reason').string() };
  }
  return { status: 'ok', ...read(r) };
}

const verified = (r: FieldReader): VerifiedGain => ({
  gain: r.field('gain').number(),
  pValue: nullable(r.field('pValue'), rate),
  singleF1: rate(r.field('singleF1')),
  pairF1: rate(r.field('pairF1')),
  seeds: r.field('seeds').integer({ min: 1 }),
  label: label(r.field('label')),
});

const rankedAux = (r: FieldReader): RecommendedAux => ({
  rank: r.field('rank').integer({ min: 1 }),
  aux: r.field('aux').string(),
  probability: rate(r.field('probability')),
  contributions: r.field('contributions').items().map((c) => ({
    feature: feature(c.field('feature')),
    value: c.field('value').number(),
    scaled: c.field('scaled').number(),
    contribution: c.field('contribution').number(),
  })),
  verified: nullable(r.field('verified'), (v) => outcome(v, verified)),
});

function heldOutTask(r: FieldReader): HeldOutResult {
  const main = r.field('main').string();
  if (r.field('status').oneOf(['ok', 'unavailable'] as const) === 'unavailable') {
    return { status: 'unavailable', main, reason: r.field('reason').string() };
  }
  return {
    status: 'ok',
    main,
    trainingPairs: r.field('trainingPairs').integer({ min: 1 }),
    ranked: r.field('ranked').items().map((a) => ({
      aux: a.field('aux').string(),
      probability: rate(a.field('probability')),
      gain: a.field('gain').number(),
      label: label(a.field('label')),
    })),
    precisionAtOne: label(r.field('precisionAtOne')),
    randomPrecision: rate(r.field('randomPrecision')),
    spearman: nullable(r.field('spearman'), (s) => s.number({ min: -1, max: 1 })),
  };
}

const heldOut = (r: FieldReader): RecommendationEvaluation => ({
  tasks: r.field('tasks').items({ allowEmpty: true }).map(heldOutTask),
  evaluated: count(r.field('evaluated')),
  precisionAtOne: nullable(r.field('precisionAtOne'), rate),
  randomPrecision: nullable(r.field('randomPrecision'), rate),
  spearman: nullable(r.field('spearman'), (s) => s.number({ min: -1, max: 1 })),
  spearmanTasks: count(r.field('spearmanTasks')),
});

/** Checks a recommend-<task>.json document (the shape `recommendForTask` produces); `document` names the file. */
export function validateRecommendation(json: unknown, document: string): Recommendation {
  const root = FieldReader.root(json, document).onlyKeys(['format', 'study', 'task', 'features', 'model', 'ranking', 'trust', 'notes']);
  root.field('format').oneOf(['taskrel-recommendation/1'] as const);
  const task = root.field('task');
  const sizes = task.field('sizes');
  const model = root.field('model');
  const trust = root.field('trust');
  const baselines = trust.field('baselines');
  const result: Recommendation = {
    format: 'taskrel-recommendation/1',
    study: root.field('study').string(),
    task: {
      name: task.field('name').string(),
      kind: task.field('kind').oneOf(TaskKinds),
      description: task.field('description').text(''),
      source: task.field('source').text(''),
      sizes: { train: count(sizes.field('train')), dev: count(sizes.field('dev')), test: count(sizes.field('test')) },
      singleF1: rate(task.field('singleF1')),
    },
    features: validateTaskFeatures(root.field('features').value, `${document}: features`),
    model: {
      features: model.field('features').items().map(feature),
      intercept: model.field('intercept').number(),
      coefficients: model.field('coefficients').numbers(),
      min: model.field('min').numbers(),
      max: model.field('max').numbers(),
      C: model.field('C').number({ min: 0, exclusiveMin: true }),
      trainingPairs: model.field('trainingPairs').integer({ min: 1 }),
      dropped: model.field('dropped').items({ allowEmpty: true }).map((d) => ({ feature: feature(d.field('feature')), reason: d.field('reason').string() })),
    },
    ranking: root.field('ranking').items().map(rankedAux),
    trust: {
      leaveOneMainTaskOut: outcome(trust.field('leaveOneMainTaskOut'), (r) => ({ accuracy: rate(r.field('accuracy')), f1: nullable(r.field('f1'), rate) })),
      baselines: {
        alwaysNoGainAccuracy: rate(baselines.field('alwaysNoGainAccuracy')),
        alwaysGainF1: nullable(baselines.field('alwaysGainF1'), rate),
        majorityAccuracy: rate(baselines.field('majorityAccuracy')),
      },
      heldOut: heldOut(trust.field('heldOut')),
    },
    notes: root.field('notes').items({ allowEmpty: true }).map((n) => n.string()),
  };
  const n = result.model.features.length;
  if ([result.model.coefficients, result.model.min, result.model.max].some((list) => list.length !== n)) {
    throw model.fail(`coefficients, min and max with one entry per feature (${n})`);
  }
  return result;
}
