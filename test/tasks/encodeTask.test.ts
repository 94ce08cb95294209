import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PAD_ID, UNK_ID } from '../../src/tasks/encodedTask.js';
import { encodeTask } from '../../src/tasks/encodeTask.js';
import { tinyTask } from './taskTesting.js';

const vocabulary = { words: ['<pad>', '<unk>', 'the', 'cat', 'dog'] };

test('token ids are lowercased lookups, unknown words get UNK_ID; label ids index task.labels', () => {
  const encoded = encodeTask(tinyTask(), vocabulary);
  assert.equal(PAD_ID, 0);
  assert.deepEqual(Array.from(encoded.train.tokens[0]!), [2, 3, UNK_ID]);
  assert.deepEqual(Array.from(encoded.train.tokens[1]!), [2, 4, UNK_ID, 2, 3]);
  assert.deepEqual(Array.from(encoded.train.labels[1]!), [0, 1, 2, 0, 1]);
  assert.deepEqual(Array.from(encoded.test.tokens[0]!), [2, UNK_ID]);
  assert.deepEqual([encoded.name, encoded.kind, encoded.outside], ['tiny', 'tagging', 2]);
  assert.deepEqual(encoded.labels, ['B-NP', 'I-NP', 'O']);
});

test('outside is -1 when every label counts; classification has one label id per text', () => {
  const task = tinyTask({
    kind: 'classification',
    labels: ['negative', 'positive'],
    outside: null,
    train: [{ tokens: ['the', 'cat'], labels: ['positive'] }],
    dev: [{ tokens: ['dog'], labels: ['negative'] }],
    test: [{ tokens: ['cat'], labels: ['positive'] }],
  });
  const encoded = encodeTask(task, vocabulary);
  assert.equal(encoded.outside, -1);
  assert.deepEqual(
    encoded.dev.labels.map((ids) => Array.from(ids)),
    [[0]],
  );
});
