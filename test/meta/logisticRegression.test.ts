import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fitLogisticRegression, predictLabel, predictProbability } from '../../src/meta/logisticRegression.js';

// 16 rows × 3 features in [0, 1] (as after min-max scaling), both classes, not separable.
const X = [
  [0.1, 0.9, 0.3],
  [0.2, 0.8, 0.7],
  [0.35, 0.6, 0.1],
  [0.4, 0.75, 0.9],
  [0.5, 0.2, 0.4],
  [0.55, 0.45, 0.6],
  [0.6, 0.1, 0.2],
  [0.7, 0.35, 0.8],
  [0.8, 0.05, 0.5],
  [0.9, 0.3, 0.0],
  [0.15, 0.5, 0.5],
  [0.65, 0.65, 0.35],
  [0.3, 0.25, 0.95],
  [0.85, 0.7, 0.15],
  [0.45, 0.95, 0.55],
  [0.95, 0.15, 0.75],
];
const y: (0 | 1)[] = [0, 0, 0, 1, 1, 0, 1, 1, 1, 1, 0, 1, 0, 0, 1, 1];

/**
 * scikit-learn 1.2.1 (Debian python3-sklearn), same objective (L2, intercept unpenalised):
 * LogisticRegression(C=C, solver='newton-cholesky', tol=1e-14).fit(X, y), whose objective gradient is ≤ 1e-15
 * there. The default lbfgs solver stops earlier (at tol=1e-12 it is still 1.0e-7, 4.3e-7 and 4.7e-6 away for
 * C = 1, 0.1, 10), so it would only support agreement to ~1e-5.
 */
const sklearn = [
  { C: 1, coef: [0.8911302795964, -0.5337141115632288, 0.10709290543099585], intercept: -0.0076553048351540465 },
  { C: 0.1, coef: [0.11548363266832497, -0.07889987897480455, 0.009394640038270105], intercept: 0.2238736741875728 },
  { C: 10, coef: [3.365725141461222, -1.092020982849644, 0.7913996308919043], intercept: -1.3282167733951966 },
];

test('coefficients and intercept match scikit-learn (L2, C = 0.1, 1, 10)', () => {
  for (const reference of sklearn) {
    const model = fitLogisticRegression(X, y, { C: reference.C });
    assert.ok(model.converged);
    const differences = [model.intercept - reference.intercept, ...model.coefficients.map((c, j) => c - reference.coef[j])];
    const largest = Math.max(...differences.map(Math.abs));
    assert.ok(largest < 1e-9, `C = ${reference.C}: max difference ${largest}`);
  }
});

test('predictions match scikit-learn, and the objective gradient vanishes at our solution', () => {
  const model = fitLogisticRegression(X, y, { C: 1 });
  // sklearn (newton-cholesky, C = 1) predict_proba(X[:2])[:, 1] = 0.40932485096097687, 0.45476514579963245.
  assert.ok(Math.abs(predictProbability(model, X[0]) - 0.40932485096097687) < 1e-12);
  assert.ok(Math.abs(predictProbability(model, X[1]) - 0.45476514579963245) < 1e-12);
  assert.deepEqual(
    X.map((x) => predictLabel(model, x)),
    [0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 0, 1, 1, 1, 0, 1],
  );
  const residuals = X.map((x, i) => predictProbability(model, x) - y[i]);
  assert.ok(Math.abs(residuals.reduce((s, r) => s + r, 0)) < 1e-10);
  for (let j = 0; j < 3; j++) {
    const gradient = model.coefficients[j] + residuals.reduce((s, r, i) => s + r * X[i][j], 0);
    assert.ok(Math.abs(gradient) < 1e-10);
  }
});

test('a huge C approaches the unpenalised maximum-likelihood fit', () => {
  // sklearn LogisticRegression(penalty=None, solver='newton-cholesky', tol=1e-14): the unpenalised optimum.
  // C = 1e9 leaves a penalty of order ‖w‖²/C, moving the solution by ~1e-8.
  const model = fitLogisticRegression(X, y, { C: 1e9 });
  const reference = [-3.872141978323535, 6.772872143073157, -0.8671953577402631, 2.229707643945274];
  const ours = [model.intercept, ...model.coefficients];
  ours.forEach((v, j) => {
    assert.ok(Math.abs(v - reference[j]) < 1e-6, `${v} vs ${reference[j]}`);
  });
});

test('a constant column gets coefficient 0; one class is refused', () => {
  const model = fitLogisticRegression(
    X.map((x) => [...x, 0]),
    y,
    { C: 1 },
  );
  assert.equal(model.coefficients[3], 0);
  assert.ok(Math.abs(model.coefficients[0] - 0.8911302795964) < 1e-9);
  assert.throws(
    () =>
      fitLogisticRegression(
        X,
        y.map(() => 1),
        { C: 1 },
      ),
    /both classes/,
  );
});

test('linearly separable data still has a finite solution (the penalty bounds w)', () => {
  const rows = [[0], [0.2], [0.4], [0.6], [0.8], [1]];
  const model = fitLogisticRegression(rows, [0, 0, 0, 1, 1, 1], { C: 1 });
  assert.ok(model.converged && Number.isFinite(model.intercept) && model.coefficients[0] > 0);
  assert.deepEqual(
    rows.map((x) => predictLabel(model, x)),
    [0, 0, 0, 1, 1, 1],
  );
});
