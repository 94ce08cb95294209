import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as tf from '@tensorflow/tfjs';
import { selectBackend } from '../../../src/engine/backend.js';
import { Rng } from '../../../src/shared/random.js';
import { registerWasmKernels } from '../../../src/engine/wasmKernels/registerWasmKernels.js';
import { scratchBytesInUse } from '../../../src/engine/wasmKernels/wasmHeap.js';

function uniform(rng: Rng, shape: number[]): tf.Tensor {
  return tf.tensor(
    Float32Array.from({ length: shape.reduce((a, b) => a * b, 1) }, () => rng.uniform(-1, 1)),
    shape,
  );
}

/** [a shape, b shape, transposeA, transposeB]: sizes off the 4×8 tile, every transpose, and a batched product. */
const products: Array<[number[], number[], boolean, boolean]> = [
  [[13, 7], [7, 11], false, false],
  [[7, 13], [7, 11], true, false],
  [[13, 7], [11, 7], false, true],
  [[7, 13], [11, 7], true, true],
  [[1, 37, 50], [1, 50, 45], false, false],
  [[3, 5, 6], [3, 6, 4], false, false],
];

/** The products on tfjs's cpu backend, an independent implementation. */
async function cpuProducts(rng: Rng): Promise<{ operands: Float32Array[][]; expected: { shape: number[]; values: Float32Array }[] }> {
  await selectBackend('cpu');
  const operands = products.map(([aShape, bShape]) => [uniform(rng, aShape), uniform(rng, bShape)]);
  const expected = products.map(([, , ta, tb], i) => {
    const product = tf.matMul(operands[i][0], operands[i][1], ta, tb);
    const result = { shape: product.shape, values: product.dataSync() as Float32Array };
    product.dispose();
    return result;
  });
  const values = operands.map((pair) => pair.map((t) => t.dataSync() as Float32Array));
  tf.dispose(operands.flat());
  return { operands: values, expected };
}

test('packed BatchMatMul (registered with the wasm backend) matches tfjs cpu for single and batched products', async () => {
  const { operands: values, expected } = await cpuProducts(new Rng(3));
  await selectBackend('wasm');
  assert.equal(await registerWasmKernels(), await registerWasmKernels(), 'registration is idempotent');
  const operands = values.map((pair, i) => [tf.tensor(pair[0], products[i][0]), tf.tensor(pair[1], products[i][1])]);
  const before = tf.memory().numTensors;
  for (const [i, [, , ta, tb]] of products.entries()) {
    const actual = tf.matMul(operands[i][0], operands[i][1], ta, tb);
    assert.deepEqual(actual.shape, expected[i].shape);
    const [x, y] = [actual.dataSync(), expected[i].values];
    for (let j = 0; j < y.length; j++)
      assert.ok(Math.abs(x[j] - y[j]) <= 1e-5 * (1 + Math.abs(y[j])), `product ${i}, element ${j}: ${x[j]} vs ${y[j]}`);
    actual.dispose();
  }
  assert.equal(tf.memory().numTensors, before);
  assert.equal(scratchBytesInUse(), 0);
  tf.dispose(operands.flat());
});
