import { type PairFeatureName, PairFeatureNames, PairFeaturePrefixes } from '../features/pairRow.js';
import { TaskFeatureNames, validateTaskFeatures } from '../features/taskFeatures.js';
import { TaskKinds } from '../tasks/task.js';
import { FieldReader } from '../validate.js';
import type { Outcome } from './metaReport.js';
import type { OutsideRange } from './outsideRange.js';
import type { PredictorColumn, PredictorTrust } from './predictorColumn.js';
import type { MeasuredGain, RecommendCost, RecommendTask, RecommendedAux, Recommendation } from './recommendation.js';
import type { HeldOutResult, RecommendationEvaluation } from './recommendationEvaluation.js';

const feature = (r: FieldReader): PairFeatureName => r.oneOf(PairFeatureNames);
const rate = (r: FieldReader): number => r.number({ min: 0, max: 1 });
const label = (r: FieldReader): 0 | 1 => r.integer({ min: 0, max: 1 }) as 0 | 1;
const nullable = <T>(r: FieldReader, read: (r: FieldReader) => T): T | null => (r.value === null ? null : read(r));
const count = (r: FieldReader): number => r.integer({ min: 0 });
const seconds = (r: FieldReader): number => r.number({ min: 0 });
const rho = (r: FieldReader): number => r.number({ min: -1, max: 1 });

function outcome<T>(r: FieldReader, read: (r: FieldReader) => T): Outcome<T> {
  if (r.field('status').oneOf(['ok', 'unavailable'] as const) === 'unavailable') {
    r.onlyKeys(['status', 'reason']);
    return { status: 'unavailable', reason: r.field('reason').string() };
  }
  return { status: 'ok', ...read(r) };
}

const measured = (r: FieldReader): MeasuredGain => ({
  gain: r.field('gain').number(),
  ciLow: nullable(r.field('ciLow'), (x) => x.number()),
  ciHigh: nullable(r.field('ciHigh'), (x) => x.number()),
  pValue: nullable(r.field('pValue'), rate),
  singleF1: rate(r.field('singleF1')),
  pairF1: rate(r.field('pairF1')),
  seeds: r.field('seeds').integer({ min: 1 }),
});

const bound = (r: FieldReader): number | null => nullable(r, (x) => x.number());

const rankedAux = (r: FieldReader): RecommendedAux => ({
  rank: r.field('rank').integer({ min: 1 }),
  aux: r.field('aux').string(),
  probability: rate(r.field('probability')),
  contributions: r
    .field('contributions')
    .items()
    .map((c) => ({
      feature: feature(c.field('feature')),
      value: c.field('value').number(),
      scaled: c.field('scaled').number(),
      contribution: c.field('contribution').number(),
    })),
  predictedGain: nullable(r.field('predictedGain'), (p) => ({
    gain: p.field('gain').number(),
    low: bound(p.field('low')),
    high: bound(p.field('high')),
  })),
  measuredInStudy: nullable(r.field('measuredInStudy'), measured),
  verified: nullable(r.field('verified'), (v) => outcome(v, (x) => ({ ...measured(x), label: label(x.field('label')) }))),
});

const trust = (r: FieldReader): Outcome<PredictorTrust> =>
  outcome(r, (t) => ({
    source: t.field('source').string(),
    measure: t.field('measure').string(),
    value: bound(t.field('value')),
    chance: bound(t.field('chance')),
    statement: t.field('statement').string(),
  }));

const column = (r: FieldReader): PredictorColumn => ({
  id: r.field('id').string(),
  label: r.field('label').string(),
  about: r.field('about').string(),
  format: r.field('format').oneOf(['probability', 'gain', 'score'] as const),
  show: r.field('show').oneOf(['value', 'rank'] as const),
  cells: r
    .field('cells')
    .items()
    .map((c) => ({
      aux: c.field('aux').string(),
      score: bound(c.field('score')),
      rank: nullable(c.field('rank'), (x) => x.integer({ min: 1 })),
      ...(c.field('interval').present
        ? { interval: { low: bound(c.field('interval').field('low')), high: bound(c.field('interval').field('high')) } }
        : {}),
      ...(c.field('note').present ? { note: c.field('note').string() } : {}),
    })),
  trust: trust(r.field('trust')),
});

