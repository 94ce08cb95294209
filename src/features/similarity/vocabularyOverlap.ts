import type { WordLabelCounts } from './wordLabelCounts.js';

/**
 * Jaccard overlap of two tasks' training vocabularies, |V_A ∩ V_B| / |V_A ∪ V_B| over exact word types (the
 * "shared vocabulary" seq-tag-sim reports next to its label measures). 0 when both are empty.
 */
export function vocabularyOverlap(a: Pick<WordLabelCounts, 'words'>, b: Pick<WordLabelCounts, 'words'>): number {
  let shared = 0;
  for (const word of a.words.keys()) if (b.words.has(word)) shared += 1;
  const union = a.words.size + b.words.size - shared;
  return union === 0 ? 0 : shared / union;
}
