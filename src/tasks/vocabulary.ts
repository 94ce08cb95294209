import { specError } from '../errors.js';
import type { Vocabulary } from './encodedTask.js';
import type { Task } from './task.js';

export const PAD_WORD = '<pad>';
export const UNK_WORD = '<unk>';

/** Vocabulary words are lowercased: GloVe 6B is uncased, and case variants would split scarce counts. */
export function normalizeToken(token: string): string {
  return token.toLowerCase();
}

export interface VocabularyOptions {
  /** `union`: words of any task's training split; `intersection`: only words in every task's training split. */
  combine: 'union' | 'intersection';
  /** Maximum number of entries including `<pad>` and `<unk>`; the most frequent words are kept. */
  maxSize?: number;
}

/**
 * The input vocabulary of a model over `tasks`, from their training splits only (dev and test words must stay
 * unseen): `<pad>`, `<unk>`, then words by total count, most frequent first, ties in code-point order.
 */
export function buildVocabulary(tasks: readonly Task[], options: VocabularyOptions): Vocabulary {
  if (options.maxSize !== undefined && (!Number.isInteger(options.maxSize) || options.maxSize < 2)) {
    throw specError('maxSize', `${options.maxSize} is too small; expected an integer ≥ 2 (room for <pad> and <unk>)`);
  }
  const counts = new Map<string, number>();
  const taskCount = new Map<string, number>();
  for (const task of tasks) {
    const seen = new Set<string>();
    for (const example of task.train) {
      for (const token of example.tokens) {
        const word = normalizeToken(token);
        counts.set(word, (counts.get(word) ?? 0) + 1);
        seen.add(word);
      }
    }
    for (const word of seen) taskCount.set(word, (taskCount.get(word) ?? 0) + 1);
  }
  const words = [...counts.keys()]
    .filter((word) => word !== PAD_WORD && word !== UNK_WORD)
    .filter((word) => options.combine === 'union' || taskCount.get(word) === tasks.length)
    .sort((a, b) => (counts.get(b) as number) - (counts.get(a) as number) || (a < b ? -1 : a > b ? 1 : 0));
  const kept = options.maxSize === undefined ? words : words.slice(0, options.maxSize - 2);
  return { words: [PAD_WORD, UNK_WORD, ...kept] };
}
