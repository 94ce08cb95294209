import { modelTypeNames, modelTypes } from '../engine/models/modelTypes.js';
import { optimizerNames, optimizerOf } from '../engine/optimizers/optimizers.js';
import { samplerNames, samplerOf, samplers } from '../engine/samplers/samplers.js';
import type { ModelSpec, OptimizerConfig, SamplerConfig } from '../engine/trainRequest.js';
import { TaskrelError } from '../errors.js';
import { type CurveFeatureMode, CurveFeatureModes } from '../features/taskFeatures.js';
import { FieldReader } from '../validate.js';
import { type TaskRef, readTaskRef } from './taskRef.js';

/**
 * A study: which tasks, which model and how long to train them. Written by users as JSON in `studies/`,
 * normalized (every default filled in) by `parseStudySpec`, and stored as `study.json` in the study folder.
 */
export interface StudySpec {
  name: string;
  description: string;
  tasks: TaskRef[];
  /**
   * Training sentences (or texts) per task, for the tasks that are capped: each run trains on a sample of that many
   * from the task's training split, drawn afresh for each seed (the same sample in a seed's single and pair runs,
   * so gains stay paired). Dev and test are never capped. Tasks not named train on their whole split.
   */
  trainSentences: Record<string, number>;
  model: ModelSpec;
  vocabulary: {
    /** `run`: each run's own tasks; `study`: all tasks of the study (the same input layer in every run). */
    scope: 'run' | 'study';
    /** `union` of the tasks' training words, or only words in every task's training data (the GumGum blog). */
    combine: 'union' | 'intersection';
    maxSize: number;
  };
  optimizer: OptimizerConfig;
  sampler: SamplerConfig;
  batchSize: number;
  budget: {
    singleBatches: number;
    /** The paper trained pair runs for twice the single budget: each task gets about as many batches. */
    pairBatches: number;
    /**
     * End a pair run once neither head's dev score has improved for this many evaluations (0: train the whole
     * budget). Single runs always train their whole budget: their learning curves are features, defined over it.
     */
    pairPatience: number;
  };
  evaluation: {
    /** Dev evaluation (and best-checkpoint selection) every this many global steps. */
    evalEvery: number;
    /** A learning-curve point (mean training loss) every this many steps of a task. */
    curveEvery: number;
    /** Evaluate on at most this many dev sentences (the first ones), 0 = all. Test always uses all. */
    devLimit: number;
  };
  seeds: number[];
  /** Study folder; `reports/<name>` unless given. Relative paths resolve against the working directory. */
  output: string;
  /** How the finished runs are analysed; not part of any run's hash, so changing it retrains nothing. */
  analysis: {
    /** With several seeds: count a pair as gaining only when p < 0.05. */
    significantOnly: boolean;
    /** Curve-feature definitions: taskrel's own (`taskrel`) or the paper notebook's (`paper`). */
    curveFeatures: CurveFeatureMode;
  };
  /** Optional records each run keeps besides curves and scores (they cost little, but change the runs' hashes). */
  records: {
    /**
     * Score each head, at its best-dev checkpoint, on the test sets of the study's other tasks that have the
     * same labels: how a model of one task does on another's data.
     */
    transfer: boolean;
    /** The classifier's input-word weights into its hidden layer, summed per word, at the end of training. */
    inputImportance: boolean;
  };
}

const topKeys = [
  'name',
  'description',
  'tasks',
  'trainSentences',
  'model',
  'vocabulary',
  'optimizer',
  'sampler',
  'batchSize',
  'budget',
  'evaluation',
  'seeds',
  'output',
  'analysis',
  'records',
  '$schema',
] as const;

/**
 * Validates a user's study spec (parsed JSON) and fills in defaults. `document` names the file in errors;
 * relative file paths of file-declared tasks resolve against `baseDir` (the spec's folder).
 */
