import assert from 'node:assert/strict';
import { test } from 'node:test';
import { accuracy, confusion, gainF1 } from '../../src/meta/classificationScores.js';
import { baselines } from '../../src/meta/baselines.js';

test('confusion, accuracy and F1 of the gain class', () => {
  const c = confusion([1, 1, 0, 0, 1], [1, 0, 0, 1, 1]);
  assert.deepEqual(c, { tp: 2, fp: 1, tn: 1, fn: 1 });
  assert.equal(accuracy(c), 3 / 5);
  assert.equal(gainF1(c), 4 / 6);
  assert.equal(gainF1(confusion([0, 0], [0, 0])), null);
  assert.equal(gainF1(confusion([1, 0], [0, 0])), 0);
});

test('majority baselines: 8 gains of 30 pairs', () => {
  const labels: (0 | 1)[] = [...Array(22).fill(0), ...Array(8).fill(1)];
  // Always "no gain": 22/30. Always "gain": precision 8/30, recall 1, F1 = 16/38.
  assert.deepEqual(baselines(labels), { alwaysNoGainAccuracy: 22 / 30, alwaysGainF1: 16 / 38, majorityAccuracy: 22 / 30 });
  assert.equal(baselines([0, 0]).alwaysGainF1, null);
  assert.equal(baselines([1, 1, 0]).majorityAccuracy, 2 / 3);
});
