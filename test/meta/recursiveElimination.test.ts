import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyMinMax, fitMinMax } from '../../src/meta/minMaxScaler.js';
import { recursiveElimination } from '../../src/meta/recursiveElimination.js';
import { sklearnLabels, sklearnRows } from './sklearnFixture.js';

test('ranks features as scikit-learn RFE(step=1, n_features_to_select=1)', () => {
  // RFE(LogisticRegression(C=1), n_features_to_select=1, step=1) (lbfgs, tol=1e-10; newton-cholesky agrees)
  //   .fit(MinMaxScaler().fit_transform(X), y).ranking_ → [1, 2, 4, 3]
  const scaled = applyMinMax(fitMinMax(sklearnRows), sklearnRows);
  const sizes: number[] = [];
  const ranks = recursiveElimination(scaled, sklearnLabels, 1, (active) => sizes.push(active.length));
  assert.deepEqual(ranks, [1, 2, 4, 3]);
  assert.deepEqual(sizes, [4, 3, 2, 1]);
});

test('the first model it visits is the full model (scikit-learn coefficients)', () => {
  // LogisticRegression(C=1, solver='newton-cholesky', tol=1e-14).fit(scaled X, y). (The default lbfgs stops
  // 3e-5 away here, with an objective gradient of 8.6e-5; its RFE ranking is the same.)
  const scaled = applyMinMax(fitMinMax(sklearnRows), sklearnRows);
  const seen: number[][] = [];
  recursiveElimination(scaled, sklearnLabels, 1, (active, model) => {
    if (active.length === 4) seen.push([model.intercept, ...model.coefficients]);
  });
  const reference = [0.020131599730500594, 1.2810307449087668, -1.0118225603798376, 0.2138776393981813, -0.48327422973774664];
  seen[0].forEach((v, j) => {
    assert.ok(Math.abs(v - reference[j]) < 1e-9, `${v} vs ${reference[j]}`);
  });
});
