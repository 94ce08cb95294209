import type { SplitName, Task } from './task.js';

/**
 * A warning when splits of a file-declared task hold the same examples (one file given for several splits, or
 * a copy of it), naming the files; undefined when the splits differ. Dev would then pick the checkpoint on the
 * training data and test score it there: its F1 would measure memorisation, not generalisation.
 */
export function identicalSplits(task: Task, files: Record<SplitName, string>): string | undefined {
  const content = { train: JSON.stringify(task.train), dev: JSON.stringify(task.dev), test: JSON.stringify(task.test) };
  const pairs = (
    [
      ['train', 'dev'],
      ['train', 'test'],
      ['dev', 'test'],
    ] as const
  ).filter(([a, b]) => content[a] === content[b]);
  if (pairs.length === 0) return undefined;
  const same = pairs.length === 3 ? 'train, dev and test hold' : `${pairs.map(([a, b]) => `${a} and ${b}`).join(', ')} hold`;
  const byFile = new Map<string, string[]>();
  for (const split of new Set(pairs.flat())) byFile.set(files[split], [...(byFile.get(files[split]) ?? []), split]);
  const named = [...byFile].map(([file, splits]) => `${splits.join(', ')}: ${file}`).join('; ');
  return `task '${task.name}': ${same} the same examples (${named}): scores on them measure memorisation of the training data, not how the task generalises`;
}
