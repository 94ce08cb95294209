import assert from 'node:assert/strict';
import { test } from 'node:test';
import { curveFeatures } from '../../../src/features/curve/curveFeatures.js';
import { FIRST_POINT } from '../../../src/features/curve/logCurveFit.js';

const step = Array.from({ length: 50 }, (_, k) => 20 * (k + 1));
const curve = (a: number, k: number) => ({ step, loss: step.map((x) => a * Math.log(x + k) + 2) });
const near = (actual: number | undefined, expected: number, tolerance: number) =>
  assert.ok(Math.abs((actual ?? NaN) - expected) <= tolerance, `${actual} vs ${expected}`);

test('averages curve features over seeds', () => {
  const { values, curveFit, missing } = curveFeatures([curve(-0.5, 100), curve(-0.7, 30)], 'taskrel');
  assert.deepEqual(missing, {});
  assert.equal(curveFit.status, 'ok');
  assert.equal(curveFit.fitted, 2);
  assert.deepEqual(curveFit.notes, []);
  near(values.curve_a, -0.6, 1e-6);
  // The knee is the first step plus k: 20 + (100 + 30)/2.
  near(values.curve_knee, 85, 1e-4);
  assert.equal(values.curve_c, undefined);
  // Gradient at 50 % = step 500 (index 24): central difference over steps 480 and 520, averaged over both curves.
  const slope = (a: number, k: number) => (a * Math.log(520 + k) - a * Math.log(480 + k)) / 40;
  near(values.gradient_50, (slope(-0.5, 100) + slope(-0.7, 30)) / 2, 1e-15);
});

test('a curve logarithmic from its first point gives k = 0, its knee the first step, with a note', () => {
  const { values, missing, curveFit } = curveFeatures([curve(-0.4, 0), curve(-0.4, 20)], 'taskrel');
  assert.equal(curveFit.status, 'ok');
  assert.deepEqual(missing, {});
  near(values.curve_a, -0.4, 1e-6);
  near(values.curve_knee, 20 + 10, 1e-4);
  assert.deepEqual(curveFit.notes, [`1 of 2 curves: ${FIRST_POINT}`]);
});

test('a failed fit of one seed is reported; the other seed still gives a and the knee', () => {
  const flat = { step, loss: step.map(() => 1) };
  const { values, curveFit } = curveFeatures([curve(-0.5, 100), flat], 'taskrel');
  assert.equal(curveFit.status, 'partial');
  assert.deepEqual(curveFit.failures, ['the loss is constant']);
  near(values.curve_a, -0.5, 1e-6);
  near(values.curve_knee, 120, 1e-4);
});

test("the paper's mode gives its own features: notebook gradients, b and c", () => {
  const { values, missing } = curveFeatures([curve(-0.5, 100)], 'paper');
  assert.deepEqual(Object.keys(values).sort(), [
    'curve_b',
    'curve_c',
    'gradient_10',
    'gradient_20',
    'gradient_30',
    'gradient_50',
    'gradient_70',
  ]);
  assert.deepEqual(missing, {});
  near(values.curve_b, -0.5, 1e-6);
  // n = 50 points: the gradient at 50 % is at index 25 (step 520), between steps 500 and 540.
  near(values.gradient_50, (-0.5 * Math.log(540 + 100) + 0.5 * Math.log(500 + 100)) / 40, 1e-15);
});

test('no curve or only failed fits leave the features absent with reasons', () => {
  for (const mode of ['taskrel', 'paper'] as const) {
    const none = curveFeatures([], mode);
    assert.equal(none.curveFit.status, 'absent');
    assert.deepEqual(none.values, {});
    assert.equal(none.missing.gradient_10, 'no single-task run');
  }
  assert.equal(curveFeatures([], 'taskrel').missing.curve_knee, 'no single-task run');
  assert.equal(curveFeatures([], 'paper').missing.curve_b, 'no single-task run');
  const failed = curveFeatures([{ step, loss: step.map(() => 1) }], 'taskrel');
  assert.equal(failed.curveFit.status, 'failed');
  assert.equal('curve_knee' in failed.values, false);
  assert.match(failed.missing.curve_knee ?? '', /fit failed: the loss is constant/);
  assert.equal(failed.values.gradient_10, 0);
  const short = curveFeatures([{ step: [1, 2, 3, 4, 5], loss: [5, 4, 3, 2, 1] }], 'paper');
  assert.match(short.missing.gradient_10 ?? '', /unusable curve: 5 curve points, at least 10 needed/);
  assert.match(short.missing.curve_b ?? '', /fit failed: 1 point in the fitting window/);
});
