import { parseStoredJson } from '../../shared/jsonFile.js';
import type { MeanInterval } from '../../shared/meanInterval.js';
import { FieldReader } from '../../validate.js';
import type { ImportanceView } from './modelViews.js';
import { AgreementComparisons } from './rankAgreements.js';
import { TransferRelations } from './transferTable.js';
import type { ViewsRecord } from './viewsRecord.js';
import { ImportanceVariants } from './wordImportance.js';

const nullable = <T>(r: FieldReader, read: (r: FieldReader) => T): T | null => (r.value === null ? null : read(r));
const count = (r: FieldReader): number => r.integer({ min: 0 });
const rho = (r: FieldReader): number | null => nullable(r, (x) => x.number());
/** A vocabulary word, or a model or task name: any string. */
const name = (r: FieldReader): string => {
  if (typeof r.value !== 'string') throw r.fail('a string');
  return r.value;
};

const interval = (r: FieldReader): MeanInterval => ({
  mean: r.field('mean').number(),
  low: nullable(r.field('low'), (x) => x.number()),
  high: nullable(r.field('high'), (x) => x.number()),
  n: r.field('n').integer({ min: 1 }),
});

const importance = (r: FieldReader): ImportanceView => ({
  variant: r.field('variant').oneOf(ImportanceVariants),
  models: r
    .field('models')
    .items({ allowEmpty: true })
    .map((m) => ({
      model: name(m.field('model')),
      variant: m.field('variant').oneOf(ImportanceVariants),
      seeds: m.field('seeds').integer({ min: 1 }),
      words: m
        .field('words')
        .items({ allowEmpty: true })
        .map((w) => ({
          word: name(w.field('word')),
          importance: w.field('importance').number(),
          rank: w.field('rank').number({ min: 1 }),
        })),
    })),
  agreements: r
    .field('agreements')
    .items({ allowEmpty: true })
    .map((a) => ({
      a: name(a.field('a')),
      b: name(a.field('b')),
      comparison: a.field('comparison').oneOf(AgreementComparisons),
      variant: a.field('variant').oneOf(ImportanceVariants),
      rho: rho(a.field('rho')),
      min: rho(a.field('min')),
      max: rho(a.field('max')),
      comparisons: count(a.field('comparisons')),
      words: count(a.field('words')),
    })),
});

/** Checks views.json field by field, naming the file and field of the first problem. */
export function validateViews(value: unknown, file: string): ViewsRecord {
  const r = FieldReader.root(value, file);
  r.onlyKeys(['scores', 'importance', 'transfer', 'sharedLayer', 'agreementMeans', 'sharedLayerSummary']);
  return {
    scores: r
      .field('scores')
      .items({ allowEmpty: true })
      .map((s) => ({
        task: name(s.field('task')),
        partner: nullable(s.field('partner'), name),
        f1: interval(s.field('f1')),
        pValue: nullable(s.field('pValue'), (x) => x.number({ min: 0, max: 1 })),
      })),
    importance: nullable(r.field('importance'), (x) => x.items().map(importance)),
    transfer: nullable(r.field('transfer'), (x) =>
      x.items({ allowEmpty: true }).map((c) => ({
        testTask: name(c.field('testTask')),
        head: name(c.field('head')),
        model: name(c.field('model')),
        modelTasks: c.field('modelTasks').items().map(name),
        relation: c.field('relation').oneOf(TransferRelations),
        accuracy: interval(c.field('accuracy')),
        f1: interval(c.field('f1')),
      })),
    ),
    sharedLayer: nullable(r.field('sharedLayer'), (x) =>
      x.items({ allowEmpty: true }).map((c) => ({
        testTask: name(c.field('testTask')),
        head: name(c.field('head')),
        alone: interval(c.field('alone')),
        joint: interval(c.field('joint')),
      })),
    ),
    agreementMeans: nullable(r.field('agreementMeans'), (x) =>
      x.items({ allowEmpty: true }).map((m) => ({
        variant: m.field('variant').oneOf(ImportanceVariants),
        comparison: m.field('comparison').oneOf(AgreementComparisons),
        rho: rho(m.field('rho')),
        pairs: count(m.field('pairs')),
      })),
    ),
    sharedLayerSummary: nullable(r.field('sharedLayerSummary'), (x) => ({
      compared: count(x.field('compared')),
      better: count(x.field('better')),
      meanDifference: nullable(x.field('meanDifference'), (d) => d.number()),
    })),
  };
}

export function parseViewsJson(text: string, file: string): ViewsRecord {
  return validateViews(parseStoredJson(text, file), file);
}
