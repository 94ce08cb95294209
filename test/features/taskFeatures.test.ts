import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TaskFeatureNames, validateTaskFeatures } from '../../src/features/taskFeatures.js';

const valid = {
  task: 'pos',
  values: { sentences: 100, curve_a: -0.5 },
  missing: { curve_c: 'log-curve fit failed: the loss is constant' },
  curveFit: { status: 'partial', curves: 2, fitted: 1, rmse: [0.01], failures: ['the loss is constant'] },
};

test('14 task features: 7 dataset, 7 curve', () => {
  assert.equal(TaskFeatureNames.length, 14);
  assert.equal(new Set(TaskFeatureNames).size, 14);
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
