import assert from 'node:assert/strict';
import { test } from 'node:test';
import { rankFeatures } from '../../src/meta/featureRanking.js';
import type { FeatureMatrix } from '../../src/meta/featureMatrix.js';

// 40 rows: feature 0 decides the label (with a margin), features 1 and 2 are noise.
const rows = Array.from({ length: 40 }, (_, i) => [i < 25 ? i / 25 : 2 + i / 40, (i * 7) % 13, (i * 11) % 5]);
const matrix: FeatureMatrix = {
  names: ['main_sentences', 'aux_labels', 'ratio_curve_a'],
  rows,
  labels: rows.map((_, i): 0 | 1 => (i < 25 ? 0 : 1)),
  mains: rows.map((_, i) => `t${i % 8}`),
  auxes: rows.map((_, i) => `t${(i + 1) % 8}`),
};
const options = { splits: 30, trainFraction: 0.8, seed: 5, C: 1 };

test('the informative feature ranks first by elimination and by coefficient size', () => {
  const result = rankFeatures(matrix, options);
  assert.equal(result.ranks[0].feature, 'main_sentences');
  // Always eliminated last: rank exactly 1 on every split.
  assert.equal(result.ranks[0].eliminationRank, 1);
  const magnitudes = result.ranks.map((r) => Math.abs(r.coefficientMean));
  assert.ok(magnitudes[0] > 3 * Math.max(magnitudes[1], magnitudes[2]));
  // Mean ranks of the three features sum to 1 + 2 + 3.
  assert.ok(Math.abs(result.ranks.reduce((s, r) => s + r.eliminationRank, 0) - 6) < 1e-12);
});

test('the ablation curve goes from all features to one, scored on held-out rows', () => {
  const { ablation } = rankFeatures(matrix, options);
  assert.deepEqual(
    ablation.map((a) => a.features),
    [3, 2, 1],
  );
  // With only the separating feature left, every held-out row (8 per split) is right.
  assert.equal(ablation[2].accuracy, 1);
  assert.equal(ablation[2].f1, 1);
});

test('the same seed gives the same ranking', () => {
  assert.deepEqual(rankFeatures(matrix, options), rankFeatures(matrix, options));
});
