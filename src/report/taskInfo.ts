import type { SplitName, Task, TaskKind } from '../tasks/task.js';
import { summarizeTask } from '../tasks/taskSummary.js';

/** What the report shows about a task: the Task without its examples. */
export interface TaskInfo {
  name: string;
  kind: TaskKind;
  description: string;
  source: string;
  /** Examples (sentences or texts) per split; for train, those a run trains on. */
  sizes: Record<SplitName, number>;
  /** Training tokens a run sees (the mean over the seeds' samples of a capped task). */
  trainTokens: number;
  /** The whole training split's size when runs train on a sample of it (a capped task), else null. */
  sampledFrom: number | null;
  labels: number;
}

/** The task as the study's runs see it: `samples` are its training samples, one per seed, or the task itself. */
export function taskInfo(task: Task, samples: readonly Task[] = [task]): TaskInfo {
  const summary = summarizeTask(task);
  const sampleTokens = samples.map((sample) => summarizeTask(sample).train.tokens);
  const sample = samples[0] ?? task;
  return {
    name: task.name,
    kind: task.kind,
    description: task.description,
    source: task.source,
    sizes: { train: sample.train.length, dev: summary.dev.examples, test: summary.test.examples },
    trainTokens: Math.round(sampleTokens.reduce((a, b) => a + b, 0) / sampleTokens.length),
    sampledFrom: sample === task ? null : task.train.length,
    labels: task.labels.length,
  };
}
