import type { Example } from '../../tasks/task.js';

/** Number of distinct labels that occur in the training split (not the task's declared label set). */
export function labelCount(train: readonly Example[]): number {
  const labels = new Set<string>();
  for (const example of train) for (const label of example.labels) labels.add(label);
  return labels.size;
}
