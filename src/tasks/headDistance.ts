import type { ConlluWord } from '../data/conllu.js';
import { headIndices } from './treeHeads.js';

export const ROOT_LABEL = 'ROOT';
const FAR = 6;

/**
 * Signed distance head − position for each word, bucketed: −5…−1 and +1…+5 exactly, `<=-6` and `>=+6` beyond,
 * `ROOT` for the root. Negative means the head is to the left.
 */
export function headDistanceLabels(words: readonly ConlluWord[], file: string): string[] {
  return headIndices(words, file).map((head, position) => {
    if (head === -1) return ROOT_LABEL;
    const distance = head - position;
    if (distance <= -FAR) return `<=-${FAR}`;
    if (distance >= FAR) return `>=+${FAR}`;
    return distance > 0 ? `+${distance}` : String(distance);
  });
}
