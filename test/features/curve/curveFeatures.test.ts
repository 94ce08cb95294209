import assert from 'node:assert/strict';
import { test } from 'node:test';
import { curveFeatures } from '../../../src/features/curve/curveFeatures.js';

const step = Array.from({ length: 50 }, (_, k) => 20 * (k + 1));
const curve = (a: number, c: number) => ({ step, loss: step.map((i) => a * Math.log1p(c * i) + 2) });

test('averages curve features over seeds', () => {
  const { values, curveFit, missing } = curveFeatures([curve(-0.5, 0.01), curve(-0.7, 0.03)]);
  assert.deepEqual(missing, {});
  assert.equal(curveFit.status, 'ok');
  assert.equal(curveFit.fitted, 2);
  assert.ok(Math.abs((values.curve_a ?? NaN) - -0.6) < 1e-6);
  assert.ok(Math.abs((values.curve_c ?? NaN) - 0.02) < 1e-7);
  // Gradient at 50 % = step 500 (index 24): central difference over steps 480 and 520, averaged over both curves.
  const slope = (a: number, c: number) => (a * Math.log1p(c * 520) - a * Math.log1p(c * 480)) / 40;
  assert.ok(Math.abs((values.gradient_50 ?? NaN) - (slope(-0.5, 0.01) + slope(-0.7, 0.03)) / 2) < 1e-15);
});

test('a failed fit of one seed is reported; the other seed still gives a and c', () => {
  const flat = { step, loss: step.map(() => 1) };
  const { values, curveFit } = curveFeatures([curve(-0.5, 0.01), flat]);
  assert.equal(curveFit.status, 'partial');
  assert.deepEqual(curveFit.failures, ['the loss is constant']);
  assert.ok(Math.abs((values.curve_a ?? NaN) - -0.5) < 1e-6);
});

test('a curve whose c runs off to infinity still gives curve_a; curve_c is absent with the reason', () => {
  const { values, missing, curveFit } = curveFeatures([curve(-0.4, 1e6)]);
  assert.equal(curveFit.status, 'failed');
  assert.equal(curveFit.fitted, 0);
  assert.ok(Math.abs((values.curve_a ?? NaN) - -0.4) < 1e-5);
  assert.match(missing.curve_c ?? '', /c → ∞/);
});

test('no curve or only failed fits leave the features absent with reasons', () => {
  const none = curveFeatures([]);
  assert.equal(none.curveFit.status, 'absent');
  assert.deepEqual(none.values, {});
  assert.equal(none.missing.curve_a, 'no single-task run');
  const failed = curveFeatures([{ step, loss: step.map(() => 1) }]);
  assert.equal(failed.curveFit.status, 'failed');
  assert.equal('curve_c' in failed.values, false);
  assert.match(failed.missing.curve_c ?? '', /fit failed: the loss is constant/);
  assert.equal(failed.values.gradient_10, 0);
});