const task = (r: FieldReader): RecommendTask => {
  const sizes = r.field('sizes');
  return {
    name: r.field('name').string(),
    kind: r.field('kind').oneOf(TaskKinds),
    description: r.field('description').text(''),
    source: r.field('source').text(''),
    sizes: {
      train: sizes.field('train').number({ min: 0 }),
      dev: nullable(sizes.field('dev'), count),
      test: nullable(sizes.field('test'), count),
    },
    singleF1: nullable(r.field('singleF1'), rate),
    seeds: count(r.field('seeds')),
    runs: r.field('runs').oneOf(['recommend', 'study'] as const),
  };
};

const outside = (r: FieldReader): OutsideRange => ({
  task: r.field('task').string(),
  role: r.field('role').oneOf(['main', 'candidate'] as const),
  features: r
    .field('features')
    .items()
    .map((f) => ({
      feature: f.field('feature').oneOf(TaskFeatureNames),
      prefix: f.field('prefix').oneOf(PairFeaturePrefixes),
      value: f.field('value').number(),
      min: f.field('min').number(),
      max: f.field('max').number(),
      ranges: bound(f.field('ranges')),
    })),
});

const runCost = (r: FieldReader) => ({
  runs: count(r.field('runs')),
  trained: count(r.field('trained')),
  runSeconds: seconds(r.field('runSeconds')),
});

const cost = (r: FieldReader): RecommendCost => ({
  seeds: r.field('seeds').items().map(count),
  singles: runCost(r.field('singles')),
  predictors: r
    .field('predictors')
    .items({ allowEmpty: true })
    .map((a) => ({
      id: a.field('id').string(),
      batches: count(a.field('batches')),
      seconds: seconds(a.field('seconds')),
      reused: a.field('reused').boolean(),
    })),
  verification: nullable(r.field('verification'), (v) => ({ ...runCost(v), seeds: v.field('seeds').items().map(count) })),
  wallSeconds: seconds(r.field('wallSeconds')),
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
    ranked: r
      .field('ranked')
      .items()
      .map((a) => ({
        aux: a.field('aux').string(),
        probability: rate(a.field('probability')),
        gain: a.field('gain').number(),
        label: label(a.field('label')),
      })),
    precisionAtOne: label(r.field('precisionAtOne')),
    randomPrecision: rate(r.field('randomPrecision')),
    spearman: nullable(r.field('spearman'), rho),
  };
}

/** The replay of the ranking on each study task as if it were new (in a recommendation, and the study's replay.json). */
export const readRecommendationEvaluation = (r: FieldReader): RecommendationEvaluation => ({
  tasks: r.field('tasks').items({ allowEmpty: true }).map(heldOutTask),
  evaluated: count(r.field('evaluated')),
  precisionAtOne: nullable(r.field('precisionAtOne'), rate),
  randomPrecision: nullable(r.field('randomPrecision'), rate),
  spearman: nullable(r.field('spearman'), rho),
  spearmanTasks: count(r.field('spearmanTasks')),
});

const linear = (r: FieldReader) => ({
  features: r.field('features').items().map(feature),
  intercept: r.field('intercept').number(),
  coefficients: r.field('coefficients').numbers(),
  min: r.field('min').numbers(),
  max: r.field('max').numbers(),
});

function checkLengths(r: FieldReader, model: ReturnType<typeof linear>): void {
  const n = model.features.length;
  if ([model.coefficients, model.min, model.max].some((list) => list.length !== n))
    throw r.fail(`coefficients, min and max with one entry per feature (${n})`);
}

const recommendationKeys = [
  'format',
  'knowledge',
  'candidatesFrom',
  'main',
  'candidates',
  'features',
  'model',
  'gainModel',
  'ranking',
  'predictors',
  'trust',
  'outsideRange',
  'notes',
  'cost',
] as const;

