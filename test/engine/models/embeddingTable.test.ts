import assert from 'node:assert/strict';
import { test } from 'node:test';
import { EmbeddingTable, rowGradient } from '../../../src/engine/models/embeddingTable.js';

const table = new EmbeddingTable(4, 2, Float32Array.of(0, 0, 1, 2, 3, 4, 5, 6));

test('gather copies the rows of the tokens and gives zeros for padding', () => {
  assert.deepEqual([...table.gather(Int32Array.of(2, 0, 1, 2))], [3, 4, 0, 0, 1, 2, 3, 4]);
});

test('rowGradient sums the occurrences of each row, skips padding, applies the scale', () => {
  const tokens = Int32Array.of(2, 0, 3, 2);
  const perOccurrence = Float32Array.of(1, 2, 100, 100, 3, 4, 5, 6);
  const plain = rowGradient(table, tokens, perOccurrence, (i) => i);
  assert.deepEqual([...plain.rows], [2, 3]);
  assert.deepEqual([...plain.gradient], [6, 8, 3, 4]);
  const scaled = rowGradient(table, tokens, perOccurrence, (i) => i, Float32Array.of(2, 0, 9, 9, 1, 1, 0, 1));
  assert.deepEqual([...scaled.gradient], [2, 6, 3, 4]);
});

test('rowGradient can read one source row for many occurrences (bag of words)', () => {
  // time-major tokens of 2 texts: text 0 = [1, 3], text 1 = [1, pad]; one gradient row per text.
  const result = rowGradient(table, Int32Array.of(1, 1, 3, 0), Float32Array.of(1, 1, 10, 20), (i) => i % 2);
  assert.deepEqual([...result.rows], [1, 3]);
  assert.deepEqual([...result.gradient], [11, 21, 1, 1]);
});
