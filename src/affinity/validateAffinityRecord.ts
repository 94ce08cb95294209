import { FieldReader } from '../validate.js';
import type { AffinityRecord } from './affinityRecord.js';
import { type LookaheadConfig, LookaheadRuleNames } from './lookaheadRules.js';

/** Checks an affinity.json document (the shape `taskrel affinity` writes); `document` names the file in errors. */
export function validateAffinityRecord(json: unknown, document: string): AffinityRecord {
  const root = FieldReader.root(json, document).onlyKeys([
    'format',
    'study',
    'finishedAt',
    'versions',
    'settings',
    'backend',
    'tasks',
    'measurements',
    'sharedParameters',
    'lookahead',
    'cosine',
    'reliability',
    'cost',
  ]);
  root.field('format').oneOf(['taskrel-affinity/1'] as const);
  const tasks = root
    .field('tasks')
    .items()
    .map((t) => t.string());
  if (tasks.length < 2 || new Set(tasks).size !== tasks.length) throw root.field('tasks').fail('two or more distinct task names');
  const matrix = (reader: FieldReader): number[][] => {
    const rows = reader.items().map((row) => row.numbers());
    if (rows.length !== tasks.length || rows.some((row) => row.length !== tasks.length)) {
      throw reader.fail(`a ${tasks.length} × ${tasks.length} matrix (one row and column per task)`);
    }
    return rows;
  };
  const versions: Record<string, string> = {};
  for (const key of Object.keys(root.field('versions').object())) versions[key] = root.field('versions').field(key).string();
  const settings = root.field('settings').onlyKeys(['seed', 'batchSize', 'batches', 'every', 'lookahead']);
  const cost = root
    .field('cost')
    .onlyKeys(['trainingBatches', 'gradientPasses', 'forwardPasses', 'seconds', 'gradientSeconds', 'lookaheadSeconds']);
  const count = (name: string): number => cost.field(name).integer({ min: 0 });
  const seconds = (name: string): number => cost.field(name).number({ min: 0 });
  const reliability = root.field('reliability').onlyKeys(['lookahead', 'cosine']);
  const correlation = (r: FieldReader): number | null => (r.value === null ? null : r.number({ min: -1, max: 1 }));
  return {
    format: 'taskrel-affinity/1',
    study: root.field('study').string(),
    finishedAt: root.field('finishedAt').string(),
    versions,
    settings: {
      seed: settings.field('seed').integer({ min: 0 }),
      batchSize: settings.field('batchSize').integer({ min: 1 }),
      batches: settings.field('batches').integer({ min: 1 }),
      every: settings.field('every').integer({ min: 1 }),
      lookahead: readLookahead(settings.field('lookahead')),
    },
    backend: root.field('backend').string(),
    tasks,
    measurements: root.field('measurements').integer({ min: 0 }),
    sharedParameters: root
      .field('sharedParameters')
      .items()
      .map((p) => p.string()),
    lookahead: matrix(root.field('lookahead')),
    cosine: matrix(root.field('cosine')),
    reliability: { lookahead: correlation(reliability.field('lookahead')), cosine: correlation(reliability.field('cosine')) },
    cost: {
      trainingBatches: count('trainingBatches'),
      gradientPasses: count('gradientPasses'),
      forwardPasses: count('forwardPasses'),
      seconds: seconds('seconds'),
      gradientSeconds: seconds('gradientSeconds'),
      lookaheadSeconds: seconds('lookaheadSeconds'),
    },
  };
}

function readLookahead(reader: FieldReader): LookaheadConfig {
  const rule = reader.field('rule').oneOf(LookaheadRuleNames);
  if (rule === 'optimizer') {
    reader.onlyKeys(['rule']);
    return { rule };
  }
  reader.onlyKeys(['rule', 'learningRate']);
  return { rule, learningRate: reader.field('learningRate').number({ min: 0, exclusiveMin: true }) };
}
