import { SplitNames, type Example, type SplitName, type Task } from './task.js';

export interface SplitSummary {
  /** Sentences for tagging, texts for classification. */
  examples: number;
  tokens: number;
  /** Label → count in this split, most frequent first. */
  labels: [string, number][];
}

export type TaskSummary = Record<SplitName, SplitSummary>;

export function summarizeTask(task: Task): TaskSummary {
  return Object.fromEntries(SplitNames.map((split) => [split, summarizeSplit(task[split])])) as TaskSummary;
}

function summarizeSplit(examples: readonly Example[]): SplitSummary {
  const counts = new Map<string, number>();
  let tokens = 0;
  for (const example of examples) {
    tokens += example.tokens.length;
    for (const label of example.labels) counts.set(label, (counts.get(label) ?? 0) + 1);
  }
  const labels = [...counts].sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1));
  return { examples: examples.length, tokens, labels };
}
