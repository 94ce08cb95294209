import { readConllu, type ConlluSentence } from '../../src/data/conllu.js';
import type { Example, Task } from '../../src/tasks/task.js';
import { fixturePath } from '../data/testFiles.js';

export const EWT_EXCERPT = fixturePath('ewt-excerpt.conllu');
export const GUM_EXCERPT = fixturePath('gum-excerpt.conllu');

export function readExcerpt(file: string): Promise<ConlluSentence[]> {
  return readConllu(file);
}

/** BIO labels as brackets, `[NP the cat ] sat`, which is easier to check by eye than a label list. */
export function bracketed(tokens: readonly string[], labels: readonly string[]): string {
  const out: string[] = [];
  let open: string | null = null;
  tokens.forEach((token, index) => {
    const label = labels[index] as string;
    const type = label === 'O' ? null : label.slice(2);
    if (open !== null && (type === null || label.startsWith('B-') || type !== open)) out.push(']');
    if (type !== null && (label.startsWith('B-') || type !== open)) out.push(`[${type}`);
    open = type;
    out.push(token);
  });
  if (open !== null) out.push(']');
  return out.join(' ');
}

/** An example from space-separated tokens and labels. */
export const example = (text: string, labels: string): Example => ({ tokens: text.split(' '), labels: labels.split(' ') });

/** A small task built by hand for encoding and summary tests; `overrides` make other hand-made tasks. */
export function tinyTask(overrides: Partial<Task> = {}): Task {
  return {
    name: 'tiny',
    kind: 'tagging',
    description: 'hand-made',
    source: 'test',
    labels: ['B-NP', 'I-NP', 'O'],
    outside: 'O',
    train: [example('The cat sat', 'B-NP I-NP O'), example('the Dog saw the cat', 'B-NP I-NP O B-NP I-NP')],
    dev: [example('A cat', 'B-NP I-NP')],
    test: [example('the bird', 'B-NP I-NP')],
    unseen: [],
    fingerprint: 'f',
    ...overrides,
  };
}
