import type { PairSet } from './pairSet.js';

/**
 * For each pair (main, aux): the mean gain aux brought to the other main tasks of the pair set, the evidence a
 * user has when choosing "the auxiliary task that helps most on average" for a main task not in the study. 0 (no
 * evidence either way) for an auxiliary task seen with no other main task.
 */
export function meanGainElsewhere(pairs: PairSet, gains: readonly number[]): number[] {
  const sums = new Map<string, { sum: number; count: number }>();
  pairs.pairs.forEach(({ aux }, i) => {
    const s = sums.get(aux) ?? { sum: 0, count: 0 };
    sums.set(aux, { sum: s.sum + gains[i], count: s.count + 1 });
  });
  return pairs.pairs.map(({ aux }, i) => {
    const { sum, count } = sums.get(aux) ?? { sum: 0, count: 0 };
    return count > 1 ? (sum - gains[i]) / (count - 1) : 0;
  });
}
