import type { SplitName, Task, TaskKind } from '../tasks/task.js';
import { summarizeTask } from '../tasks/taskSummary.js';

/** What the report shows about a task: the Task without its examples. */
export interface TaskInfo {
  name: string;
  kind: TaskKind;
  description: string;
  source: string;
  /** Examples (sentences or texts) per split. */
  sizes: Record<SplitName, number>;
  trainTokens: number;
  labels: number;
}

export function taskInfo(task: Task): TaskInfo {
  const summary = summarizeTask(task);
  return {
    name: task.name,
    kind: task.kind,
    description: task.description,
    source: task.source,
    sizes: { train: summary.train.examples, dev: summary.dev.examples, test: summary.test.examples },
    trainTokens: summary.train.tokens,
    labels: task.labels.length,
  };
}
