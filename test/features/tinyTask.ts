import type { Task } from '../../src/tasks/task.js';
import { example, tinyTask as handMadeTask } from '../tasks/taskTesting.js';

/**
 * A three-sentence tagging task small enough to compute every dataset feature by hand (the tests show the
 * arithmetic). Train tokens: The cat sat the cat | A dog | dogs bark; test: the dog sat | cats bark.
 */
export function tinyTask(): Task {
  return handMadeTask({
    labels: ['D', 'N', 'V'],
    outside: null,
    train: [example('The cat sat the cat', 'D N V D N'), example('A dog', 'D N'), example('dogs bark', 'N V')],
    dev: [example('a cat', 'D N')],
    test: [example('the dog sat', 'D N V'), example('cats bark', 'N V')],
  });
}

/** Lowercase word-vector vocabulary, like GloVe 6B; of the train tokens only "dogs" is missing. */
export const tinyVocabulary: ReadonlySet<string> = new Set(['the', 'cat', 'sat', 'a', 'dog', 'bark', 'cats']);
