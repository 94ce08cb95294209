import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as tf from '@tensorflow/tfjs';
import { cosineSimilarity, gradientPieces } from '../../src/affinity/gradientCosine.js';
import { selectBackend } from '../../src/engine/backend.js';
import { EmbeddingTable } from '../../src/engine/models/embeddingTable.js';
import type { Gradients } from '../../src/engine/models/model.js';

test('cosine of flattened shared gradients: dense variables whole, table rows where either gradient has them', async () => {
  await selectBackend('cpu');
  const variable = tf.variable(tf.zeros([2]));
  const table = new EmbeddingTable(5, 2, new Float32Array(10));
  const names = new Map<object, string>([
    [variable, 'shared.v'],
    [table, 'shared.t'],
  ]);
  const gradient = (dense: number[], rows: number[], values: number[]): Gradients => ({
    loss: 0,
    dense: [{ variable, gradient: tf.tensor1d(dense) }],
    rows: [{ table, rows: Int32Array.from(rows), gradient: Float32Array.from(values) }],
  });
  const a = gradient([1, 2], [1, 3], [1, 0, 2, -1]);
  const b = gradient([0, 1], [3, 4], [4, 1, 3, 3]);
  // Flattened over [v, t row 0 … row 4]: a = [1,2, 0,0, 1,0, 0,0, 2,-1, 0,0], b = [0,1, 0,0, 0,0, 0,0, 4,1, 3,3].
  const dot = 1 * 0 + 2 * 1 + 2 * 4 + -1 * 1;
  const expected = dot / Math.sqrt((1 + 4 + 1 + 4 + 1) * (1 + 16 + 1 + 9 + 9));
  const [pa, pb] = [gradientPieces(a, names), gradientPieces(b, names)];
  assert.ok(Math.abs(cosineSimilarity(pa, pb) - expected) < 1e-7);
  assert.ok(Math.abs(cosineSimilarity(pb, pa) - expected) < 1e-7, 'symmetric');
  assert.ok(Math.abs(cosineSimilarity(pa, pa) - 1) < 1e-7);
  const zero = gradientPieces(gradient([0, 0], [], []), names);
  assert.equal(cosineSimilarity(pa, zero), 0, 'no direction to compare');
  tf.dispose([variable, a.dense[0].gradient, b.dense[0].gradient]);
});
