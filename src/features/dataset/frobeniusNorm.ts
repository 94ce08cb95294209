import type { Example } from '../../tasks/task.js';

/**
 * Frobenius norm of the training split's sentence × word count matrix: √(Σ_sentences Σ_words count²).
 * Raw counts, case-sensitive words (as tokensPerType), so it grows with both size and repetition within sentences.
 */
export function frobeniusNorm(train: readonly Example[]): number {
  let sumOfSquares = 0;
  for (const example of train) {
    const counts = new Map<string, number>();
    for (const token of example.tokens) counts.set(token, (counts.get(token) ?? 0) + 1);
    for (const count of counts.values()) sumOfSquares += count * count;
  }
  return Math.sqrt(sumOfSquares);
}
