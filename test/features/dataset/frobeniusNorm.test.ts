import assert from 'node:assert/strict';
import { test } from 'node:test';
import { frobeniusNorm } from '../../../src/features/dataset/frobeniusNorm.js';
import { tinyTask } from '../tinyTask.js';

test('Frobenius norm of the sentence × word count matrix', () => {
  // Rows: {The 1, cat 2, sat 1, the 1} → 1+4+1+1 = 7; {A 1, dog 1} → 2; {dogs 1, bark 1} → 2; √11.
  assert.equal(frobeniusNorm(tinyTask().train), Math.sqrt(11));
  assert.equal(frobeniusNorm([{ tokens: ['a', 'a', 'a'], labels: ['x', 'x', 'x'] }]), 3);
  assert.equal(frobeniusNorm([]), 0);
});
