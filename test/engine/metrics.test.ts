import assert from 'node:assert/strict';
import { test } from 'node:test';
import { addCounts, countLabels, scoresOf } from '../../src/engine/metrics.js';

const i32 = (...xs: number[]): Int32Array => Int32Array.from(xs);
const f32 = (...xs: number[]): Float32Array => Float32Array.from(xs);

test('micro-F1 leaves out the outside label; accuracy counts every label', () => {
  // outside = 0. gold non-O: 4 (slots 1,2,3,5); predicted non-O: 4 (1,2,4,5); correct non-O: 2 (1,5).
  // Slot 6 is padding (weight 0) and would otherwise be a miss.
  const gold = i32(0, 1, 2, 2, 0, 3, 1);
  const predicted = i32(0, 1, 1, 0, 2, 3, 2);
  const counts = countLabels(gold, predicted, f32(1, 1, 1, 1, 1, 1, 0), 0);
  assert.deepEqual(counts, { total: 6, correct: 3, gold: 4, predicted: 4, correctInside: 2 });
  const { f1, accuracy } = scoresOf(counts);
  assert.equal(f1, 0.5); // precision 2/4, recall 2/4
  assert.equal(accuracy, 0.5);
});

test('without an outside label micro-F1 equals accuracy', () => {
  const scores = scoresOf(countLabels(i32(0, 1, 1, 2, 0), i32(0, 1, 2, 2, 1), f32(1, 1, 1, 1, 1), -1));
  assert.equal(scores.accuracy, 3 / 5);
  assert.equal(scores.f1, 3 / 5);
});

test('counts of several batches add up to the counts of their union', () => {
  const a = countLabels(i32(0, 1), i32(1, 1), f32(1, 1), 0);
  const b = countLabels(i32(2, 0, 2), i32(2, 0, 0), f32(1, 1, 1), 0);
  assert.deepEqual(addCounts(a, b), countLabels(i32(0, 1, 2, 0, 2), i32(1, 1, 2, 0, 0), f32(1, 1, 1, 1, 1), 0));
});

test('nothing to count scores 0, not NaN', () => {
  assert.deepEqual(scoresOf(countLabels(i32(0, 0), i32(0, 0), f32(1, 1), 0)), { f1: 0, accuracy: 1 });
  assert.deepEqual(scoresOf(countLabels(i32(), i32(), f32(), 0)), { f1: 0, accuracy: 0 });
});
