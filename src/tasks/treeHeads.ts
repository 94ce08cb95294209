import type { ConlluWord } from '../data/conllu.js';
import { inputError } from '../errors.js';

/** 0-based index of each word's head, −1 for the root; tree-derived labels need every head filled in. */
export function headIndices(words: readonly ConlluWord[], file: string): number[] {
  return words.map((word) => {
    if (word.head === null) throw inputError(file, word.line, "head is '_'; expected a word id or 0 (this task is derived from the tree)");
    return word.head - 1;
  });
}
