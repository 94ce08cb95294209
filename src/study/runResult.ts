import type { BestCheckpoint, EarlyStop, HeadResult, InputImportance, Scores } from '../engine/trainingResult.js';
import { FieldReader } from '../validate.js';
import type { StudySpec } from './spec.js';

/**
 * One finished training run as stored in `<study>/runs/<id>.json`: a single-task run (one head) or a
 * symmetric pair run (two heads, which yields both directed pairs). Local, distributed and imported runs
 * all produce this same record, so analysis never cares where a run came from.
 */
export interface RunResult {
  id: string;
  kind: 'single' | 'pair';
  /** Task names, one for a single run, two (sorted) for a pair run. */
  tasks: string[];
  seed: number;
  /** Hash of everything that determines this run (its tasks' data, model, optimiser, budget, seed). */
  specHash: string;
  backend: string;
  /** taskrel, node, @tensorflow/tfjs and backend package versions. */
  versions: Record<string, string>;
  /** Where it was trained: `local`, `redis:<worker>` or `import`. */
  origin: string;
  finishedAt: string;
  seconds: number;
  /** Batches trained: the plan's, or fewer when the run stopped early. */
  batches: number;
  /** Only for a pair run that ended before its budget (`budget.pairPatience`). */
  earlyStop?: EarlyStop;
  heads: Record<string, HeadResult>;
  /** Only when the study records it (`records.inputImportance`): per word of the run's input vocabulary. */
  inputImportance?: WordImportance;
}

/** InputImportance with the vocabulary's words: `words[i]` has `sum[i]` and `absSum[i]`. */
export interface WordImportance extends InputImportance {
  words: string[];
}

/** Validates a stored run record (`runs/<id>.json`, or one returned by a remote worker). */
export function parseRunResult(json: unknown, document: string): RunResult {
  const root = FieldReader.root(json, document);
  const kind = root.field('kind').oneOf(['single', 'pair'] as const);
  const tasks = root
    .field('tasks')
    .items()
    .map((t) => t.string());
  if (tasks.length !== (kind === 'single' ? 1 : 2))
    throw root.field('tasks').fail(`${kind === 'single' ? 1 : 2} task names for a ${kind} run`);
  const heads: Record<string, HeadResult> = {};
  for (const task of tasks) heads[task] = readHead(root.field('heads').field(task));
  const versions: Record<string, string> = {};
  for (const key of Object.keys(root.field('versions').object())) versions[key] = root.field('versions').field(key).string();
  const importance = root.field('inputImportance');
  const earlyStop = root.field('earlyStop');
  return {
    id: root.field('id').string(),
    kind,
    tasks,
    seed: root.field('seed').integer({ min: 0 }),
    specHash: root.field('specHash').string(),
    backend: root.field('backend').string(),
    versions,
    origin: root.field('origin').string(),
    finishedAt: root.field('finishedAt').string(),
    seconds: root.field('seconds').number({ min: 0 }),
    batches: root.field('batches').integer({ min: 0 }),
    ...(earlyStop.present
      ? { earlyStop: { step: earlyStop.field('step').integer({ min: 1 }), patience: earlyStop.field('patience').integer({ min: 1 }) } }
      : {}),
    heads,
    ...(importance.present ? { inputImportance: readImportance(importance) } : {}),
  };
}

function readHead(reader: FieldReader): HeadResult {
  const curve = { step: reader.field('curve').field('step').numbers(), loss: reader.field('curve').field('loss').numbers() };
  if (curve.step.length !== curve.loss.length) throw reader.field('curve').fail('step and loss arrays of equal length');
  const dev = {
    step: reader.field('dev').field('step').numbers(),
    f1: reader.field('dev').field('f1').numbers(),
    accuracy: reader.field('dev').field('accuracy').numbers(),
  };
  if (dev.step.length !== dev.f1.length || dev.step.length !== dev.accuracy.length) {
    throw reader.field('dev').fail('step, f1 and accuracy arrays of equal length');
  }
  return { batches: reader.field('batches').integer({ min: 0 }), curve, dev, best: readBest(reader.field('best')) };
}

function readBest(reader: FieldReader): BestCheckpoint {
  const dev = reader.field('dev');
  const best: BestCheckpoint = {
    step: reader.field('step').integer({ min: 0 }),
    dev: dev.value === null ? null : readScores(dev),
    test: readScores(reader.field('test')),
  };
  const transfer = reader.field('transfer');
  if (transfer.present)
    best.transfer = Object.fromEntries(Object.keys(transfer.object()).map((task) => [task, readScores(transfer.field(task))]));
  return best;
}

function readImportance(reader: FieldReader): WordImportance {
  const words = reader
    .field('words')
    .items()
    .map((w) => w.string());
  const sum = reader.field('sum').numbers();
  const absSum = reader
    .field('absSum')
    .items({ allowEmpty: true })
    .map((item) => item.number({ min: 0 }));
  if (sum.length !== words.length || absSum.length !== words.length) throw reader.fail('words, sum and absSum arrays of equal length');
  return { words, sum, absSum };
}

function readScores(reader: FieldReader): Scores {
  return { f1: reader.field('f1').number({ min: 0, max: 1 }), accuracy: reader.field('accuracy').number({ min: 0, max: 1 }) };
}

/** The runs of the spec's seeds: a folder keeps the runs of seeds the spec no longer lists, but nothing analyses them. */
export function ofSpecSeeds(runs: readonly RunResult[], spec: Pick<StudySpec, 'seeds'>): RunResult[] {
  const seeds = new Set(spec.seeds);
  return runs.filter((run) => seeds.has(run.seed));
}
