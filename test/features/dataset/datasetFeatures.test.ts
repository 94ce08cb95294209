import assert from 'node:assert/strict';
import { test } from 'node:test';
import { datasetFeatures } from '../../../src/features/dataset/datasetFeatures.js';
import { tinyTask, tinyVocabulary } from '../tinyTask.js';

test('datasetFeatures gathers the seven features of the tiny task', () => {
  const { values, missing } = datasetFeatures(tinyTask(), tinyVocabulary);
  assert.deepEqual(missing, {});
  assert.equal(values.sentences, 3);
  assert.equal(values.labels, 3);
  assert.equal(values.tokens_per_type, 9 / 8);
  assert.equal(values.oov_rate, 100 / 9);
  assert.equal(values.frobenius_norm, Math.sqrt(11));
  assert.ok(Math.abs((values.label_entropy ?? NaN) - 1.0608569471580214) < 1e-12);
  assert.ok(Math.abs((values.js_divergence ?? NaN) - 0.28760976471918337) < 1e-12);
});

test('without a vocabulary or a test split the affected features are absent with a reason, never 0', () => {
  const { values, missing } = datasetFeatures({ ...tinyTask(), test: [] }, undefined);
  assert.equal('oov_rate' in values, false);
  assert.equal('js_divergence' in values, false);
  assert.match(missing.oov_rate ?? '', /vocabulary/);
  assert.match(missing.js_divergence ?? '', /no tokens/);
  assert.equal(values.sentences, 3);
});
