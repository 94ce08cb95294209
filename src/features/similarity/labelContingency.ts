import type { WordLabelCounts } from './wordLabelCounts.js';

/** A joint table of two tasks' labels: rows are task A's labels, columns task B's. */
export interface LabelContingency {
  table: number[][];
  /** Word types occurring in both tasks' training data: the bridge between the two label sets. */
  sharedTypes: number;
}

/**
 * The label contingency table of Schröder & Biemann (2020, "Estimating the influence of auxiliary tasks for
 * multi-task learning of sequence tagging tasks", ACL): the two tasks share no sentences, so their labels are
 * linked through the word types both contain. We implement the variant their seq-tag-sim tool reports as its
 * headline (its "multiplicative, inverse word frequency" table, the one its README's NMI and text-overlap scores
 * use): each shared word type w adds P_A(a | w) · P_B(b | w) to cell (a, b), so every shared type carries weight
 * one whatever its frequency. (The tool also seeds every cell with machine epsilon to avoid log 0; we use
 * 0 · log 0 = 0 instead, which differs by ~1e-16.)
 */
export function labelContingency(a: WordLabelCounts, b: WordLabelCounts): LabelContingency {
  const table = a.labels.map(() => new Array<number>(b.labels.length).fill(0));
  let sharedTypes = 0;
  for (const [word, countsA] of a.words) {
    const countsB = b.words.get(word);
    if (countsB === undefined) continue;
    sharedTypes += 1;
    const totalA = sum(countsA.values());
    const totalB = sum(countsB.values());
    for (const [labelA, countA] of countsA) {
      for (const [labelB, countB] of countsB) table[labelA][labelB] += (countA / totalA) * (countB / totalB);
    }
  }
  return { table, sharedTypes };
}

function sum(values: Iterable<number>): number {
  let total = 0;
  for (const v of values) total += v;
  return total;
}
