import { wordVectors } from '../data/wordVectors.js';
import type { BackendName } from '../engine/backend.js';
import { Rng } from '../engine/rng.js';
import { train } from '../engine/train.js';
import type { TrainProgress } from '../engine/trainRequest.js';
import { TaskrelError } from '../errors.js';
import { encodeTask } from '../tasks/encodeTask.js';
import type { Vocabulary } from '../tasks/encodedTask.js';
import type { Task } from '../tasks/task.js';
import { buildVocabulary } from '../tasks/vocabulary.js';
import type { RunResult } from './runResult.js';
import type { StudySpec } from './spec.js';
import { loadTaskRef, taskRefName } from './taskRef.js';
import { runVersions } from './versions.js';
import type { RunJob } from './workerMessages.js';

export interface ExecuteOptions {
  /** Recorded in the result: `local`, `redis:<worker>`, … */
  origin: string;
  onProgress?: (progress: TrainProgress) => void;
}

/** Loaded tasks are kept per process: a worker trains many runs over the same few tasks. */
const loaded = new Map<string, Promise<Task>>();

/** Trains one planned run (a single task or a pair) exactly as the study spec says and returns its record. */
export async function executeRun(job: RunJob, options: ExecuteOptions): Promise<RunResult> {
  const { spec, plan } = job;
  const tasks = await Promise.all(plan.tasks.map((name) => studyTask(spec, name)));
  const vocabularyTasks = spec.vocabulary.scope === 'study' ? await Promise.all(spec.tasks.map((t) => studyTask(spec, taskRefName(t)))) : tasks;
  const vocabulary = buildVocabulary(vocabularyTasks, { combine: spec.vocabulary.combine, maxSize: spec.vocabulary.maxSize });
  const started = Date.now();
  const result = await train({
    tasks: tasks.map((task) => encodeTask(task, vocabulary)),
    vocabularySize: vocabulary.words.length,
    initialEmbeddings: spec.model.wordVectors === 'glove-100d' ? await gloveEmbeddings(vocabulary, plan.seed) : undefined,
    model: spec.model,
    optimizer: spec.optimizer,
    sampler: spec.sampler,
    batchSize: spec.batchSize,
    batches: plan.batches,
    curveEvery: spec.evaluation.curveEvery,
    evalEvery: spec.evaluation.evalEvery,
    devLimit: spec.evaluation.devLimit,
    seed: plan.seed,
    backend: job.backend as BackendName | undefined,
    onProgress: options.onProgress,
  });
  return {
    id: plan.id,
    kind: plan.kind,
    tasks: plan.tasks,
    seed: plan.seed,
    specHash: plan.specHash,
    backend: result.backend,
    versions: await runVersions(result.backend),
    origin: options.origin,
    finishedAt: new Date().toISOString(),
    seconds: (Date.now() - started) / 1000,
    batches: result.batches,
    heads: result.heads,
  };
}

function studyTask(spec: StudySpec, name: string): Promise<Task> {
  const ref = spec.tasks.find((t) => taskRefName(t) === name);
  if (ref === undefined) throw new TaskrelError(`study ${spec.name} has no task '${name}'`);
  const key = JSON.stringify(ref);
  let task = loaded.get(key);
  if (task === undefined) {
    task = loadTaskRef(ref).then((t) => {
      if (t === undefined) throw new TaskrelError(`task '${name}' was imported from elsewhere; its data is not here to train on`);
      return t;
    });
    loaded.set(key, task);
  }
  return task;
}

/**
 * GloVe rows for the vocabulary; words GloVe lacks get small random rows (seeded by the run) rather than zeros,
 * so they start distinguishable from each other.
 */
async function gloveEmbeddings(vocabulary: Vocabulary, seed: number): Promise<Float32Array> {
  const { matrix, found, dimensions } = await wordVectors(vocabulary.words);
  const rng = new Rng(seed).fork('oov-embeddings');
  const limit = Math.sqrt(3 / dimensions);
  vocabulary.words.forEach((word, row) => {
    if (found.has(word)) return;
    for (let i = row * dimensions; i < (row + 1) * dimensions; i++) matrix[i] = rng.uniform(-limit, limit);
  });
  return matrix;
}
