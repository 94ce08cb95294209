import assert from 'node:assert/strict';
import { test } from 'node:test';
import { curveModeOfColumns, TaskFeatureNames, taskFeatureNames, validateTaskFeatures } from '../../src/features/taskFeatures.js';

const valid = {
  task: 'pos',
  values: { sentences: 100, curve_a: -0.5 },
  missing: { curve_knee: 'log-curve fit failed: the loss is constant' },
  curveFit: { status: 'partial', curves: 2, fitted: 1, rmse: [0.01], failures: ['the loss is constant'], notes: [] },
};

test('14 task features per curve-feature mode: 7 dataset, 5 gradients, 2 of the log fit', () => {
  assert.equal(TaskFeatureNames.length, 16);
  assert.deepEqual(taskFeatureNames('taskrel').slice(12), ['curve_a', 'curve_knee']);
  assert.deepEqual(taskFeatureNames('paper').slice(12), ['curve_b', 'curve_c']);
  for (const mode of ['taskrel', 'paper'] as const) {
    assert.equal(new Set(taskFeatureNames(mode)).size, 14);
    assert.equal(curveModeOfColumns(['task', ...taskFeatureNames(mode)]), mode);
  }
  // features.csv of an earlier taskrel: curve_a and curve_c, no mode.
  assert.equal(curveModeOfColumns(['task', 'curve_a', 'curve_c']), undefined);
  assert.equal(curveModeOfColumns(['task', 'sentences']), undefined);
});

test('a record written before fits had notes reads with none', () => {
  const { notes: _, ...earlier } = valid.curveFit;
  assert.deepEqual(validateTaskFeatures({ ...valid, curveFit: earlier }, 'f').curveFit.notes, []);
});

test('validateTaskFeatures accepts a record and rejects what would mislead', () => {
  assert.deepEqual(validateTaskFeatures(valid, 'f'), valid);
  const bad = (change: object) => () => validateTaskFeatures({ ...valid, ...change }, 'features');
  assert.throws(bad({ values: { size: 3 } }), /features: values\.size: unknown field/);
  assert.throws(bad({ values: { sentences: null } }), /values\.sentences: expected a number/);
  assert.throws(bad({ missing: { sentences: 'x' } }), /values\.sentences: expected either a value or a reason/);
  assert.throws(bad({ curveFit: { ...valid.curveFit, fitted: 3 } }), /fitted ≤ curves and one rmse per fitted curve/);
  assert.throws(bad({ curveFit: { ...valid.curveFit, status: 'fine' } }), /curveFit\.status: expected one of 'ok'/);
});
