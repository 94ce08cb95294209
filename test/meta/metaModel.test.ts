import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fitMetaModel, fittedPairs, gainProbability } from '../../src/meta/metaModel.js';
import { tinyMeta, tinyPairs } from '../report/metaFixture.js';
import { sklearnMatrix } from './sklearnFixture.js';

test('the all-pairs model keeps its scaling and scores a new pair as the fitted model does', () => {
  const matrix = sklearnMatrix();
  const model = fitMetaModel(matrix, 1);
  assert.deepEqual(model.min, [0.8, 0.7, 50, 0]);
  assert.deepEqual(model.max, [9.8, 9.5, 960, 9.5]);
  // scikit-learn, newton-cholesky, on MinMaxScaler().fit_transform(X): see recursiveElimination.test.ts.
  assert.ok(Math.abs(model.coefficients[0] - 1.2810307449087668) < 1e-9);
  // A pair at every feature's minimum scales to all zeros: P = σ(intercept).
  const p = gainProbability(model, { main_sentences: 0.8, main_labels: 0.7, main_frobenius_norm: 50, aux_oov_rate: 0 });
  assert.ok(p !== undefined && Math.abs(p - 1 / (1 + Math.exp(-model.intercept))) < 1e-15);
  assert.equal(gainProbability(model, { main_sentences: 1 }), undefined);
});

test('fitted pairs: the model scores each pair, by hand; meta.json stores exactly these', () => {
  const meta = tinyMeta();
  assert.ok(meta.model.status === 'ok');
  const model = meta.model;
  const pairs = tinyPairs();
  const predictions = fittedPairs(model, pairs);
  assert.equal(predictions.length, pairs.length);
  const pair = pairs[0];
  let z = model.intercept;
  model.features.forEach((name, j) => {
    const span = model.max[j] - model.min[j];
    z += model.coefficients[j] * (span === 0 ? 0 : ((pair.features[name] ?? NaN) - model.min[j]) / span);
  });
  assert.ok(Math.abs(predictions[0].probability - 1 / (1 + Math.exp(-z))) < 1e-12);
  assert.deepEqual([predictions[0].main, predictions[0].aux, predictions[0].gain], [pair.main, pair.aux, pair.gain]);
  assert.deepEqual(meta.fitted, predictions);
});
