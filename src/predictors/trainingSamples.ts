import { TaskrelError } from '../errors.js';
import { type WordLabelCounts, wordLabelCounts } from '../features/similarity/wordLabelCounts.js';
import type { Outcome } from '../meta/metaReport.js';
import type { StudySpec } from '../study/spec.js';
import { loadTaskRef, taskRefName } from '../study/taskRef.js';
import type { LoadTaskOptions } from '../tasks/loadTask.js';
import { trainSample } from '../study/trainSample.js';
import type { Example } from '../tasks/task.js';

/**
 * A task's training split as the runs of each seed saw it (spec seed order): its capped sample per seed, or the
 * whole split for every seed (the same array). Unavailable for an imported task or one that cannot be loaded.
 */
export type TrainingSamples = (task: string) => Promise<Outcome<{ samples: readonly (readonly Example[])[] }>>;

/** The study's tasks, loaded once each on first request. */
export function studyTrainingSamples(spec: StudySpec, options: LoadTaskOptions = {}): TrainingSamples {
  const loaded = new Map<string, ReturnType<TrainingSamples>>();
  const load: TrainingSamples = async (name) => {
    const ref = spec.tasks.find((r) => taskRefName(r) === name);
    if (ref === undefined) return { status: 'unavailable', reason: `${name} is not a task of the study` };
    try {
      const task = await loadTaskRef(ref, options);
      if (task === undefined) return { status: 'unavailable', reason: `${name} was imported: its training data is not here` };
      return { status: 'ok', samples: spec.seeds.map((seed) => trainSample(task, spec.trainSentences[name], seed).train) };
    } catch (error) {
      if (error instanceof TaskrelError) return { status: 'unavailable', reason: `${name}: ${error.message}` };
      throw error;
    }
  };
  return (name) => {
    let result = loaded.get(name);
    if (result === undefined) {
      result = load(name);
      loaded.set(name, result);
    }
    return result;
  };
}

/** A task's word-label counts per seed (shared where the seeds' samples are), and the seconds counting took. */
export type TaskWordCounts = (task: string) => Promise<Outcome<{ perSeed: readonly WordLabelCounts[]; seconds: number }>>;

/** Counts each task's samples once, for every predictor that compares tasks word by word. */
export function studyWordCounts(samples: TrainingSamples): TaskWordCounts {
  const counted = new Map<string, ReturnType<TaskWordCounts>>();
  const count: TaskWordCounts = async (name) => {
    const loaded = await samples(name);
    if (loaded.status !== 'ok') return loaded;
    const started = performance.now();
    const bySample = new Map<readonly Example[], WordLabelCounts>();
    const perSeed = loaded.samples.map((sample) => {
      let counts = bySample.get(sample);
      if (counts === undefined) {
        counts = wordLabelCounts(sample);
        bySample.set(sample, counts);
      }
      return counts;
    });
    return { status: 'ok', perSeed, seconds: (performance.now() - started) / 1000 };
  };
  return (name) => {
    let result = counted.get(name);
    if (result === undefined) {
      result = count(name);
      counted.set(name, result);
    }
    return result;
  };
}
