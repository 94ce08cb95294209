import { FieldReader } from '../validate.js';
import { type Interval, IntervalStatistics, type IntervalStatistic } from './bootstrap.js';
import type { FixedChoiceComparison } from './versusFixedChoice.js';
import type { GroupingComparison, NamedPartition } from './groupings.js';
import type { MainTaskScores, PredictorScores } from './heldOutScores.js';
import { type PermutationPValues, TestedStatistics, type TestedStatistic } from './permutationTest.js';
import { NewTaskNeeds, PredictorFamilies } from './predictor.js';
import { ScoreboardInputFiles, type ScoreboardEntry, type ScoreboardRecord, type StoredPrediction } from './scoreboardRecord.js';

const nullable = <T>(reader: FieldReader, read: (r: FieldReader) => T): T | null => (reader.value === null ? null : read(reader));
const share = (r: FieldReader): number => r.number({ min: 0, max: 1 });
const rho = (r: FieldReader): number | null => nullable(r, (x) => x.number({ min: -1, max: 1 }));
const texts = (r: FieldReader): string[] => r.items({ allowEmpty: true }).map((x) => x.text(''));

/** Checks a predictors.json document (the shape `taskrel predictors` writes); `document` names the file in errors. */
export function validateScoreboard(json: unknown, document: string): ScoreboardRecord {
  const root = FieldReader.root(json, document).onlyKeys([
    'format',
    'study',
    'createdAt',
    'inputs',
    'protocol',
    'truth',
    'predictors',
    'groupings',
    'notes',
  ]);
  root.field('format').oneOf(['taskrel-predictors/1'] as const);
  const inputs = root.field('inputs').onlyKeys(ScoreboardInputFiles);
  const protocol = root.field('protocol').onlyKeys(['permutations', 'resamples', 'seed', 'alpha', 'description']);
  const truth = root.field('truth').onlyKeys(['tasks', 'pairs', 'mainTasks', 'gained', 'label', 'excluded', 'cost']);
  const studyCost = truth.field('cost').onlyKeys(['runs', 'batches', 'seconds']);
  return {
    format: 'taskrel-predictors/1',
    study: root.field('study').string(),
    createdAt: root.field('createdAt').string(),
    inputs: {
      gains: nullable(inputs.field('gains'), (r) => r.string()),
      pairs: nullable(inputs.field('pairs'), (r) => r.string()),
      affinity: nullable(inputs.field('affinity'), (r) => r.string()),
    },
    protocol: {
      permutations: protocol.field('permutations').integer({ min: 0 }),
      resamples: protocol.field('resamples').integer({ min: 0 }),
      seed: protocol.field('seed').integer({ min: 0 }),
      alpha: protocol.field('alpha').number({ min: 0, max: 1 }),
      description: texts(protocol.field('description')),
    },
    truth: {
      tasks: truth
        .field('tasks')
        .items()
        .map((t) => t.string()),
      pairs: truth.field('pairs').integer({ min: 1 }),
      mainTasks: truth.field('mainTasks').integer({ min: 1 }),
      gained: truth.field('gained').integer({ min: 0 }),
      label: truth.field('label').string(),
      excluded: truth
        .field('excluded')
        .items({ allowEmpty: true })
        .map((e) => {
          e.onlyKeys(['main', 'aux', 'reason']);
          return { main: e.field('main').string(), aux: e.field('aux').string(), reason: e.field('reason').string() };
        }),
      cost: {
        runs: studyCost.field('runs').integer({ min: 0 }),
        batches: studyCost.field('batches').integer({ min: 0 }),
        seconds: studyCost.field('seconds').number({ min: 0 }),
      },
    },
    predictors: root.field('predictors').items().map(readEntry),
    groupings: root.field('groupings').items({ allowEmpty: true }).map(readGrouping),
    notes: texts(root.field('notes')),
  };
}

const aboutKeys = ['status', 'name', 'label', 'family', 'newTask', 'definition'];

function readEntry(reader: FieldReader): ScoreboardEntry {
  const about = {
    name: reader.field('name').string(),
    label: reader.field('label').string(),
    family: reader.field('family').oneOf(PredictorFamilies),
    newTask: reader.field('newTask').oneOf(NewTaskNeeds),
    definition: reader.field('definition').string(),
  };
  if (reader.field('status').oneOf(['ok', 'unavailable'] as const) === 'unavailable') {
    reader.onlyKeys([...aboutKeys, 'reason']);
    return { ...about, status: 'unavailable', reason: reader.field('reason').string() };
  }
  reader.onlyKeys([
    ...aboutKeys,
    'neutral',
    'reliability',
    'cost',
    'costNote',
    'ratio',
    'predictions',
    'scores',
    'fixedRegret',
    'versusFixed',
    'intervals',
    'pValues',
    'adjustedPValues',
  ]);
  const cost = reader.field('cost').onlyKeys(['batches', 'seconds']);
  const ratio = reader.field('ratio').onlyKeys(['batches', 'seconds']);
  const seconds = (r: FieldReader): number | null => nullable(r, (x) => x.number({ min: 0 }));
  return {
    ...about,
    status: 'ok',
    neutral: nullable(reader.field('neutral'), (r) => r.number()),
    reliability: rho(reader.field('reliability')),
    cost: { batches: cost.field('batches').integer({ min: 0 }), seconds: seconds(cost.field('seconds')) },
    costNote: reader.field('costNote').string(),
    ratio: { batches: ratio.field('batches').number({ min: 0 }), seconds: seconds(ratio.field('seconds')) },
    predictions: reader.field('predictions').items().map(readPrediction),
    scores: readScores(reader.field('scores')),
    fixedRegret: reader.field('fixedRegret').number(),
    versusFixed: readVersusFixed(reader.field('versusFixed')),
    intervals: readIntervals(reader.field('intervals')),
    pValues: readPValues(reader.field('pValues')),
    adjustedPValues: readPValues(reader.field('adjustedPValues')),
  };
}

