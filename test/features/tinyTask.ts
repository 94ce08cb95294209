import type { Example, Task } from '../../src/tasks/task.js';

const example = (text: string, labels: string): Example => ({ tokens: text.split(' '), labels: labels.split(' ') });

/**
 * A three-sentence tagging task small enough to compute every dataset feature by hand (the tests show the
 * arithmetic). Train tokens: The cat sat the cat | A dog | dogs bark; test: the dog sat | cats bark.
 */
export function tinyTask(): Task {
  return {
    name: 'tiny',
    kind: 'tagging',
    description: 'hand-made fixture',
    source: 'test/features/tinyTask.ts',
    labels: ['D', 'N', 'V'],
    outside: null,
    train: [example('The cat sat the cat', 'D N V D N'), example('A dog', 'D N'), example('dogs bark', 'N V')],
    dev: [example('a cat', 'D N')],
    test: [example('the dog sat', 'D N V'), example('cats bark', 'N V')],
    unseen: [],
    fingerprint: 'tiny',
  };
}

/** Lowercase word-vector vocabulary, like GloVe 6B; of the train tokens only "dogs" is missing. */
export const tinyVocabulary: ReadonlySet<string> = new Set(['the', 'cat', 'sat', 'a', 'dog', 'bark', 'cats']);
