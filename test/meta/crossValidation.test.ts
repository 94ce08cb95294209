import assert from 'node:assert/strict';
import { test } from 'node:test';
import { repeatedCrossValidation } from '../../src/meta/crossValidation.js';
import type { FeatureMatrix } from '../../src/meta/featureMatrix.js';

const options = { repetitions: 20, folds: 5, seed: 1, C: 1 };
const matrix = (rows: number[][], labels: (0 | 1)[]): FeatureMatrix => ({
  names: rows[0].map((_, j) => (j === 0 ? 'main_sentences' : 'aux_sentences')),
  rows,
  labels,
  mains: rows.map((_, i) => `t${i % 5}`),
  auxes: rows.map((_, i) => `t${(i + 1) % 5}`),
});

test('a feature that separates the classes with a wide margin gives accuracy and F1 of exactly 1', () => {
  // 12 "no gain" pairs at 0–1.1, 8 "gain" pairs at 8.9–10: every training fold spans both clusters, so the
  // boundary always falls in the gap; a second, pure-noise feature must not spoil it.
  const x = [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1, 1.1, 8.9, 9, 9.2, 9.4, 9.5, 9.7, 9.9, 10];
  const rows = x.map((v, i) => [v, (i * 7) % 5]);
  const labels = x.map((v): 0 | 1 => (v > 5 ? 1 : 0));
  const result = repeatedCrossValidation(matrix(rows, labels), options);
  assert.deepEqual(result.accuracy, { mean: 1, sd: 0 });
  assert.deepEqual(result.f1, { mean: 1, sd: 0 });
  assert.equal(result.singleClassFolds, 0);
});

test('a constant feature leaves the intercept: always the training majority, i.e. the majority baseline', () => {
  // 14 "no gain" of 20: stratified training folds are always mostly "no gain", so every prediction is 0:
  // accuracy 14/20 in every repetition, F1 of "gain" 0.
  const labels: (0 | 1)[] = [...Array(14).fill(0), ...Array(6).fill(1)];
  const result = repeatedCrossValidation(
    matrix(
      labels.map(() => [3]),
      labels,
    ),
    options,
  );
  assert.deepEqual(result.accuracy, { mean: 0.7, sd: 0 });
  assert.deepEqual(result.f1, { mean: 0, sd: 0 });
});

test('seeded: the same seed repeats the result, repetitions vary on noisy data', () => {
  const labels: (0 | 1)[] = Array.from({ length: 20 }, (_, i) => ((i * 13) % 7 < 3 ? 1 : 0));
  const rows = labels.map((l, i) => [l + ((i * 37) % 11) / 5, (i * 17) % 9]);
  const a = repeatedCrossValidation(matrix(rows, labels), options);
  assert.deepEqual(a, repeatedCrossValidation(matrix(rows, labels), options));
  assert.ok(a.accuracy.sd > 0);
  assert.notDeepEqual(a, repeatedCrossValidation(matrix(rows, labels), { ...options, seed: 2 }));
});
