import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as tf from '@tensorflow/tfjs';
import { inputImportance, inputWeights } from '../../src/engine/inputImportance.js';
import { EmbeddingTable } from '../../src/engine/models/embeddingTable.js';
import { modelTypes } from '../../src/engine/models/modelTypes.js';
import { Rng } from '../../src/shared/random.js';
import { TaskrelError } from '../../src/errors.js';

test('importance of a hand-built input layer: per row, the sum of its weights and the sum of their absolute values', () => {
  const table = new EmbeddingTable(3, 2, Float32Array.of(1, -2, 0.5, 0.5, -1, -1));
  assert.deepEqual(inputImportance(table), { sum: [-1, 1, -2], absSum: [3, 1, 2] });
});

test('the input layer is the classifier’s first weight matrix; a tagger has none', () => {
  const context = { heads: [{ name: 'a', labels: 2 }], vocabularySize: 5, rng: new Rng(1) };
  const before = tf.memory().numTensors;
  const classifier = modelTypes.classifier.create({ type: 'classifier', hiddenDim: 3, dropout: 0 }, context);
  const table = inputWeights(classifier);
  assert.equal(table.rows, 5);
  assert.equal(table.dim, 3);
  classifier.dispose();
  const tagger = modelTypes.tagger.create({ type: 'tagger', embeddingDim: 4, hiddenDim: 3, dropout: 0 }, context);
  assert.throws(
    () => inputWeights(tagger),
    (e: unknown) => e instanceof TaskrelError && /inputImportance: expected a model with an input weight layer/.test(e.message),
  );
  tagger.dispose();
  assert.equal(tf.memory().numTensors, before);
});
