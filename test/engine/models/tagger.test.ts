import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as tf from '@tensorflow/tfjs';
import { selectBackend } from '../../../src/engine/backend.js';
import { makeBatch } from '../../../src/engine/batch.js';
import { disposeGradients } from '../../../src/engine/models/model.js';
import { taggerDefinition } from '../../../src/engine/models/tagger.js';
import { Rng } from '../../../src/shared/random.js';
import { TINY_VOCABULARY, contextTagging } from '../tinyTasks.js';

const task = contextTagging();
const batch = makeBatch(task.train, [0, 1, 2, 3, 4], 'tagging');
const create = (dropout: number) =>
  taggerDefinition.create(
    { type: 'tagger', embeddingDim: 6, hiddenDim: 5, dropout },
    {
      heads: [
        { name: 'a', labels: 4 },
        { name: 'b', labels: 3 },
      ],
      vocabularySize: TINY_VOCABULARY,
      rng: new Rng(1),
    },
  );

test('gradients cover the shared layers and the drawn head only, and only the embedding rows in the batch', async () => {
  await selectBackend('wasm');
  const before = tf.memory().numTensors;
  const model = create(0.2);
  const gradients = model.gradients('a', batch, new Rng(2));
  const names = new Map(Object.entries(model.parameters().dense).map(([name, v]) => [v, name]));
  assert.deepEqual(gradients.dense.map((g) => names.get(g.variable)).sort(), [
    'head.a.bias',
    'head.a.weights',
    'shared.lstm.backward',
    'shared.lstm.bias',
    'shared.lstm.forward',
    'shared.lstm.input',
  ]);
  const inBatch = new Set([...batch.tokens].filter((t) => t !== 0));
  assert.deepEqual(new Set(gradients.rows[0].rows), inBatch);
  assert.ok(gradients.loss > 0 && Number.isFinite(gradients.loss));
  disposeGradients(gradients);
  model.dispose();
  assert.equal(tf.memory().numTensors, before);
});

test('embedding row gradients agree with finite differences of the loss', async () => {
  await selectBackend('cpu');
  const before = tf.memory().numTensors;
  const model = create(0);
  const table = model.parameters().tables['shared.embeddings'];
  const lossAt = (): number => {
    const g = model.gradients('a', batch, new Rng(3));
    disposeGradients(g);
    return g.loss;
  };
  const gradients = model.gradients('a', batch, new Rng(3));
  disposeGradients(gradients);
  const { rows, gradient } = gradients.rows[0];
  for (const slot of [0, 3, rows.length - 1]) {
    for (const k of [0, 4]) {
      const index = rows[slot] * 6 + k;
      const original = table.values[index];
      const h = 1e-2;
      table.values[index] = original + h;
      const up = lossAt();
      table.values[index] = original - h;
      const down = lossAt();
      table.values[index] = original;
      const numeric = (up - down) / (2 * h);
      assert.ok(
        Math.abs(numeric - gradient[slot * 6 + k]) < 1e-3 + 1e-2 * Math.abs(numeric),
        `row ${rows[slot]}[${k}]: ${numeric} vs ${gradient[slot * 6 + k]}`,
      );
    }
  }
  model.dispose();
  assert.equal(tf.memory().numTensors, before);
});

test('predict gives one label per position for any head, and dropout is off (deterministic)', async () => {
  await selectBackend('wasm');
  const before = tf.memory().numTensors;
  const model = create(0.5);
  const a = model.predict('a', batch);
  assert.equal(a.length, batch.time * batch.size);
  assert.ok(a.every((label) => label >= 0 && label < 4));
  assert.deepEqual(model.predict('a', batch), a);
  assert.ok(model.predict('b', batch).every((label) => label >= 0 && label < 3));
  assert.throws(() => model.predict('c', batch), /no head 'c'/);
  model.dispose();
  assert.equal(tf.memory().numTensors, before);
});

test('initial embeddings (e.g. GloVe) are the starting table, except the padding row, which stays zero', () => {
  const E = 6;
  const initial = Float32Array.from({ length: TINY_VOCABULARY * E }, (_, i) => i / 100);
  const model = taggerDefinition.create(
    { type: 'tagger', embeddingDim: E, hiddenDim: 5, dropout: 0 },
    { heads: [{ name: 'a', labels: 4 }], vocabularySize: TINY_VOCABULARY, initialEmbeddings: initial, rng: new Rng(1) },
  );
  const table = model.parameters().tables['shared.embeddings'];
  assert.deepEqual([...table.values.subarray(0, E)], new Array(E).fill(0));
  assert.deepEqual(table.values.subarray(E), initial.subarray(E));
  assert.notEqual(table.values, initial, 'a copy: training must not write into the caller’s array');
  model.dispose();
});