/** Checks a recommend-<task>.json document (the shape the recommend workflow writes); `document` names the file. */
export function validateRecommendation(json: unknown, document: string): Recommendation {
  const root = FieldReader.root(json, document);
  if (root.field('format').value === 'taskrel-recommendation/1') {
    throw root
      .field('format')
      .fail("'taskrel-recommendation/2' (this file was written by an earlier taskrel: run taskrel recommend again)");
  }
  root.onlyKeys(recommendationKeys);
  root.field('format').oneOf(['taskrel-recommendation/2'] as const);
  const knowledge = root.field('knowledge');
  const model = root.field('model');
  const modelFields = linear(model);
  checkLengths(model, modelFields);
  const gainModel = nullable(root.field('gainModel'), (g) => {
    const fields = linear(g);
    checkLengths(g, fields);
    const check = nullable(g.field('check'), (c) => ({
      pairs: count(c.field('pairs')),
      tasks: count(c.field('tasks')),
      meanAbsoluteError: c.field('meanAbsoluteError').number({ min: 0 }),
      baselineMeanAbsoluteError: c.field('baselineMeanAbsoluteError').number({ min: 0 }),
      halfWidth: nullable(c.field('halfWidth'), (h) => h.number({ min: 0 })),
      level: rate(c.field('level')),
    }));
    return { ...fields, alpha: g.field('alpha').number({ min: 0 }), check };
  });
  const trustReader = root.field('trust');
  const baselines = trustReader.field('baselines');
  return {
    format: 'taskrel-recommendation/2',
    knowledge: {
      study: knowledge.field('study').string(),
      folder: knowledge.field('folder').string(),
      shipped: knowledge.field('shipped').boolean(),
      tasks: count(knowledge.field('tasks')),
      pairs: count(knowledge.field('pairs')),
      trainRange: nullable(knowledge.field('trainRange'), (t) => ({
        min: t.field('min').number({ min: 0 }),
        max: t.field('max').number({ min: 0 }),
      })),
    },
    candidatesFrom: root.field('candidatesFrom').oneOf(['given', 'study'] as const),
    main: task(root.field('main')),
    candidates: root.field('candidates').items().map(task),
    features: root
      .field('features')
      .items({ allowEmpty: true })
      .map((f, i) => validateTaskFeatures(f.value, `${document}: features[${i}]`)),
    model: {
      ...modelFields,
      C: model.field('C').number({ min: 0, exclusiveMin: true }),
      trainingPairs: model.field('trainingPairs').integer({ min: 1 }),
      dropped: model
        .field('dropped')
        .items({ allowEmpty: true })
        .map((d) => ({ feature: feature(d.field('feature')), reason: d.field('reason').string() })),
      leftOut: nullable(model.field('leftOut'), (l) => l.string()),
    },
    gainModel,
    ranking: root.field('ranking').items().map(rankedAux),
    predictors: root.field('predictors').items().map(column),
    trust: {
      leaveOneMainTaskOut: outcome(trustReader.field('leaveOneMainTaskOut'), (r) => ({
        accuracy: rate(r.field('accuracy')),
        f1: nullable(r.field('f1'), rate),
      })),
      baselines: {
        alwaysNoGainAccuracy: rate(baselines.field('alwaysNoGainAccuracy')),
        alwaysGainF1: nullable(baselines.field('alwaysGainF1'), rate),
        majorityAccuracy: rate(baselines.field('majorityAccuracy')),
      },
      heldOut: readRecommendationEvaluation(trustReader.field('heldOut')),
    },
    outsideRange: root.field('outsideRange').items({ allowEmpty: true }).map(outside),
    notes: root
      .field('notes')
      .items({ allowEmpty: true })
      .map((n) => n.string()),
    cost: cost(root.field('cost')),
  };
}

/** The study folder's replay.json (written by `taskrel analyze`). */
export function validateReplay(json: unknown, document: string): RecommendationEvaluation {
  const root = FieldReader.root(json, document);
  root.onlyKeys(['tasks', 'evaluated', 'precisionAtOne', 'randomPrecision', 'spearman', 'spearmanTasks']);
  return readRecommendationEvaluation(root);
}
