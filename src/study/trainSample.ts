import { Rng } from '../shared/random.js';
import type { Task } from '../tasks/task.js';

/**
 * The task as a study's run of `seed` sees it: with a cap (`StudySpec.trainSentences`), `cap` training examples
 * drawn without replacement by the seed, kept in corpus order; dev, test and the label set stay whole. Each seed
 * draws its own sample, so gains over seeds average over samples too, while a seed's single and pair runs share
 * theirs. A smaller cap's sample is part of a larger one's for the same seed (one shuffle, cut at the cap).
 */
export function trainSample(task: Task, cap: number | undefined, seed: number): Task {
  if (cap === undefined || cap >= task.train.length) return task;
  const rng = new Rng(seed).fork(`train-sample:${task.name}`);
  const order = task.train.map((_, i) => i);
  for (let i = order.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [order[i], order[j]] = [order[j] as number, order[i] as number];
  }
  const chosen = order.slice(0, cap).sort((a, b) => a - b);
  return { ...task, train: chosen.map((i) => task.train[i]) };
}

/** Every training sample the study's runs of `task` see: one per seed when capped, else the task itself. */
export function studySamples(task: Task, cap: number | undefined, seeds: readonly number[]): Task[] {
  return cap === undefined || cap >= task.train.length ? [task] : seeds.map((seed) => trainSample(task, cap, seed));
}
