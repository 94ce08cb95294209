import assert from 'node:assert/strict';
import { test } from 'node:test';
import { labelWeights, makeBatch } from '../../src/engine/batch.js';
import type { EncodedSplit } from '../../src/tasks/encodedTask.js';

const split: EncodedSplit = {
  tokens: [Int32Array.of(5, 6, 7), Int32Array.of(8), Int32Array.of(9, 10)],
  labels: [Int32Array.of(1, 2, 3), Int32Array.of(4), Int32Array.of(5, 6)],
};

test('a tagging batch is time-major and padded to its longest example', () => {
  const batch = makeBatch(split, [1, 0], 'tagging');
  assert.equal(batch.size, 2);
  assert.equal(batch.time, 3);
  assert.deepEqual([...batch.lengths], [1, 3]);
  // position t of example b at t * 2 + b: example 0 is split[1] = [8], example 1 is split[0] = [5, 6, 7].
  assert.deepEqual([...batch.tokens], [8, 5, 0, 6, 0, 7]);
  assert.deepEqual([...batch.labels], [4, 1, 0, 2, 0, 3]);
  assert.deepEqual([...labelWeights(batch)], [1, 1, 0, 1, 0, 1]);
});

test('a classification batch has one label and one weight per example', () => {
  const texts: EncodedSplit = { tokens: split.tokens, labels: [Int32Array.of(1), Int32Array.of(0), Int32Array.of(1)] };
  const batch = makeBatch(texts, [2, 1, 0], 'classification');
  assert.deepEqual([...batch.labels], [1, 0, 1]);
  assert.deepEqual([...labelWeights(batch)], [1, 1, 1]);
  assert.deepEqual([...batch.tokens], [9, 8, 5, 10, 0, 6, 0, 0, 7]);
});
