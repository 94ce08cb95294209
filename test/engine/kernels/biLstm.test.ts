import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as tf from '@tensorflow/tfjs';
import { selectBackend } from '../../../src/engine/backend.js';
import { biLstm } from '../../../src/engine/kernels/biLstm.js';
import type { BiLstmLayout } from '../../../src/engine/kernels/biLstmKernel.js';
import { Rng } from '../../../src/shared/random.js';

const D = 4;
const H = 3;
const layout: BiLstmLayout = { time: 5, batch: 4, lengths: Int32Array.from([5, 2, 4, 1]) };

function randomTensor(rng: Rng, shape: number[]): tf.Tensor {
  const values = Float32Array.from({ length: shape.reduce((a, b) => a * b, 1) }, () => rng.uniform(-1, 1));
  return tf.tensor(values, shape);
}

/** One LSTM cell step with plain tf ops, gates i f g o as in the kernel. */
function cell(x: tf.Tensor2D, h: tf.Tensor2D, c: tf.Tensor2D, w: tf.Tensor2D, u: tf.Tensor2D, b: tf.Tensor1D) {
  const z = tf.add(tf.add(tf.matMul(x, w), tf.matMul(h, u)), b);
  const [i, f, g, o] = tf.split(z, 4, 1);
  const cNext = tf.add(tf.mul(tf.sigmoid(f), c), tf.mul(tf.sigmoid(i), tf.tanh(g)));
  return { h: tf.mul(tf.sigmoid(o), tf.tanh(cNext)) as tf.Tensor2D, c: cNext as tf.Tensor2D };
}

/** Reference BiLSTM: each sentence on its own, unrolled over its real length only, left to right and right to left. */
function referenceBiLstm(x: tf.Tensor2D, input: tf.Tensor2D, bias: tf.Tensor1D, uf: tf.Tensor2D, ub: tf.Tensor2D): tf.Tensor2D {
  const { time, batch, lengths } = layout;
  const rows: tf.Tensor2D[][] = Array.from({ length: time * batch }, () => []);
  for (let d = 0; d < 2; d++) {
    const w = tf.slice(input, [0, d * 4 * H], [D, 4 * H]) as tf.Tensor2D;
    const b = tf.slice(bias, [d * 4 * H], [4 * H]) as tf.Tensor1D;
    for (let s = 0; s < batch; s++) {
      let state = { h: tf.zeros([1, H]) as tf.Tensor2D, c: tf.zeros([1, H]) as tf.Tensor2D };
      const order = Array.from({ length: lengths[s] }, (_, t) => (d === 0 ? t : lengths[s] - 1 - t));
      for (const t of order) {
        state = cell(tf.slice(x, [t * batch + s, 0], [1, D]) as tf.Tensor2D, state.h, state.c, w, d === 0 ? uf : ub, b);
        rows[t * batch + s][d] = state.h;
      }
    }
  }
  const zero = tf.zeros([1, H]) as tf.Tensor2D;
  return tf.concat(
    rows.map((r) => tf.concat([r[0] ?? zero, r[1] ?? zero], 1)),
    0,
  ) as tf.Tensor2D;
}

function maxRelativeDifference(a: tf.Tensor, b: tf.Tensor): number {
  const x = a.dataSync();
  const y = b.dataSync();
  let scale = 0;
  for (const v of y) scale = Math.max(scale, Math.abs(v));
  let worst = 0;
  for (let i = 0; i < x.length; i++) worst = Math.max(worst, Math.abs(x[i] - y[i]) / scale);
  return worst;
}

