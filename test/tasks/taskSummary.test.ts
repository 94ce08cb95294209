import assert from 'node:assert/strict';
import { test } from 'node:test';
import { summarizeTask } from '../../src/tasks/taskSummary.js';
import { tinyTask } from './taskTesting.js';

test('counts examples, tokens and labels per split, most frequent label first', () => {
  const summary = summarizeTask(tinyTask());
  assert.deepEqual(summary.train, {
    examples: 2,
    tokens: 8,
    labels: [
      ['B-NP', 3],
      ['I-NP', 3],
      ['O', 2],
    ],
  });
  assert.deepEqual(summary.test, {
    examples: 1,
    tokens: 2,
    labels: [
      ['B-NP', 1],
      ['I-NP', 1],
    ],
  });
});
