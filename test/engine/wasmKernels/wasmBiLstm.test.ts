import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as tf from '@tensorflow/tfjs';
import { selectBackend } from '../../../src/engine/backend.js';
import { biLstm } from '../../../src/engine/kernels/biLstm.js';
import { type BiLstmKernel, type BiLstmLayout, registerBiLstmKernel } from '../../../src/engine/kernels/biLstmKernel.js';
import { portableBiLstm } from '../../../src/engine/kernels/biLstmPortable.js';
import { Rng } from '../../../src/shared/random.js';
import { registerWasmKernels } from '../../../src/engine/wasmKernels/registerWasmKernels.js';
import { wasmBiLstm } from '../../../src/engine/wasmKernels/wasmBiLstm.js';
import { WasmHeap, scratchBytesInUse } from '../../../src/engine/wasmKernels/wasmHeap.js';

interface Case {
  name: string;
  inputDim: number;
  units: number;
  lengths: number[];
  time: number;
  /** Half-width of the uniform weights: large values drive the gates into saturation. */
  scale: number;
}

const cases: Case[] = [
  { name: 'odd sizes, a sentence of length 0', inputDim: 5, units: 3, lengths: [5, 0, 4, 1, 2], time: 5, scale: 0.5 },
  { name: 'H, D, B not multiples of 4 or 8', inputDim: 9, units: 13, lengths: [7, 3, 7, 1, 6, 2, 7], time: 7, scale: 0.5 },
  { name: 'all sentences full length', inputDim: 8, units: 8, lengths: [6, 6, 6, 6], time: 6, scale: 0.5 },
  { name: 'one timestep, one sentence', inputDim: 4, units: 5, lengths: [1], time: 1, scale: 0.5 },
  { name: 'only padding', inputDim: 3, units: 2, lengths: [0, 0], time: 2, scale: 0.5 },
  { name: 'saturated gates', inputDim: 6, units: 7, lengths: [4, 2, 3], time: 4, scale: 4 },
  // 472 real tokens: the weight gradients run over dz in more than one block of rows.
  {
    name: 'reference sizes',
    inputDim: 100,
    units: 50,
    lengths: [25, 12, 25, 1, 0, 20, 25, 9, 17, 25, 3, 25, 24, 25, 18, 25, 7, 25, 25, 22, 25, 25, 14, 25, 25],
    time: 25,
    scale: 0.2,
  },
];

/** max |a − b| over max |b|: float32 differences measured against the size of the values. */
function maxRelativeDifference(a: tf.Tensor, b: tf.Tensor): number {
  const x = a.dataSync();
  const y = b.dataSync();
  assert.equal(x.length, y.length);
  let scale = 0;
  let worst = 0;
  for (let i = 0; i < y.length; i++) {
    scale = Math.max(scale, Math.abs(y[i]));
    worst = Math.max(worst, Math.abs(x[i] - y[i]));
  }
  return scale === 0 ? worst : worst / scale;
}

function uniform(rng: Rng, shape: number[], scale: number): tf.Tensor {
  return tf.tensor(
    Float32Array.from({ length: shape.reduce((a, b) => a * b, 1) }, () => rng.uniform(-scale, scale)),
    shape,
  );
}

/** Output and the gradients of Σ output·probe with respect to x, input, bias, forward, backward, computed by `kernel`. */
function run(kernel: BiLstmKernel, args: tf.Tensor[], probe: tf.Tensor, layout: BiLstmLayout, growHeap = false) {
  registerBiLstmKernel('wasm', kernel);
  const lstm = (t: tf.Tensor[]) =>
    biLstm(
      t[0] as tf.Tensor2D,
      { input: t[1] as tf.Tensor2D, bias: t[2] as tf.Tensor1D, forward: t[3] as tf.Tensor2D, backward: t[4] as tf.Tensor2D },
      layout,
    );
  const output = lstm(args);
  const { value, grads } = tf.valueAndGrads((...t: tf.Tensor[]) => {
    const loss = tf.sum(tf.mul(lstm(t), probe));
    // Growing the backend's heap between the passes replaces its ArrayBuffer under the kept trace.
    if (growHeap) {
      const heap = WasmHeap.of(tf.backend());
      const bytes = heap.memory.buffer.byteLength;
      tf.dispose(tf.zeros([bytes / 2]));
      assert.ok(heap.memory.buffer.byteLength > bytes, 'the heap did not grow');
    }
    return loss;
  })(args);
  value.dispose();
  return { output, grads };
}

