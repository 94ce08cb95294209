import type { Rng } from '../shared/random.js';

/**
 * Pair scores between n tasks: scores[aux][main] is how much task `aux` helps task `main` (a gain, an affinity
 * of a step on aux onto main, …). The diagonal is never read.
 */
export type PairScores = readonly (readonly number[])[];

/** Tasks (indices) split into groups, each trained as one multi-task model, and the partition's benefit. */
export interface Partition {
  groups: number[][];
  benefit: number;
}

/**
 * TAG's value of a group (Fifty et al. 2021, §3.3): each member's mean score from the other members, summed over
 * the members. A task alone gets 0: nothing helps or hurts it. The mean, not the sum, so that a task is not
 * worth more in a bigger group only because more pairs are added up.
 */
export function groupBenefit(scores: PairScores, group: readonly number[]): number {
  if (group.length < 2) return 0;
  let total = 0;
  for (const main of group) {
    let sum = 0;
    for (const aux of group) if (aux !== main) sum += scores[aux][main];
    total += sum / (group.length - 1);
  }
  return total;
}

export function partitionBenefit(scores: PairScores, groups: readonly (readonly number[])[]): number {
  return groups.reduce((sum, group) => sum + groupBenefit(scores, group), 0);
}

/** Exhaustive search is used up to this many tasks: at most S(10, 5) = 42,525 partitions into k groups. */
export const EXHAUSTIVE_TASKS = 10;

/**
 * The partition of the tasks into exactly k non-empty groups with the largest benefit: every partition for up to
 * EXHAUSTIVE_TASKS tasks, else the best of a seeded local search. Groups are listed in canonical order (each sorted,
 * ordered by first member), and of equal benefits the first in that order wins.
 */
export function bestPartition(scores: PairScores, k: number, rng: Rng): Partition & { method: 'exhaustive' | 'search' } {
  const n = scores.length;
  if (!(Number.isInteger(k) && k >= 1 && k <= n)) throw new Error(`bestPartition: k = ${k} groups of ${n} tasks`);
  return n <= EXHAUSTIVE_TASKS
    ? { ...exhaustivePartition(scores, k), method: 'exhaustive' }
    : { ...searchPartition(scores, k, rng), method: 'search' };
}

/** Every partition into exactly k groups, as restricted growth strings (task i joins one of the groups opened before it, or opens the next). */
export function exhaustivePartition(scores: PairScores, k: number): Partition {
  const n = scores.length;
  const assignment = new Array<number>(n).fill(0);
  const best: Partition = { groups: [], benefit: -Infinity };
  const visit = (i: number, opened: number): void => {
    if (n - i < k - opened) return;
    if (i === n) {
      const groups = groupsOf(assignment, k);
      const benefit = partitionBenefit(scores, groups);
      if (benefit > best.benefit) Object.assign(best, { groups, benefit });
      return;
    }
    for (let g = 0; g <= Math.min(opened, k - 1); g++) {
      assignment[i] = g;
      visit(i + 1, Math.max(opened, g + 1));
    }
  };
  visit(0, 0);
  return best;
}

/** Restarts of the local search; each starts from a random partition into k groups. */
const RESTARTS = 40;

/**
 * Local search from random partitions: move one task to another group, or swap two tasks of different groups,
 * taking the best improving change until none improves; the best of RESTARTS such climbs.
 */
export function searchPartition(scores: PairScores, k: number, rng: Rng): Partition {
  const n = scores.length;
  let best: Partition = { groups: [], benefit: -Infinity };
  for (let restart = 0; restart < RESTARTS; restart++) {
    const order = rng.shuffle(Array.from({ length: n }, (_, i) => i));
    const assignment = new Array<number>(n);
    order.forEach((task, r) => {
      assignment[task] = r < k ? r : rng.int(k);
    });
    const climbed = climb(scores, assignment, k);
    if (climbed.benefit > best.benefit + 1e-12) best = climbed;
  }
  return best;
}

function climb(scores: PairScores, assignment: number[], k: number): Partition {
  const n = assignment.length;
  const value = (a: readonly number[]): number => partitionBenefit(scores, groupsOf(a, k));
  let current = value(assignment);
  for (;;) {
    let bestMove: number[] | null = null;
    let bestValue = current;
    const consider = (candidate: number[]): void => {
      const v = value(candidate);
      if (v > bestValue + 1e-12) [bestMove, bestValue] = [candidate, v];
    };
    for (let t = 0; t < n; t++) {
      const size = assignment.filter((g) => g === assignment[t]).length;
      for (let g = 0; g < k; g++) if (g !== assignment[t] && size > 1) consider(assignment.map((x, i) => (i === t ? g : x)));
      for (let u = t + 1; u < n; u++) {
        if (assignment[u] !== assignment[t]) consider(assignment.map((x, i) => (i === t ? assignment[u] : i === u ? assignment[t] : x)));
      }
    }
    if (bestMove === null) return { groups: groupsOf(assignment, k), benefit: current };
    assignment = bestMove;
    current = bestValue;
  }
}

/** The groups of an assignment (task → group number), canonical: each sorted, ordered by first member. */
function groupsOf(assignment: readonly number[], k: number): number[][] {
  const groups: number[][] = Array.from({ length: k }, () => []);
  assignment.forEach((g, task) => {
    groups[g].push(task);
  });
  return groups.filter((g) => g.length > 0).sort((a, b) => a[0] - b[0]);
}
