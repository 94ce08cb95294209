import assert from 'node:assert/strict';
import { test } from 'node:test';
import { featureSet } from '../../src/meta/featureSets.js';
import { constantFeatures, featureMatrix } from '../../src/meta/featureMatrix.js';
import { syntheticPairs } from './syntheticPairs.js';

test('feature sets: 42 all, 21 data, 21 curve, disjoint, in either curve-feature mode', () => {
  for (const mode of ['taskrel', 'paper'] as const) {
    const data = featureSet('data', mode);
    const curve = featureSet('curve', mode);
    assert.equal(featureSet('all', mode).length, 42);
    assert.equal(data.length, 21);
    assert.equal(curve.length, 21);
    assert.ok(data.includes('ratio_js_divergence') && curve.includes('main_gradient_70'));
    assert.ok(!data.some((name) => curve.includes(name)));
  }
  assert.ok(featureSet('curve', 'taskrel').includes('aux_curve_knee') && !featureSet('curve', 'taskrel').includes('aux_curve_c'));
  assert.ok(featureSet('curve', 'paper').includes('ratio_curve_b') && !featureSet('all', 'paper').includes('main_curve_a'));
});

test('features missing for some pair are dropped with the reason; constant ones are named', () => {
  const pairs = syntheticPairs();
  delete pairs[3].features.aux_curve_knee;
  for (const pair of pairs) pair.features.main_labels = 4;
  const { matrix, dropped } = featureMatrix(pairs, featureSet('all', 'taskrel'));
  assert.equal(matrix.names.length, 41);
  assert.deepEqual(dropped, [{ feature: 'aux_curve_knee', reason: `missing for 1 of 30 pairs (e.g. t0/t4)` }]);
  const constant = constantFeatures(matrix);
  assert.ok(constant.includes('main_labels') && constant.includes('ratio_curve_a'), `${constant}`);
  assert.ok(!constant.includes('aux_labels') && !constant.includes('main_sentences'));
  assert.equal(matrix.rows.length, 30);
  assert.equal(matrix.rows[0][matrix.names.indexOf('main_labels')], 4);
});
