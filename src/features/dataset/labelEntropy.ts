import type { Example } from '../../tasks/task.js';

/**
 * Entropy in nats of the training label distribution, counted over label occurrences: every token's label for
 * tagging, every example's label for classification. Undefined when there are no labels.
 */
export function labelEntropy(train: readonly Example[]): number | undefined {
  const counts = new Map<string, number>();
  let total = 0;
  for (const example of train) {
    for (const label of example.labels) {
      counts.set(label, (counts.get(label) ?? 0) + 1);
      total += 1;
    }
  }
  if (total === 0) return undefined;
  let entropy = 0;
  for (const count of counts.values()) {
    const p = count / total;
    entropy -= p * Math.log(p);
  }
  return entropy;
}
