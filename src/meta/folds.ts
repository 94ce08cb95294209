import type { Rng } from '../shared/random.js';

/**
 * Stratified k-fold test sets (row indices): each class is shuffled and dealt round-robin over the folds,
 * continuing where the previous class stopped, so folds differ in size by at most one and each holds its share
 * of gains. Stratified, as scikit-learn's default for classifiers: with 30 pairs and few gains, plain k-fold
 * often leaves a fold without a single gain.
 */
export function stratifiedFolds(labels: readonly (0 | 1)[], k: number, random: Rng): number[][] {
  const folds: number[][] = Array.from({ length: k }, () => []);
  let next = 0;
  for (const label of [0, 1] as const) {
    const members = labels.flatMap((l, i) => (l === label ? [i] : []));
    for (const index of random.shuffle([...members])) {
      folds[next].push(index);
      next = (next + 1) % k;
    }
  }
  return folds.map((fold) => fold.sort((a, b) => a - b));
}

/**
 * A random stratified split: `fraction` of each class (rounded) goes to training, the rest to testing; a class
 * of two or more keeps at least one row on each side, a class of one goes to training.
 */
export function stratifiedSplit(labels: readonly (0 | 1)[], fraction: number, random: Rng): { train: number[]; test: number[] } {
  const train: number[] = [];
  const test: number[] = [];
  for (const label of [0, 1] as const) {
    const members = random.shuffle(labels.flatMap((l, i) => (l === label ? [i] : [])));
    const share = Math.round(fraction * members.length);
    const take = members.length < 2 ? members.length : Math.min(members.length - 1, Math.max(1, share));
    train.push(...members.slice(0, take));
    test.push(...members.slice(take));
  }
  return { train: train.sort((a, b) => a - b), test: test.sort((a, b) => a - b) };
}

/** Groups of row indices sharing a key (e.g. a main task), in first-seen order. */
export function groupsOf(keys: readonly string[]): { key: string; rows: number[] }[] {
  const groups = new Map<string, number[]>();
  keys.forEach((key, i) => {
    groups.set(key, [...(groups.get(key) ?? []), i]);
  });
  return [...groups].map(([key, rows]) => ({ key, rows }));
}
