import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compactLayout, readBiLstmAttrs } from '../../../src/engine/wasmKernels/sentenceLayout.js';

test('compactLayout orders sentences longest first and numbers real tokens position by position', () => {
  // Batch of 4 over 3 steps; sentence 1 is empty.
  const layout = compactLayout([2, 0, 3, 3], 3);
  assert.deepEqual(Array.from(layout.order), [2, 3, 0, 1]);
  assert.deepEqual(Array.from(layout.active), [3, 3, 2]);
  assert.deepEqual(Array.from(layout.offsets), [0, 3, 6, 8]);
  // Compact row q → full row t·4 + b: t = 0 holds sentences 2, 3, 0; t = 1 the same; t = 2 sentences 2, 3.
  assert.deepEqual(Array.from(layout.rows), [2, 3, 0, 6, 7, 4, 10, 11]);
  // Left to right: the same slot one position earlier; right to left: one position later, if the sentence has it.
  assert.deepEqual(Array.from(layout.previous[0]), [-1, -1, -1, 0, 1, 2, 3, 4]);
  assert.deepEqual(Array.from(layout.previous[1]), [3, 4, 5, 6, 7, -1, -1, -1]);
  assert.deepEqual(layout.padded, [1, 5, 8, 9]);
});

test('readBiLstmAttrs rejects lengths that do not fit the layout', () => {
  assert.deepEqual(readBiLstmAttrs({ time: 2, batch: 2, lengths: [2, 0] }), { time: 2, batch: 2, lengths: [2, 0] });
  assert.throws(() => readBiLstmAttrs({ time: 2, batch: 2, lengths: [3, 0] }), /lengths in \[0, time\]/);
  assert.throws(() => readBiLstmAttrs({ time: 2, batch: 3, lengths: [1, 1] }), /batch lengths/);
});
