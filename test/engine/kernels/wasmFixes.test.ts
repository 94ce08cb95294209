import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as tf from '@tensorflow/tfjs';
import { selectBackend } from '../../../src/engine/backend.js';

/** Plain triple-loop product of row-major matrices, the independent reference. */
function multiply(a: number[][], b: number[][]): number[][] {
  return a.map((row) => b[0].map((_, j) => row.reduce((sum, x, k) => sum + x * b[k][j], 0)));
}
const transpose = (m: number[][]): number[][] => m[0].map((_, j) => m.map((row) => row[j]));

test('matMul with transposed operands (re-registered on wasm) still computes the right products', async () => {
  await selectBackend('wasm');
  const a = [
    [1, 2, 3],
    [4, 5, 6],
  ];
  const b = [
    [1, -1],
    [2, 0],
    [0, 3],
  ];
  const expected = multiply(a, b);
  const cases: Array<[number[][], number[][], boolean, boolean]> = [
    [a, b, false, false],
    [transpose(a), b, true, false],
    [a, transpose(b), false, true],
    [transpose(a), transpose(b), true, true],
  ];
  tf.tidy(() => {
    for (const [x, y, ta, tb] of cases) {
      const product = tf.matMul(tf.tensor2d(x), tf.tensor2d(y), ta, tb);
      assert.deepEqual(product.arraySync(), expected, `transposeA ${ta}, transposeB ${tb}`);
    }
    const bias = [10, 20];
    const fused = tf.fused.matMul({
      a: tf.tensor2d(transpose(a)),
      b: tf.tensor2d(b),
      transposeA: true,
      bias: tf.tensor1d(bias),
      activation: 'relu',
    });
    assert.deepEqual(
      fused.arraySync(),
      expected.map((row) => row.map((v, j) => Math.max(0, v + bias[j]))),
    );
    const batched = tf.matMul(tf.tensor3d([transpose(a), transpose(a)]), tf.tensor3d([b, b]), true, false);
    assert.deepEqual(batched.arraySync(), [expected, expected]);
  });
});