function readPrediction(reader: FieldReader): StoredPrediction {
  reader.onlyKeys(['main', 'aux', 'score', 'predicted', 'gain', 'label']);
  return {
    main: reader.field('main').string(),
    aux: reader.field('aux').string(),
    score: reader.field('score').number(),
    predicted: reader.field('predicted').integer({ min: 0, max: 1 }) as 0 | 1,
    gain: reader.field('gain').number(),
    label: reader.field('label').integer({ min: 0, max: 1 }) as 0 | 1,
  };
}

function readScores(reader: FieldReader): PredictorScores {
  reader.onlyKeys([
    'pairs',
    'mainTasks',
    'spearman',
    'spearmanPerMain',
    'spearmanTasks',
    'accuracy',
    'majorityAccuracy',
    'regret',
    'randomRegret',
    'topOnePrecision',
    'randomTopOnePrecision',
    'mains',
  ]);
  return {
    pairs: reader.field('pairs').integer({ min: 1 }),
    mainTasks: reader.field('mainTasks').integer({ min: 1 }),
    spearman: rho(reader.field('spearman')),
    spearmanPerMain: rho(reader.field('spearmanPerMain')),
    spearmanTasks: reader.field('spearmanTasks').integer({ min: 0 }),
    accuracy: share(reader.field('accuracy')),
    majorityAccuracy: share(reader.field('majorityAccuracy')),
    regret: reader.field('regret').number({ min: 0 }),
    randomRegret: reader.field('randomRegret').number({ min: 0 }),
    topOnePrecision: share(reader.field('topOnePrecision')),
    randomTopOnePrecision: share(reader.field('randomTopOnePrecision')),
    mains: reader.field('mains').items().map(readMain),
  };
}

function readMain(reader: FieldReader): MainTaskScores {
  reader.onlyKeys(['main', 'pairs', 'spearman', 'top', 'topGain', 'best', 'bestGain', 'regret', 'randomRegret']);
  return {
    main: reader.field('main').string(),
    pairs: reader.field('pairs').integer({ min: 1 }),
    spearman: rho(reader.field('spearman')),
    top: reader
      .field('top')
      .items()
      .map((t) => t.string()),
    topGain: reader.field('topGain').number(),
    best: reader.field('best').string(),
    bestGain: reader.field('bestGain').number(),
    regret: reader.field('regret').number({ min: 0 }),
    randomRegret: reader.field('randomRegret').number({ min: 0 }),
  };
}

function readInterval(reader: FieldReader): Interval {
  return nullable(reader, (r) => {
    const [low, high] = r.numbers();
    if (r.numbers().length !== 2 || low > high) throw r.fail('[low, high] with low ≤ high');
    return [low, high];
  });
}

function readVersusFixed(reader: FieldReader): FixedChoiceComparison {
  reader.onlyKeys(['meanDifference', 'interval', 'better', 'worse', 'same', 'pValue']);
  return {
    meanDifference: reader.field('meanDifference').number(),
    interval: readInterval(reader.field('interval')),
    better: reader.field('better').integer({ min: 0 }),
    worse: reader.field('worse').integer({ min: 0 }),
    same: reader.field('same').integer({ min: 0 }),
    pValue: reader.field('pValue').number({ min: 0, max: 1 }),
  };
}

function readIntervals(reader: FieldReader): Record<IntervalStatistic, Interval> {
  reader.onlyKeys(IntervalStatistics);
  const interval = (statistic: IntervalStatistic): Interval => readInterval(reader.field(statistic));
  return {
    spearman: interval('spearman'),
    spearmanPerMain: interval('spearmanPerMain'),
    accuracy: interval('accuracy'),
    regret: interval('regret'),
    topOnePrecision: interval('topOnePrecision'),
  };
}

function readPValues(reader: FieldReader): PermutationPValues {
  reader.onlyKeys(Object.keys(TestedStatistics));
  const p = (statistic: TestedStatistic): number | null =>
    nullable(reader.field(statistic), (r) => r.number({ min: 0, max: 1, exclusiveMin: true }));
  return { accuracy: p('accuracy'), spearmanPerMain: p('spearmanPerMain'), regret: p('regret') };
}

function readGrouping(reader: FieldReader): GroupingComparison {
  reader.onlyKeys(['k', 'method', 'truth', 'predictors']);
  return {
    k: reader.field('k').integer({ min: 1 }),
    method: reader.field('method').oneOf(['exhaustive', 'search'] as const),
    truth: readPartition(reader.field('truth')),
    predictors: reader
      .field('predictors')
      .items({ allowEmpty: true })
      .map((p) => {
        p.onlyKeys(['name', 'partition', 'benefitUnderGains']);
        return {
          name: p.field('name').string(),
          partition: readPartition(p.field('partition')),
          benefitUnderGains: p.field('benefitUnderGains').number(),
        };
      }),
  };
}

function readPartition(reader: FieldReader): NamedPartition {
  reader.onlyKeys(['groups', 'benefit']);
  return {
    groups: reader
      .field('groups')
      .items()
      .map((g) => g.items().map((t) => t.string())),
    benefit: reader.field('benefit').number(),
  };
}
