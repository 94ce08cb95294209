import { wordVectors } from '../data/wordVectors.js';
import { Rng } from '../shared/random.js';
import { TaskrelError } from '../errors.js';
import { encodeTask } from '../tasks/encodeTask.js';
import type { EncodedTask, Vocabulary } from '../tasks/encodedTask.js';
import type { Task } from '../tasks/task.js';
import { buildVocabulary } from '../tasks/vocabulary.js';
import type { StudySpec } from './spec.js';
import { loadTaskRef, taskRefName } from './taskRef.js';
import { trainSample } from './trainSample.js';

/** What a model trained for a study needs besides its settings: encoded tasks, vocabulary size, initial embeddings. */
export interface RunInputs {
  tasks: EncodedTask[];
  /** The input words (id = index), for records kept per word (input importance). */
  vocabulary: Vocabulary;
  vocabularySize: number;
  /** GloVe rows when the spec asks for them. */
  initialEmbeddings?: Float32Array;
}

/** Loaded tasks are kept per process: a worker trains many runs over the same few tasks. */
const loaded = new Map<string, Promise<Task>>();

/**
 * The inputs of a model over `taskNames` exactly as the study spec sets them up: each task's training sample for
 * `seed` (its whole split unless capped), the vocabulary of those samples (or of all the study's tasks, with
 * vocabulary scope `study`), the tasks encoded with it, and GloVe rows seeded by `seed`.
 * Every run of a study, and any other training over its tasks (the affinity run), starts from here.
 */
export async function runInputs(spec: StudySpec, taskNames: readonly string[], seed: number): Promise<RunInputs> {
  const sampled = async (name: string): Promise<Task> => trainSample(await studyTask(spec, name), spec.trainSentences[name], seed);
  const tasks = await Promise.all(taskNames.map(sampled));
  const vocabularyTasks = spec.vocabulary.scope === 'study' ? await Promise.all(spec.tasks.map((t) => sampled(taskRefName(t)))) : tasks;
  const vocabulary = buildVocabulary(vocabularyTasks, { combine: spec.vocabulary.combine, maxSize: spec.vocabulary.maxSize });
  return {
    tasks: tasks.map((task) => encodeTask(task, vocabulary)),
    vocabulary,
    vocabularySize: vocabulary.words.length,
    initialEmbeddings: spec.model.wordVectors === 'glove-100d' ? await gloveEmbeddings(vocabulary, seed) : undefined,
  };
}

/** A task of the study, loaded once per process; an imported task (no data here) is an error. */
export function studyTask(spec: StudySpec, name: string): Promise<Task> {
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
