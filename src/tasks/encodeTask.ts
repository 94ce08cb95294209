import { UNK_ID, type EncodedSplit, type EncodedTask, type Vocabulary } from './encodedTask.js';
import { normalizeToken } from './vocabulary.js';
import type { Example, Task } from './task.js';

/** Token ids from `vocabulary` (lowercased; unknown words → UNK_ID) and label ids into `task.labels`. */
export function encodeTask(task: Task, vocabulary: Vocabulary): EncodedTask {
  const wordIds = new Map(vocabulary.words.map((word, id) => [word, id]));
  const labelIds = new Map(task.labels.map((label, id) => [label, id]));
  const encode = (examples: readonly Example[]): EncodedSplit => ({
    tokens: examples.map((example) => Int32Array.from(example.tokens, (token) => wordIds.get(normalizeToken(token)) ?? UNK_ID)),
    labels: examples.map((example) =>
      Int32Array.from(example.labels, (label) => {
        const id = labelIds.get(label);
        if (id === undefined) throw new Error(`task ${task.name}: label '${label}' is not in its label set`);
        return id;
      }),
    ),
  });
  return {
    name: task.name,
    kind: task.kind,
    labels: task.labels,
    outside: task.outside === null ? -1 : task.labels.indexOf(task.outside),
    train: encode(task.train),
    dev: encode(task.dev),
    test: encode(task.test),
  };
}
