import type { Example } from '../../tasks/task.js';

/**
 * Percentage (0–100) of training tokens (occurrences, not types) missing from the word-vector vocabulary.
 * A token counts as known when the vocabulary holds it as written or lowercased: GloVe 6B is all lowercase,
 * so its lookup lowercases, while a cased vocabulary still matches cased tokens exactly. Undefined for an
 * empty split.
 */
export function oovRate(train: readonly Example[], vocabulary: ReadonlySet<string>): number | undefined {
  let tokens = 0;
  let unknown = 0;
  for (const example of train) {
    for (const token of example.tokens) {
      tokens += 1;
      if (!vocabulary.has(token) && !vocabulary.has(token.toLowerCase())) unknown += 1;
    }
  }
  return tokens === 0 ? undefined : (100 * unknown) / tokens;
}
