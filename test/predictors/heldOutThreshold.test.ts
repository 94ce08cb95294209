import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bestCut, heldOutThresholdPredictions } from '../../src/predictors/heldOutThreshold.js';
import { meanGainElsewhere } from '../../src/predictors/meanGainElsewhere.js';
import { PairSet } from '../../src/predictors/pairSet.js';

test('the best cut separates the labels; of equally good cuts the middle one', () => {
  assert.equal(bestCut([1, 2, 3, 4], [0, 0, 1, 1]), 2.5);
  assert.equal(bestCut([1, 2, 3, 4], [1, 1, 1, 1]), -Infinity, 'all gain: cut below everything');
  assert.equal(bestCut([1, 2, 3], [0, 0, 0]), Infinity);
  // 0 1 0 1: cuts −∞ (2 right), 1.5 (3), 2.5 (2), 3.5 (3), ∞ (2): the two best are 1.5 and 3.5, the middle of them is 1.5
  assert.equal(bestCut([1, 2, 3, 4], [0, 1, 0, 1]), 1.5);
  assert.equal(bestCut([1, 1, 2, 2], [0, 0, 1, 1]), 1.5);
  assert.equal(bestCut([1, 1, 2, 2], [0, 1, 1, 1]), -Infinity, 'equal scores are never split: 1.5 is only as good as all gain');
});

test('held out: each main task’s pairs are cut where the other main tasks’ pairs were best cut', () => {
  const pairs = new PairSet([
    { main: 'a', aux: 'b' },
    { main: 'a', aux: 'c' },
    { main: 'b', aux: 'a' },
    { main: 'b', aux: 'c' },
    { main: 'c', aux: 'a' },
    { main: 'c', aux: 'b' },
  ]);
  const scores = [1, 5, 2, 6, 3, 4];
  // Without a: scores 2 6 3 4 with labels 0 1 0 1 → cut 3.5 → a's pairs 1, 5 → 0, 1.
  // Without b: 1 5 3 4 / 0 1 0 1 → cut 3.5 → b's 2, 6 → 0, 1. Without c: 1 5 2 6 / 0 1 0 1 → cut 3.5 → c's 3, 4 → 0, 1.
  assert.deepEqual(heldOutThresholdPredictions(pairs, scores, [0, 1, 0, 1, 0, 1]), [0, 1, 0, 1, 0, 1]);
});

test('the mean gain of an auxiliary task elsewhere leaves the main task’s own pair out', () => {
  const pairs = new PairSet([
    { main: 'a', aux: 'c' },
    { main: 'b', aux: 'c' },
    { main: 'd', aux: 'c' },
    { main: 'a', aux: 'b' },
  ]);
  const means = meanGainElsewhere(pairs, [0.1, 0.2, 0.6, 0.5]);
  assert.ok(Math.abs(means[0] - 0.4) < 1e-12); // (0.2 + 0.6) / 2
  assert.ok(Math.abs(means[2] - 0.15) < 1e-12); // (0.1 + 0.2) / 2
  assert.equal(means[3], 0, 'b helped no other main task: no evidence');
});