await selectBackend('wasm');
const variant = await registerWasmKernels();

for (const c of cases) {
  test(`wasm BiLSTM kernel (${variant}) matches the portable kernel: ${c.name}`, () => {
    const before = tf.memory();
    const rng = new Rng(c.units * 31 + c.inputDim);
    const batch = c.lengths.length;
    const layout: BiLstmLayout = { time: c.time, batch, lengths: Int32Array.from(c.lengths) };
    const args = [
      uniform(rng, [c.time * batch, c.inputDim], 1),
      uniform(rng, [c.inputDim, 8 * c.units], c.scale),
      uniform(rng, [8 * c.units], c.scale),
      uniform(rng, [c.units, 4 * c.units], c.scale),
      uniform(rng, [c.units, 4 * c.units], c.scale),
    ];
    const probe = uniform(rng, [c.time * batch, 2 * c.units], 1);
    const reference = run(portableBiLstm, args, probe, layout);
    const ours = run(wasmBiLstm, args, probe, layout);

    const names = ['output', 'x', 'input', 'bias', 'forward', 'backward'];
    const expected = [reference.output, ...reference.grads];
    const diffs = [ours.output, ...ours.grads].map((t, i) => maxRelativeDifference(t, expected[i]));
    console.log(`${c.name}: max relative difference ${names.map((n, i) => `${n} ${diffs[i].toExponential(1)}`).join(', ')}`);
    for (const [i, diff] of diffs.entries()) assert.ok(diff < 1e-5, `${names[i]}: ${diff}`);

    const padded = ours.output.arraySync() as number[][];
    for (let t = 0; t < c.time; t++) {
      for (let b = 0; b < batch; b++) {
        if (t >= c.lengths[b])
          assert.ok(
            padded[t * batch + b].every((v) => v === 0),
            `padded row ${t * batch + b} is not zero`,
          );
      }
    }

    tf.dispose([...args, probe, reference.output, ...reference.grads, ours.output, ...ours.grads]);
    const after = tf.memory();
    assert.equal(after.numTensors, before.numTensors);
    assert.equal(after.numBytes, before.numBytes);
    assert.equal(scratchBytesInUse(), 0);
  });
}

test(`wasm BiLSTM kernel (${variant}) stays correct when the backend heap grows between forward and backward`, () => {
  const before = tf.memory();
  const rng = new Rng(5);
  const layout: BiLstmLayout = { time: 6, batch: 3, lengths: Int32Array.from([6, 4, 5]) };
  const args = [
    uniform(rng, [18, 7], 1),
    uniform(rng, [7, 40], 0.5),
    uniform(rng, [40], 0.5),
    uniform(rng, [5, 20], 0.5),
    uniform(rng, [5, 20], 0.5),
  ];
  const probe = uniform(rng, [18, 10], 1);
  const reference = run(portableBiLstm, args, probe, layout);
  const ours = run(wasmBiLstm, args, probe, layout, true);
  for (const [i, grad] of ours.grads.entries()) assert.ok(maxRelativeDifference(grad, reference.grads[i]) < 1e-5);
  tf.dispose([...args, probe, reference.output, ...reference.grads, ours.output, ...ours.grads]);
  assert.equal(tf.memory().numTensors, before.numTensors);
  assert.equal(scratchBytesInUse(), 0);
});

test(`wasm BiLSTM forward pass (${variant}) outside a gradient computes no trace`, () => {
  const rng = new Rng(9);
  const layout: BiLstmLayout = { time: 3, batch: 2, lengths: Int32Array.from([3, 2]) };
  const w = {
    input: uniform(rng, [4, 24], 0.5) as tf.Tensor2D,
    bias: uniform(rng, [24], 0.5) as tf.Tensor1D,
    forward: uniform(rng, [3, 12], 0.5) as tf.Tensor2D,
    backward: uniform(rng, [3, 12], 0.5) as tf.Tensor2D,
  };
  const x = uniform(rng, [6, 4], 1) as tf.Tensor2D;
  const before = tf.memory();
  const pass = wasmBiLstm.forward(x, w, layout);
  assert.deepEqual(pass.trace, []);
  assert.equal(tf.memory().numTensors, before.numTensors + 1);
  assert.equal(tf.memory().numBytes, before.numBytes + 6 * 6 * 4);
  tf.dispose([pass.output, x, ...Object.values(w)]);
  assert.equal(scratchBytesInUse(), 0);
});
