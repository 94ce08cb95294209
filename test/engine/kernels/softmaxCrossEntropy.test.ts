import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as tf from '@tensorflow/tfjs';
import { selectBackend } from '../../../src/engine/backend.js';
import { softmaxCrossEntropy } from '../../../src/engine/kernels/softmaxCrossEntropy.js';

test('loss is the weighted mean of −log softmax at the gold label (hand-computed)', async () => {
  await selectBackend('wasm');
  const logits = tf.tensor2d([
    [0, 0, 0],
    [Math.log(1), Math.log(2), Math.log(7)],
    [5, -3, 2],
  ]);
  // Row 0: −log(1/3); row 1: −log(7/10); row 2 has weight 0 (padding).
  const loss = softmaxCrossEntropy(logits, { labels: Int32Array.of(1, 2, 0), weights: Float32Array.of(1, 3, 0) });
  assert.ok(Math.abs(loss.dataSync()[0] - (Math.log(3) + 3 * -Math.log(0.7)) / 4) < 1e-6);
  tf.dispose([logits, loss]);
});

test('its gradient matches tf autodiff of the same loss written with plain ops', async () => {
  await selectBackend('wasm');
  const before = tf.memory().numTensors;
  const labels = Int32Array.of(0, 3, 2, 1, 3);
  const weights = Float32Array.of(1, 1, 0, 2, 1);
  const logits = tf.randomNormal([5, 4], 0, 2, 'float32', 7) as tf.Tensor2D;
  const ours = tf.grad((x: tf.Tensor) => softmaxCrossEntropy(x as tf.Tensor2D, { labels, weights }))(logits);
  const plain = tf.grad((x: tf.Tensor) => {
    const picked = tf.sum(tf.mul(tf.logSoftmax(x), tf.oneHot(tf.tensor1d(labels, 'int32'), 4)), 1);
    return tf.div(tf.neg(tf.sum(tf.mul(picked, tf.tensor1d(weights)))), 5);
  })(logits);
  const a = ours.dataSync();
  const b = plain.dataSync();
  for (let i = 0; i < a.length; i++) assert.ok(Math.abs(a[i] - b[i]) < 1e-6, `[${i}] ${a[i]} vs ${b[i]}`);
  for (let k = 0; k < 4; k++) assert.equal(a[2 * 4 + k], 0, 'padding rows get no gradient');
  tf.dispose([logits, ours, plain]);
  assert.equal(tf.memory().numTensors, before);
});

test('a label outside the logits is an error, not a silent write into the next row', () => {
  const logits = tf.zeros([2, 3]) as tf.Tensor2D;
  assert.throws(() => softmaxCrossEntropy(logits, { labels: Int32Array.of(0, 3), weights: Float32Array.of(1, 1) }), /label 3/);
  logits.dispose();
});
