import assert from 'node:assert/strict';
import { test } from 'node:test';
import { labelCount } from '../../../src/features/dataset/labelCount.js';
import { tinyTask } from '../tinyTask.js';

test('number of labels counts distinct labels seen in training', () => {
  assert.equal(labelCount(tinyTask().train), 3);
  // A declared label that never occurs in training does not count.
  assert.equal(
    labelCount([
      { tokens: ['great'], labels: ['pos'] },
      { tokens: ['fine'], labels: ['pos'] },
    ]),
    1,
  );
});
