import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as tf from '@tensorflow/tfjs';
import { selectBackend } from '../../../src/engine/backend.js';
import { makeBatch } from '../../../src/engine/batch.js';
import { classifierDefinition } from '../../../src/engine/models/classifier.js';
import { disposeGradients } from '../../../src/engine/models/model.js';
import { Rng } from '../../../src/shared/random.js';
import { TINY_VOCABULARY, majorityClassification } from '../tinyTasks.js';

const HIDDEN = 7;

test('loss and gradients equal those of the dense network: count vectors × weight matrix → sigmoid → softmax', async () => {
  await selectBackend('wasm');
  const before = tf.memory().numTensors;
  const task = majorityClassification();
  const batch = makeBatch(task.train, [0, 1, 2, 3, 4, 5], 'classification');
  const model = classifierDefinition.create(
    { type: 'classifier', hiddenDim: HIDDEN, dropout: 0 },
    {
      heads: [
        { name: 'm', labels: 2 },
        { name: 'other', labels: 5 },
      ],
      vocabularySize: TINY_VOCABULARY,
      rng: new Rng(4),
    },
  );
  const ours = model.gradients('m', batch, new Rng(5));
  const { dense, tables } = model.parameters();
  assert.equal(ours.dense.length, 3, 'hidden bias and head m only');

  const counts = new Float32Array(batch.size * TINY_VOCABULARY);
  batch.tokens.forEach((token, i) => {
    if (token !== 0) counts[(i % batch.size) * TINY_VOCABULARY + token]++;
  });
  const weights = tf.tensor2d(tables['shared.hidden.weights'].values, [TINY_VOCABULARY, HIDDEN]);
  const bags = tf.tensor2d(counts, [batch.size, TINY_VOCABULARY]);
  const oneHot = tf.tidy(() => tf.oneHot(tf.tensor1d(batch.labels, 'int32'), 2));
  const reference = tf.valueAndGrads((w: tf.Tensor, b: tf.Tensor, wo: tf.Tensor, bo: tf.Tensor) => {
    const hidden = tf.sigmoid(tf.add(tf.matMul(bags, w), b));
    const logits = tf.add(tf.matMul(hidden, wo), bo);
    return tf.neg(tf.mean(tf.sum(tf.mul(tf.logSoftmax(logits), oneHot), 1)));
  })([weights, dense['shared.hidden.bias'], dense['head.m.weights'], dense['head.m.bias']]);

  assert.ok(Math.abs(ours.loss - reference.value.dataSync()[0]) < 1e-5);
  const [dWeights, ...denseReference] = reference.grads.map((g) => g.dataSync());
  ours.dense.forEach(({ gradient }, i) => {
    const g = gradient.dataSync();
    g.forEach((v, j) => {
      assert.ok(Math.abs(v - denseReference[i][j]) < 1e-5, `dense ${i}[${j}]`);
    });
  });
  const { rows, gradient } = ours.rows[0];
  for (let r = 0; r < TINY_VOCABULARY; r++) {
    const slot = rows.indexOf(r);
    for (let k = 0; k < HIDDEN; k++) {
      const expected = dWeights[r * HIDDEN + k];
      if (slot < 0) assert.equal(expected, 0, `row ${r} is not in the batch, so its dense gradient is 0`);
      else assert.ok(Math.abs(gradient[slot * HIDDEN + k] - expected) < 1e-5, `row ${r}[${k}]`);
    }
  }
  assert.equal(model.predict('other', batch).length, batch.size);
  disposeGradients(ours);
  tf.dispose([weights, bags, oneHot, reference.value, ...reference.grads]);
  model.dispose();
  assert.equal(tf.memory().numTensors, before);
});