for (const backend of ['wasm', 'cpu'] as const) {
  test(`biLstm gradients match tf autodiff of a plain LSTM (${backend})`, async () => {
    await selectBackend(backend);
    const before = tf.memory().numTensors;
    const rng = new Rng(7);
    const x = randomTensor(rng, [layout.time * layout.batch, D]) as tf.Tensor2D;
    const input = randomTensor(rng, [D, 8 * H]) as tf.Tensor2D;
    const bias = randomTensor(rng, [8 * H]) as tf.Tensor1D;
    const uf = randomTensor(rng, [H, 4 * H]) as tf.Tensor2D;
    const ub = randomTensor(rng, [H, 4 * H]) as tf.Tensor2D;
    const probe = randomTensor(rng, [layout.time * layout.batch, 2 * H]);
    const args = [x, input, bias, uf, ub];
    const ours = tf.valueAndGrads((...t: tf.Tensor[]) =>
      tf.sum(
        tf.mul(
          biLstm(
            t[0] as tf.Tensor2D,
            { input: t[1] as tf.Tensor2D, bias: t[2] as tf.Tensor1D, forward: t[3] as tf.Tensor2D, backward: t[4] as tf.Tensor2D },
            layout,
          ),
          probe,
        ),
      ),
    )(args);
    const reference = tf.valueAndGrads((...t: tf.Tensor[]) =>
      tf.sum(
        tf.mul(
          referenceBiLstm(t[0] as tf.Tensor2D, t[1] as tf.Tensor2D, t[2] as tf.Tensor1D, t[3] as tf.Tensor2D, t[4] as tf.Tensor2D),
          probe,
        ),
      ),
    )(args);
    assert.ok(maxRelativeDifference(ours.value, reference.value) < 1e-5);
    const names = ['x', 'input', 'bias', 'forward', 'backward'];
    const diffs = ours.grads.map((g, i) => maxRelativeDifference(g, reference.grads[i]));
    console.log(`${backend}: max relative gradient difference`, Object.fromEntries(names.map((n, i) => [n, diffs[i]])));
    for (const [i, diff] of diffs.entries()) assert.ok(diff < 1e-4, `${names[i]}: ${diff}`);
    tf.dispose([ours.value, ...ours.grads, reference.value, ...reference.grads, ...args, probe]);
    assert.equal(tf.memory().numTensors, before);
  });
}

test('padding never reaches real positions: padded outputs and input gradients are zero, real ones ignore pad content', async () => {
  await selectBackend('wasm');
  const before = tf.memory().numTensors;
  const rng = new Rng(8);
  const padded = { time: 4, batch: 3, lengths: Int32Array.from([4, 2, 0]) };
  const isReal = (row: number): boolean => Math.floor(row / padded.batch) < padded.lengths[row % padded.batch];
  const weights = {
    input: randomTensor(rng, [D, 8 * H]) as tf.Tensor2D,
    bias: randomTensor(rng, [8 * H]) as tf.Tensor1D,
    forward: randomTensor(rng, [H, 4 * H]) as tf.Tensor2D,
    backward: randomTensor(rng, [H, 4 * H]) as tf.Tensor2D,
  };
  const x1 = randomTensor(rng, [12, D]) as tf.Tensor2D;
  // The same real rows, different padding rows.
  const x2 = tf.tidy(() => {
    const keep = tf.tensor2d(Array.from({ length: 12 }, (_, r) => [isReal(r) ? 1 : 0]));
    return tf.add(tf.mul(x1, keep), tf.mul(randomTensor(rng, [12, D]), tf.sub(1, keep))) as tf.Tensor2D;
  });
  const probe = randomTensor(rng, [12, 2 * H]);
  const run = (x: tf.Tensor2D) =>
    tf.valueAndGrads((xIn: tf.Tensor) => tf.sum(tf.mul(biLstm(xIn as tf.Tensor2D, weights, padded), probe)))([x]);
  const outputs = tf.tidy(() => [x1, x2].map((x) => biLstm(x, weights, padded).arraySync()));
  const [a, b] = [run(x1), run(x2)];
  const [ga, gb] = [a.grads[0].arraySync() as number[][], b.grads[0].arraySync() as number[][]];
  for (let row = 0; row < 12; row++) {
    if (isReal(row)) {
      assert.deepEqual(outputs[0][row], outputs[1][row]);
      assert.deepEqual(ga[row], gb[row]);
    } else {
      assert.ok(outputs[0][row].every((v) => v === 0) && ga[row].every((v) => v === 0), `row ${row}`);
    }
  }
  assert.equal(a.value.dataSync()[0], b.value.dataSync()[0]);
  tf.dispose([a.value, b.value, ...a.grads, ...b.grads, x1, x2, probe, ...Object.values(weights)]);
  assert.equal(tf.memory().numTensors, before);
});
