import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bestPartition, exhaustivePartition, groupBenefit, partitionBenefit, searchPartition } from '../../src/affinity/taskGrouping.js';
import { Rng } from '../../src/shared/random.js';

function randomScores(rng: Rng, n: number): number[][] {
  return Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 0 : rng.normal())));
}

/** Every assignment of n tasks to k labelled groups (kⁿ of them), keeping those that use all k: the brute force. */
function bruteForce(scores: number[][], k: number): number {
  const n = scores.length;
  let best = -Infinity;
  for (let code = 0; code < k ** n; code++) {
    const groups: number[][] = Array.from({ length: k }, () => []);
    for (let i = 0, c = code; i < n; i++, c = Math.floor(c / k)) groups[c % k].push(i);
    if (groups.some((g) => g.length === 0)) continue;
    best = Math.max(best, partitionBenefit(scores, groups));
  }
  return best;
}

test('a group is worth each member’s mean score from the other members, summed; a task alone is worth 0', () => {
  const scores = [
    [0, 0.2, -0.1],
    [0.4, 0, 0.3],
    [0.0, -0.5, 0],
  ];
  // main 0: from 1 and 2 (0.4 + 0.0) / 2; main 1: (0.2 − 0.5) / 2; main 2: (−0.1 + 0.3) / 2.
  assert.ok(Math.abs(groupBenefit(scores, [0, 1, 2]) - (0.2 - 0.15 + 0.1)) < 1e-12);
  assert.ok(Math.abs(groupBenefit(scores, [0, 1]) - 0.6) < 1e-12, 'scores[1][0] + scores[0][1]');
  assert.equal(groupBenefit(scores, [2]), 0);
  const best = exhaustivePartition(scores, 2);
  assert.deepEqual(best.groups, [[0, 1], [2]]);
  assert.ok(Math.abs(best.benefit - 0.6) < 1e-12);
});

test('the exhaustive search finds the brute-force optimum over all kⁿ assignments', () => {
  const rng = new Rng(11);
  for (const n of [3, 4, 5, 6, 7]) {
    for (let k = 1; k <= n; k++) {
      const scores = randomScores(rng, n);
      const found = exhaustivePartition(scores, k);
      assert.equal(found.groups.length, k);
      assert.deepEqual(
        found.groups.flat().sort((a, b) => a - b),
        Array.from({ length: n }, (_, i) => i),
        'every task once',
      );
      assert.ok(Math.abs(found.benefit - bruteForce(scores, k)) < 1e-12, `n ${n}, k ${k}`);
      assert.ok(Math.abs(found.benefit - partitionBenefit(scores, found.groups)) < 1e-12);
    }
  }
});

test('the local search finds the exhaustive optimum on random matrices of up to 10 tasks', () => {
  const rng = new Rng(5);
  let cases = 0;
  for (const n of [6, 8, 10]) {
    for (const k of [2, 3, 4]) {
      for (let repeat = 0; repeat < 6; repeat++) {
        const scores = randomScores(rng, n);
        const exact = exhaustivePartition(scores, k);
        const searched = searchPartition(scores, k, new Rng(repeat));
        assert.equal(searched.groups.length, k);
        assert.ok(Math.abs(searched.benefit - exact.benefit) < 1e-9, `n ${n}, k ${k}: ${searched.benefit} vs ${exact.benefit}`);
        assert.deepEqual(searched.groups, exact.groups);
        cases++;
      }
    }
  }
  assert.equal(cases, 54);
});

test('beyond ten tasks the search is used, and it is deterministic for a seed', () => {
  const scores = randomScores(new Rng(3), 13);
  const a = bestPartition(scores, 3, new Rng(1));
  const b = bestPartition(scores, 3, new Rng(1));
  assert.equal(a.method, 'search');
  assert.deepEqual(a, b);
  assert.equal(bestPartition(randomScores(new Rng(3), 6), 2, new Rng(1)).method, 'exhaustive');
});