export function parseStudySpec(json: unknown, document: string, baseDir: string): StudySpec {
  const root = FieldReader.root(json, document).onlyKeys(topKeys);
  const name = root.field('name').matching(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, 'a name of letters, digits, - _ .');
  const tasks = root
    .field('tasks')
    .items()
    .map((item) => readTaskRef(item, baseDir));
  const taskNames = tasks.map((t) => (typeof t === 'string' ? t : t.name));
  const duplicate = taskNames.find((t, i) => taskNames.indexOf(t) !== i);
  if (duplicate !== undefined) throw root.field('tasks').fail(`distinct task names ('${duplicate}' appears twice)`);
  if (tasks.length < 2) {
    throw root.field('tasks').fail('at least two tasks (a study measures what each task gains from training with another)');
  }
  const model = readModel(root.field('model'));
  const budget = root.field('budget').onlyKeys(['singleBatches', 'pairBatches', 'pairPatience']);
  const singleBatches = budget.field('singleBatches').integer({ min: 1 });
  const seeds = root.field('seeds').present
    ? root
        .field('seeds')
        .items()
        .map((s) => s.integer({ min: 0 }))
    : [1];
  if (new Set(seeds).size !== seeds.length) throw root.field('seeds').fail('distinct seeds');
  return {
    name,
    description: root.field('description').text(''),
    tasks,
    trainSentences: readTrainSentences(root.field('trainSentences'), taskNames),
    model,
    vocabulary: readVocabulary(root.field('vocabulary')),
    optimizer: readOptimizer(root.field('optimizer')),
    sampler: readSampler(root.field('sampler')),
    batchSize: root.field('batchSize').integer({ min: 1, fallback: 32 }),
    budget: {
      singleBatches,
      pairBatches: budget.field('pairBatches').integer({ min: 1, fallback: 2 * singleBatches }),
      pairPatience: budget.field('pairPatience').integer({ min: 0, fallback: 0 }),
    },
    evaluation: readEvaluation(root.field('evaluation'), singleBatches),
    seeds,
    output: root.field('output').string(`reports/${name}`),
    analysis: readAnalysis(root.field('analysis')),
    records: readRecords(root.field('records'), model.type),
  };
}

/** One cap for every task (a number) or caps by task name (an object); normalized to caps by task name. */
function readTrainSentences(reader: FieldReader, taskNames: readonly string[]): Record<string, number> {
  if (!reader.present) return {};
  if (typeof reader.value === 'number') {
    const cap = reader.integer({ min: 1 });
    return Object.fromEntries(taskNames.map((name) => [name, cap]));
  }
  const caps: Record<string, number> = {};
  for (const name of Object.keys(reader.object())) {
    if (!taskNames.includes(name)) {
      throw new TaskrelError(
        `${reader.document}: ${reader.field(name).path}: not a task of this study; expected one of ${taskNames.join(', ')}`,
      );
    }
    caps[name] = reader.field(name).integer({ min: 1 });
  }
  return caps;
}

function readAnalysis(reader: FieldReader): StudySpec['analysis'] {
  reader.onlyKeys(['significantOnly', 'curveFeatures']);
  return {
    significantOnly: reader.field('significantOnly').boolean(false),
    curveFeatures: reader.field('curveFeatures').oneOf(CurveFeatureModes, 'taskrel'),
  };
}

function readRecords(reader: FieldReader, modelType: StudySpec['model']['type']): StudySpec['records'] {
  reader.onlyKeys(['transfer', 'inputImportance']);
  const inputImportance = reader.field('inputImportance').boolean(false);
  if (inputImportance && modelType !== 'classifier') {
    throw reader
      .field('inputImportance')
      .fail(`false for model type '${modelType}' (only the classifier's input words feed its hidden layer directly)`);
  }
  return { transfer: reader.field('transfer').boolean(false), inputImportance };
}

function readModel(reader: FieldReader): StudySpec['model'] {
  const type = reader.field('type').oneOf(modelTypeNames(), 'tagger');
  return modelTypes[type].readSpec(reader);
}

function readVocabulary(reader: FieldReader): StudySpec['vocabulary'] {
  reader.onlyKeys(['scope', 'combine', 'maxSize']);
  return {
    scope: reader.field('scope').oneOf(['run', 'study'] as const, 'run'),
    combine: reader.field('combine').oneOf(['union', 'intersection'] as const, 'union'),
    maxSize: reader.field('maxSize').integer({ min: 3, fallback: 20000 }),
  };
}

function readOptimizer(reader: FieldReader): OptimizerConfig {
  reader.onlyKeys(['name', 'learningRate']);
  const name = reader.field('name').oneOf(optimizerNames(), 'adam');
  return { name, ...optimizerOf({ name, learningRate: 0 }).readOptions(reader) };
}

function readSampler(reader: FieldReader): SamplerConfig {
  const options = [...new Set(Object.values(samplers).flatMap((sampler) => sampler.options))];
  reader.onlyKeys(['name', ...options]);
  const name = reader.field('name').oneOf(samplerNames(), 'uniform');
  const sampler = samplerOf({ name });
  for (const option of options) {
    if (!sampler.options.includes(option) && reader.field(option).present) throw reader.field(option).fail(`nothing for sampler '${name}'`);
  }
  return { name, ...sampler.readOptions(reader) };
}

function readEvaluation(reader: FieldReader, singleBatches: number): StudySpec['evaluation'] {
  reader.onlyKeys(['evalEvery', 'curveEvery', 'devLimit']);
  return {
    evalEvery: reader.field('evalEvery').integer({ min: 1, fallback: Math.max(1, Math.round(singleBatches / 10)) }),
    curveEvery: reader.field('curveEvery').integer({ min: 1, fallback: Math.max(1, Math.round(singleBatches / 100)) }),
    devLimit: reader.field('devLimit').integer({ min: 0, fallback: 0 }),
  };
}
