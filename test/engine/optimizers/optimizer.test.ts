import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as tf from '@tensorflow/tfjs';
import { selectBackend } from '../../../src/engine/backend.js';
import { EmbeddingTable } from '../../../src/engine/models/embeddingTable.js';
import { Optimizer } from '../../../src/engine/optimizers/optimizer.js';
import { optimizers } from '../../../src/engine/optimizers/optimizers.js';

const close = (actual: ArrayLike<number>, expected: number[], tolerance = 1e-6): void => {
  assert.equal(actual.length, expected.length);
  for (let i = 0; i < expected.length; i++)
    assert.ok(Math.abs(actual[i] - expected[i]) <= tolerance, `[${i}] ${actual[i]} vs ${expected[i]}`);
};

/** Adam as PyTorch writes it, in double precision, for one scalar parameter. */
function referenceAdam(p: number, grads: number[], lr: number): number {
  let m = 0;
  let v = 0;
  grads.forEach((g, k) => {
    const t = k + 1;
    m = 0.9 * m + 0.1 * g;
    v = 0.999 * v + 0.001 * g * g;
    p -= (lr * (m / (1 - 0.9 ** t))) / (Math.sqrt(v / (1 - 0.999 ** t)) + 1e-8);
  });
  return p;
}

/** Adadelta (Zeiler 2012), ρ 0.95, ε 1e-6, in double precision, for one scalar parameter. */
function referenceAdadelta(p: number, grads: number[], lr: number): number {
  let eg = 0;
  let ex = 0;
  for (const g of grads) {
    eg = 0.95 * eg + 0.05 * g * g;
    const dx = (Math.sqrt(ex + 1e-6) / Math.sqrt(eg + 1e-6)) * g;
    ex = 0.95 * ex + 0.05 * dx * dx;
    p -= lr * dx;
  }
  return p;
}

const references = { adam: referenceAdam, adadelta: referenceAdadelta };

/** An optimiser over a dense variable [0.5, −1] and a 3×2 table whose row 1 holds the same values. */
function twoParameters(name: 'adam' | 'adadelta') {
  const lr = name === 'adam' ? 0.01 : 0.1;
  return {
    lr,
    optimizer: new Optimizer(optimizers[name].create({ name, learningRate: lr })),
    variable: tf.tidy(() => tf.variable(tf.tensor1d([0.5, -1]))),
    table: new EmbeddingTable(3, 2, Float32Array.of(1, 1, 0.5, -1, 2, 2)),
  };
}

for (const name of ['adam', 'adadelta'] as const) {
  test(`${name} updates a dense variable and table rows by the same rule (matches a scalar reference)`, async () => {
    await selectBackend('wasm');
    const before = tf.memory().numTensors;
    const { lr, optimizer, variable, table } = twoParameters(name);
    const steps = [
      [0.3, -0.2],
      [0.1, 0.4],
      [-0.5, 0.05],
    ];
    for (const g of steps) {
      const gradient = tf.tensor1d(g);
      optimizer.apply({
        loss: 0,
        dense: [{ variable, gradient }],
        rows: [{ table, rows: Int32Array.of(1), gradient: Float32Array.from(g) }],
      });
      gradient.dispose();
    }
    const expected = [0, 1].map((i) =>
      references[name](
        [0.5, -1][i],
        steps.map((g) => g[i]),
        lr,
      ),
    );
    close(variable.dataSync(), expected);
    close(table.values, [1, 1, ...expected, 2, 2]);
    variable.dispose();
    assert.equal(tf.memory().numTensors, before);
  });
}

test('each parameter counts its own steps (a head trained every other step gets its own bias correction)', () => {
  const optimizer = new Optimizer(optimizers.adam.create({ name: 'adam', learningRate: 0.1 }));
  const often = new EmbeddingTable(1, 1, Float32Array.of(0));
  const rarely = new EmbeddingTable(1, 1, Float32Array.of(0));
  optimizer.apply({ loss: 0, dense: [], rows: [{ table: often, rows: Int32Array.of(0), gradient: Float32Array.of(1) }] });
  optimizer.apply({ loss: 0, dense: [], rows: [{ table: often, rows: Int32Array.of(0), gradient: Float32Array.of(1) }] });
  optimizer.apply({ loss: 0, dense: [], rows: [{ table: rarely, rows: Int32Array.of(0), gradient: Float32Array.of(1) }] });
  close(often.values, [referenceAdam(0, [1, 1], 0.1)]);
  close(rarely.values, [referenceAdam(0, [1], 0.1)]);
});

for (const name of ['adam', 'adadelta'] as const) {
  test(`${name} preview gives the values apply would give and changes neither the parameters nor the state`, async () => {
    await selectBackend('wasm');
    const before = tf.memory().numTensors;
    const { lr, optimizer, variable, table } = twoParameters(name);
    const step = (g: number[], act: 'apply' | 'preview') => {
      const gradient = tf.tensor1d(g);
      const gradients = {
        loss: 0,
        dense: [{ variable, gradient }],
        rows: [{ table, rows: Int32Array.of(2, 0), gradient: Float32Array.from([...g, ...g]) }],
      };
      const result = act === 'apply' ? optimizer.apply(gradients) : optimizer.preview(gradients);
      gradient.dispose();
      return result;
    };
    const steps = [
      [0.3, -0.2],
      [0.1, 0.4],
    ];
    for (const g of steps) step(g, 'apply');
    const kept = { dense: variable.dataSync().slice(), table: table.values.slice() };
    const preview = step([-0.5, 0.05], 'preview');
    assert.ok(preview !== undefined);
    assert.deepEqual([variable.dataSync().slice(), table.values.slice()], [kept.dense, kept.table], 'nothing changed');
    const ahead = steps.concat([[-0.5, 0.05]]);
    const expected = [0, 1].map((i) =>
      references[name](
        [0.5, -1][i],
        ahead.map((g) => g[i]),
        lr,
      ),
    );
    close(preview.dense[0].values, expected);
    assert.deepEqual([...preview.rows[0].rows], [2, 0]);
    const expectedRows = [2, 0].flatMap((row) =>
      [0, 1].map((i) =>
        references[name](
          [1, 1, 0.5, -1, 2, 2][row * 2 + i],
          ahead.map((g) => g[i]),
          lr,
        ),
      ),
    );
    close(preview.rows[0].values, expectedRows);
    // The state did not move: applying the previewed step now gives exactly the previewed values.
    step([-0.5, 0.05], 'apply');
    assert.deepEqual(variable.dataSync().slice(), preview.dense[0].values);
    assert.deepEqual(Float32Array.of(...table.values.subarray(4, 6), ...table.values.subarray(0, 2)), preview.rows[0].values);
    variable.dispose();
    assert.equal(tf.memory().numTensors, before);
  });
}
