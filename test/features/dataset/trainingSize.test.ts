import assert from 'node:assert/strict';
import { test } from 'node:test';
import { trainingSize } from '../../../src/features/dataset/trainingSize.js';
import { tinyTask } from '../tinyTask.js';

test('size counts training sentences, not tokens', () => {
  assert.equal(trainingSize(tinyTask().train), 3);
  assert.equal(trainingSize([]), 0);
});
