import { createHash } from 'node:crypto';
import { inputError } from '../errors.js';
import { SplitNames, UNKNOWN_LABEL, type Example, type Task, type UnseenLabel } from './task.js';
import type { BuiltSplits, TaskRecipe } from './taskRecipe.js';

/**
 * Turns built splits into a Task. Every split must be non-empty. The label set is the training split's; a dev or
 * test label never seen in training cannot be predicted, so it is mapped to UNKNOWN_LABEL (appended to the
 * label set) and counted in `unseen`, which `taskrel tasks show` reports.
 */
export function makeTask(recipe: TaskRecipe, { splits, origin }: BuiltSplits): Task {
  for (const split of SplitNames) {
    if (splits[split].length === 0) throw inputError(origin[split], undefined, `the ${split} split has no examples; expected at least one`);
  }
  const known = new Set(splits.train.flatMap((example) => example.labels));
  const labels = [...known].sort();
  const unseen: UnseenLabel[] = [];
  const mapUnseen = (split: 'dev' | 'test'): Example[] => {
    const counts = new Map<string, number>();
    const examples = splits[split].map(({ tokens, labels: given }) => ({
      tokens,
      labels: given.map((label) => {
        if (known.has(label)) return label;
        counts.set(label, (counts.get(label) ?? 0) + 1);
        return UNKNOWN_LABEL;
      }),
    }));
    for (const [label, count] of [...counts].sort(([a], [b]) => (a < b ? -1 : 1))) unseen.push({ split, label, count });
    return examples;
  };
  const dev = mapUnseen('dev');
  const test = mapUnseen('test');
  if (unseen.length > 0) labels.push(UNKNOWN_LABEL);
  const data = { kind: recipe.kind, labels, outside: recipe.outside, train: splits.train, dev, test };
  const fingerprint = createHash('sha256').update(JSON.stringify(data)).digest('hex');
  return { name: recipe.name, description: recipe.description, source: recipe.source, ...data, unseen, fingerprint };
}
